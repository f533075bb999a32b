import { describe, expect, it } from 'vitest';
import { detect } from '../../src/anonymize/text/pipeline.js';

async function persons(text: string): Promise<string[]> {
  const { spans } = await detect(text, { lang: 'en' });
  return spans.filter((s) => s.label === 'PERSON').map((s) => text.slice(s.start, s.end));
}

// Regression (miss class "the person a mail's subject opens on"): "Subject: RE: Elis – rash and sore throat" and
// "Objet : Réal — le spa" left a child's or a husband's given name in clear: alone, with no title or surname, no name
// rule read it, and many given names are dictionary words.
describe("the person a mail's subject line opens on", () => {
  it('reads a given name after the subject and its reply prefixes', async () => {
    const text = 'From: Gwen Parry\nSent: Fri 20 Nov 2026 10:04\nSubject: RE: Emrys – rash and sore throat\n\nPlease keep him off school.';
    expect(await persons(text)).toContain('Emrys');
  });

  it('reads a given name that is also a word when the body writes it as a name', async () => {
    const text = 'Subject: Harper – spica cast and daycare\n\nHi Dr Lane, we are worried that Harper cannot sit in her car seat.';
    expect((await persons(text)).filter((n) => n === 'Harper')).toHaveLength(2);
  });

  it("leaves a subject's topic and a family's word alone", async () => {
    const out = await persons('Subject: Pre-assessment – questions\n\nThe pre-assessment nurse rang.\nObjet : Papa – malaise au volant\n');
    expect(out.filter((n) => /assessment|Papa/u.test(n))).toEqual([]);
  });
});
