import { describe, expect, it } from 'vitest';
import { detect } from '../../src/anonymize/text/pipeline.js';

async function ids(text: string, lang: 'fr' | 'en'): Promise<string[]> {
  const { spans } = await detect(text, { lang });
  return spans.filter((s) => s.label === 'ID').map((s) => text.slice(s.start, s.end));
}

// Regression (held-out miss class "identifiers with an unfamiliar context word and fewer than 8
// digits"): short numbers after prescription, hospital-number and national-number keywords, and
// numbers under an identifier column header, were left in the text.
describe('short identifiers after identifier keywords and under identifier columns', () => {
  it('finds short numbers after prescription, hospital and personal-number keywords', async () => {
    expect(await ids('Rx# 5520918 dispensed, PPSN 1234567WA on file, Hosp No. KT7 30418.', 'en')).toEqual(['5520918', '1234567WA', 'KT7 30418']);
    expect(await ids('UR 0418823 - theatre 2', 'en')).toEqual(['0418823']);
    expect(await ids('Ordonnance n° 40517 du médecin', 'fr')).toEqual(['40517']);
  });

  it('finds the cells of an identifier column, and only those', async () => {
    const text = '| UR | Procedure | Theatre |\n|---|---|---|\n| 702194 | TKR | 3 |\n| 88310 | Arthroscopy | 12 |';
    expect(await ids(text, 'en')).toEqual(['702194', '88310']);
    expect(await ids('Lit\tIPP\tService\n12\tA4471\tCardio\n14\t90127\tPneumo', 'fr')).toEqual(['A4471', '90127']);
  });

  it('does not take a fax page, a study protocol or lowercase "ur" for an identifier', async () => {
    expect(await ids('Télécopie N° 2/3', 'fr')).toEqual([]);
    expect(await ids('Enrolled on protocol COG1733 arm B.', 'en')).toEqual([]);
    expect(await ids('see u at 3, ur 2 kids ok?', 'en')).toEqual([]);
  });
});
