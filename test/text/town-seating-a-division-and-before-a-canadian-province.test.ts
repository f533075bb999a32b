import { describe, expect, it } from 'vitest';
import { detect } from '../../src/anonymize/text/pipeline.js';

async function towns(text: string, lang: 'en' | 'fr' = 'fr'): Promise<string[]> {
  const { spans } = await detect(text, { lang });
  return spans.filter((s) => s.label === 'CITY').map((s) => text.slice(s.start, s.end));
}

// Regression (holdout50, read; +15 towns across the read sets): a town named as the seat of an administrative division
// ("sous-préfecture de Sinta", "District de Nyamagabe", "commune d'Ambalavao", "Tansen municipality") was left in clear.
describe('a town seating an administrative division', () => {
  it('after a French division word, before an English one', async () => {
    expect(await towns('Accompagnée, sous-préfecture de Sinta, préfecture de Télimélé. Son oncle')).toEqual(['Sinta', 'Télimélé']);
    expect(await towns('Provenance : district de Friguiagbé, préfecture de Kindia\nEntrée le 28/10/2026')).toEqual(['Friguiagbé', 'Kindia']);
    expect(await towns('Address: ward four, near the temple, Tansen municipality, Palpa.', 'en')).toContain('Tansen');
  });

  it("not a tier of a facility's name, nor an ordinary word", async () => {
    expect(await towns("pharmacie de l'hôpital de district de Doba pour le renouvellement")).not.toContain('Doba');
    expect(await towns('le district de Santé organise une campagne')).toEqual([]);
  });
});

// Regression (holdout50, read): a Canadian province in brackets between the town and its postcode ("Clair (N.-B.) E7A
// 2H5", "Otter Lake (QC) J0X 2P0") hid the town.
describe('a town before a Canadian province in brackets and its postcode', () => {
  it('is a town', async () => {
    expect(await towns('Adresse : 318, rue Principale, Clair (N.-B.) E7A 2H5. Cell. 506-992-4170.')).toEqual(['Clair']);
    expect(await towns('lives alone at 27 chemin du Lac-Dumont, Otter Lake (QC) J0X 2P0. Since', 'en')).toEqual(['Otter Lake']);
  });
});
