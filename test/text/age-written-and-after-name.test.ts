import { describe, expect, it } from 'vitest';
import { detect } from '../../src/anonymize/text/pipeline.js';

async function ages(text: string, lang: 'fr' | 'en'): Promise<string[]> {
  const { spans } = await detect(text, { lang });
  return spans.filter((s) => s.label === 'AGE').map((s) => text.slice(s.start, s.end));
}

// Regression (fourth round, class "ages over 89 in words, in brackets after a name, after a bold
// name, in bilingual units"): they were left in the text.
describe('ages over 89 in written and list forms', () => {
  it('finds ages in words with a unit or an age word', async () => {
    expect(await ages('she is ninety-six years old and lives alone', 'en')).toEqual(['ninety-six']);
    expect(await ages("so she's ninety four and still drives", 'en')).toEqual(['ninety four']);
    expect(await ages('aged a hundred and two', 'en')).toEqual(['a hundred and two']);
    expect(await ages('madame R., quatre-vingt-seize ans, chute', 'fr')).toEqual(['quatre-vingt-seize']);
    expect(await ages('patiente de nonante-trois ans', 'fr')).toEqual(['nonante-trois']);
  });

  it('does not take counts, decades or "nonagenarian" for an age', async () => {
    expect(await ages('ninety patients were screened; a nonagenarian cohort', 'en')).toEqual([]);
    expect(await ages('quatre-vingt-seize comprimés délivrés', 'fr')).toEqual([]);
  });

  it('finds an age in brackets after a name, not after a measure', async () => {
    expect(await ages('Visited Mrs Ada Pryce (93) at home.', 'en')).toEqual(['93']);
    expect(await ages('grandmother Edith Marlowe (101!) came too', 'en')).toEqual(['101']);
    expect(await ages('Heart Rate (92) regular', 'en')).toEqual([]);
  });

  it('finds an age after a bold name and in Dutch-French units', async () => {
    expect(await ages('- **Bed 3 – Edna Roe**, 97, hip fracture', 'en')).toEqual(['97']);
    expect(await ages('PEETERS Anna (91 j./ans)', 'fr')).toEqual(['91']);
  });
});
