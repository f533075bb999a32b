import { describe, expect, it } from 'vitest';
import { detect } from '../../src/anonymize/text/pipeline.js';

async function found(text: string, label: string, lang: 'en' | 'fr' = 'fr'): Promise<string[]> {
  const { spans } = await detect(text, { lang });
  return spans.filter((s) => s.label === label).map((s) => text.slice(s.start, s.end));
}

// Regression (holdout50, read): a bilingual form's label ("Adresse / Address / Adres :") was no address label, a
// country named in two languages ("Pays-Bas / Netherlands") was taken for the town, and a Dutch postcode
// ("7941 GK Meppel") was read as part of the town.
describe('a bilingual address field with a Dutch postcode', () => {
  const text = 'Adresse / Address / Adres : Zuideinde 41, 7941 GK Meppel, Pays-Bas / Netherlands\nHuisarts: dr. Marieke Hoogeveen';
  it('the street, the postcode and the town apart', async () => {
    expect(await found(text, 'ADDRESS')).toEqual(['Zuideinde 41']);
    expect(await found(text, 'ZIP')).toEqual(['7941 GK']);
    expect(await found(text, 'CITY')).toEqual(['Meppel']);
  });

  it('no postcode before an unlisted word', async () => {
    expect(await found('Lot 2026 NB Xyzzyq was used.', 'ZIP')).toEqual([]);
  });
});

// Regression (holdout50, read): "on the 5th" closed by a dash ("wedding on the 5th – advised …") was no date.
describe('an ordinal day after "on the" before a dash', () => {
  it('is a date', async () => {
    expect(await found("for his brother's wedding on the 5th – advised to ask", 'DATE', 'en')).toEqual(['5th']);
  });
});
