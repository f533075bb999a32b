import { describe, expect, it } from 'vitest';
import { detect } from '../../src/anonymize/text/pipeline.js';

async function addresses(text: string, lang: 'fr' | 'en' = 'fr'): Promise<string[]> {
  const { spans } = await detect(text, { lang });
  return spans.filter((s) => s.label === 'ADDRESS').map((s) => text.slice(s.start, s.end));
}

// Regression (holdout18 and holdout19, first scored 2026-11-30): addresses with no street word went out
// in clear — a lieu-dit after "domiciliés" or "domicile du donneur :", a "quartier" or a "zone
// artisanale" before its postcode and town, a rural "Box 412" before its town.
describe('addresses that no street word names', () => {
  it('a lieu-dit after a home label, before its postcode and town', async () => {
    expect(await addresses('Les époux Garnier, domiciliés Les Combes Basses, 15230 Pierrefort, sont venus.')).toContain('Les Combes Basses');
    expect(await addresses('domicile de la patiente : la Croix-Madec, 29450 Commana')).toContain('la Croix-Madec');
  });

  it('a quartier or an industrial zone', async () => {
    expect(await addresses('Régiment du génie, quartier Lyautey, Angers. Entrée le 2/11.')).toContain('quartier Lyautey');
    expect(await addresses('Chauffeur chez Transports Rivière (zone artisanale des Petits Champs, 39100 Dole).')).toContain('zone artisanale des Petits Champs');
  });

  it('a rural box before its town', async () => {
    expect(await addresses('Home: Box 915, Cardston AB T0K 0K0', 'en')).toContain('Box 915');
  });

  it('not a box in a form, a neighbourhood in prose, nor a name after a home label', async () => {
    expect(await addresses('Tick Box 12, Section B of the consent form.', 'en')).toEqual([]);
    expect(await addresses('Il vit dans le quartier depuis vingt ans.')).toEqual([]);
    expect(await addresses('Domicile : chez M. Pierre Lemoine, 15230 Pierrefort')).not.toContain('M. Pierre Lemoine');
  });
});
