import { describe, expect, it } from 'vitest';
import { detect } from '../../src/anonymize/text/pipeline.js';

async function labelled(text: string): Promise<string[]> {
  const { spans } = await detect(text, { lang: 'fr' });
  return spans.filter((s) => s.label === 'ZIP' || s.label === 'CITY').map((s) => `${s.label}:${text.slice(s.start, s.end)}`);
}

// Regression (held-out miss class "Belgian and Swiss addresses"): the house number comes after the
// street and a four-digit postcode before the town ("Rue Haute 12, boîte 3, 1000 Bruxelles"); the
// street was found, the postcode and the town were not.
describe('a four-digit postcode and its town after a numbered street', () => {
  it('Belgian address with a box number', async () => {
    expect(await labelled('Domicile : Rue des Alliés 48, bte 2, 1190 Forest. GSM suit.')).toEqual(['ZIP:1190', 'CITY:Forest']);
  });

  it('Swiss address', async () => {
    expect(await labelled('Adresse : Avenue de Beaumont 7, 1012 Lausanne')).toEqual(['ZIP:1012', 'CITY:Lausanne']);
  });

  it('not a year after a street with no number', async () => {
    expect(await labelled('vu rue de la Gare, 2024 Bilan prévu')).toEqual([]);
  });
});
