import { describe, expect, it } from 'vitest';
import { detect } from '../../src/anonymize/text/pipeline.js';

// Regression (2026-11-30, CITY recall): a French commune written as one hyphenated compound was missed
// without a place context ("Station choisie : Bagnoles-de-l'Orne", "GENDARMERIE DE CHÂTEAU-GONTIER");
// recognizers/hyphenated-communes.ts reads it from the commune list, former names of merged communes included.
const labelled = async (text: string, label: string) =>
  (await detect(text, { lang: 'fr' })).spans.filter((s) => s.label === label).map((s) => text.slice(s.start, s.end));

describe('a hyphenated commune name', () => {
  it('is a CITY with a link word inside, in any case, and by its former name', async () => {
    expect(await labelled("Station choisie : Bagnoles-de-l'Orne – établissement thermal.", 'CITY')).toEqual(["Bagnoles-de-l'Orne"]);
    expect(await labelled('convocation IRM le 01/12, antenne Argenton-sur-Creuse, à jeun', 'CITY')).toEqual(['Argenton-sur-Creuse']);
    expect(await labelled('APPEL GENDARMERIE DE CHÂTEAU-GONTIER (ADJ. FOUCHER) : recherche', 'CITY')).toEqual(['CHÂTEAU-GONTIER']);
    expect(await labelled('retour prévu : chalons-en-champagne mardi', 'CITY')).toEqual(['chalons-en-champagne']);
  });

  it('is no CITY when it is a person, a saint, a street or a facility', async () => {
    expect(await labelled('Vu par Jean-Pierre ce matin, puis Marie-Claude.', 'CITY')).toEqual([]);
    expect(await labelled('Aumônerie : chapelle Notre-Dame, pavillon Saint-Louis.', 'CITY')).toEqual([]);
    expect(await labelled('Domicile : 4 rue de Vitry-le-François', 'CITY')).toEqual([]);
  });
});
