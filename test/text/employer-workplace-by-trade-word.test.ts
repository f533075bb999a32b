import { describe, expect, it } from 'vitest';
import { detect } from '../../src/anonymize/text/pipeline.js';

async function hospitals(text: string, lang: 'fr' | 'en'): Promise<string[]> {
  const { spans } = await detect(text, { lang });
  return spans.filter((s) => s.label === 'HOSPITAL').map((s) => text.slice(s.start, s.end));
}

// Regression (holdout48 miss class): a patient's or a relative's workplace named by its trade went out in clear or as
// a person ("the fall at the Kerry Group plant", "fromagerie de lagnieu", "Sucrerie de Ferké"); the sets mark
// employers as facilities.
describe('a workplace named by its trade', () => {
  it('is an employer, in English after the name', async () => {
    expect(await hospitals('since the fall at the Kerry Group plant in September; he works at Takamaka Fisheries Cooperative.', 'en')).toEqual(['Kerry Group', 'Takamaka Fisheries Cooperative']);
  });

  it('is an employer, in French before the place, in capitals or in a lowercase note', async () => {
    expect(await hospitals("coupeur de canne à la Sucrerie de Ferké ; appel de l'employeur (fromagerie de lagnieu) ; au travail à la verrerie de Wignehies", 'fr')).toEqual(['Sucrerie de Ferké', 'fromagerie de lagnieu', 'verrerie de Wignehies']);
  });

  it('leaves names of ordinary words only', async () => {
    expect(await hospitals('Blood Group: O+. Support Group on Tuesdays.', 'en')).toEqual([]);
  });
});
