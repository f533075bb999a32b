import { describe, expect, it } from 'vitest';
import { detect } from '../../src/anonymize/text/pipeline.js';

async function places(text: string, lang: 'fr' | 'en' = 'fr'): Promise<string[]> {
  const { spans } = await detect(text, { lang });
  return spans.filter((s) => s.label === 'ZIP' || s.label === 'CITY').map((s) => `${s.label} ${text.slice(s.start, s.end)}`);
}

// Regression (holdout5, 6, 9, 12 misses): a postcode before a town a list knows ("6000 Charleroi",
// "3062 Sfax"), or after it across a dash ("Vellore – 632006"), and a French postcode after a street
// across an en dash or before one ("1 rue Marengo – 49325 Cholet", "10003 Troyes – 03 …") were missed.
describe('postcodes and towns across dashes and in the code-first order', () => {
  it('four or five digits before a listed town closing the part', async () => {
    expect(await places('site Notre-Dame\nGrand\'Rue 3, 6000 Charleroi\nRapport')).toEqual(['ZIP 6000', 'CITY Charleroi']);
    expect(await places('rue Ibn Khaldoun n° 14, 3062 Sfax – tél. +216 98 412 733')).toEqual(['ZIP 3062', 'CITY Sfax']);
  });

  it('a dash between a listed town and its code', async () => {
    expect(await places('Gandhi Nagar 3rd Cross, Katpadi, Vellore – 632006\nDate of Admission', 'en')).toContain('ZIP 632006');
  });

  it('an en dash after a French street, or after the town', async () => {
    expect(await places('1 rue Marengo – 49325 Cholet\nMadame')).toEqual(['ZIP 49325', 'CITY Cholet']);
    expect(await places('101 avenue Anatole France, 10003 Troyes – 03 25 49 48 71')).toEqual(['ZIP 10003', 'CITY Troyes']);
  });

  it('a year before a town, or digits before an unlisted word, stay text', async () => {
    expect(await places('In total, 2019 Paris visits were logged', 'en')).toEqual([]);
    expect(await places('Lot 4, 1200 Widgets shipped', 'en')).toEqual([]);
  });

  // Regression (review of the eighth rule round): in an address field closed by its country, the
  // field's span took the country for the town and ran over the postcode and the town; their spans
  // outrank it, merging drops an outranked span whole, and the street ("Grand'Rue 3") was left in clear.
  it('an address field closed by its country keeps its street', async () => {
    const text = "Adresse : Grand'Rue 3, 6000 Charleroi, Belgique";
    const { spans } = await detect(text, { lang: 'fr' });
    expect(spans.map((s) => `${s.label} ${text.slice(s.start, s.end)}`)).toEqual(["ADDRESS Grand'Rue 3", 'ZIP 6000', 'CITY Charleroi']);
  });
});
