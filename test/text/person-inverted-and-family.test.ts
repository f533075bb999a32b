import { describe, expect, it } from 'vitest';
import { detect } from '../../src/anonymize/text/pipeline.js';

async function persons(text: string): Promise<string[]> {
  const { spans } = await detect(text, { lang: 'fr' });
  return spans.filter((s) => s.label === 'PERSON').map((s) => text.slice(s.start, s.end));
}

// Regression: identity lines written "SURNAME, First name, birth date" lost one of the two names,
// and an ordinary capitalised word after a family word ("Le père Allaitement …") was taken for a name.
describe('identity lines surname first, and family words before an ordinary word', () => {
  it('finds both names of "Surname, First name, birth date"', async () => {
    const line = 'Pedron, Ekrem, 5 JUIN 1940\nVu en consultation.';
    expect(await persons(line)).toEqual(expect.arrayContaining(['Pedron', 'Ekrem']));
    const field = 'Patient : le ravalec, ODETTE, 10 AVRIL 2005';
    // The article is left out of the span, as after every other rule.
    expect(await persons(field)).toEqual(expect.arrayContaining(['ravalec', 'ODETTE']));
  });

  it('does not take a degree after a name for a first name', async () => {
    const { spans } = await detect('Electronically signed: Robert Feinberg, MD, 02/09/2024', { lang: 'en' });
    expect(spans.filter((s) => s.label === 'PERSON').map((s) => 'Electronically signed: Robert Feinberg, MD, 02/09/2024'.slice(s.start, s.end))).not.toContain('MD');
  });

  it('skips an ordinary word after a family word, keeps a name', async () => {
    expect(await persons('Revenus stables. Le père Allaitement maternel exclusif et efficace.')).toEqual([]);
    expect(await persons('Sa fille Marie l’accompagnait.')).toContain('Marie');
  });
});
