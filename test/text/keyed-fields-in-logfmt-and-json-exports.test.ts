import { describe, expect, it } from 'vitest';
import { detect } from '../../src/anonymize/text/pipeline.js';

async function labelled(text: string): Promise<string[]> {
  const { spans } = await detect(text, { lang: 'fr' });
  return spans.filter((s) => ['PERSON', 'AGE', 'ZIP', 'CITY'].includes(s.label)).map((s) => `${s.label} ${text.slice(s.start, s.end)}`);
}

// Regression (miss class "a field of a structured export read by its key"): a logfmt line of an integration log
// ("nom=ROUSSIN prenom=Guy age=92 cp=35133 commune=Laignelet") left its postcode, its town and an age over 89 in
// clear, and JSON exports their "nom" and an "age" over 89: only JSON towns and postcodes were read by key.
describe('fields of an export read by their key', () => {
  it('reads a logfmt line: names, an age over 89, the postcode and the town', async () => {
    const line = 'ts=2026-11-30T07:12:45Z level=info nom=ROUSSIN prenom=Guy age=92 cp=35133 commune=Laignelet statut=suivi';
    expect(await labelled(line)).toEqual(['PERSON ROUSSIN', 'PERSON Guy', 'AGE 92', 'ZIP 35133', 'CITY Laignelet']);
  });

  it('reads a town of several words left unquoted, up to the next key', async () => {
    expect(await labelled('level=info cp=35133 commune=La Chapelle-Janson centre="CH du Nord"')).toContain('CITY La Chapelle-Janson');
  });

  it('reads a JSON surname and an age over 89, not an age under 90', async () => {
    const out = await labelled('{"nom":"HAUTECOEUR","prenom":"Gilbert","age":91,"cp":"62152"}\n{"nom":"LEPRETRE","age":54}');
    expect(out).toEqual(expect.arrayContaining(['PERSON HAUTECOEUR', 'PERSON Gilbert', 'AGE 91', 'PERSON LEPRETRE']));
    expect(out).not.toContain('AGE 54');
  });

  it("leaves a facility's name to the facility rules", async () => {
    const out = await labelled('{"etablissement":{"nom":"Centre Hospitalier de Kourou","finess":"970305843"}}');
    expect(out.filter((s) => s.startsWith('PERSON'))).toEqual([]);
  });
});
