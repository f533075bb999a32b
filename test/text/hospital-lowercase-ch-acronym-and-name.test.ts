import { describe, expect, it } from 'vitest';
import { lowercaseFrenchFacilitySpans } from '../../src/anonymize/text/recognizers/facilities-lowercase-fr.js';
import { makeDoc } from '../../src/anonymize/text/normalize.js';

const hospitals = (text: string) => lowercaseFrenchFacilitySpans(makeDoc(text, 'fr')).filter((s) => s.label === 'HOSPITAL').map((s) => text.slice(s.start, s.end));

// Regression (read-set miss class, lowercase French notes: holdout15, holdout37, holdout52): a hospital's acronym and
// its town or name with no link word ("ch luxeuil", "ch intercommunal agout-thore") was no facility the lowercase rule
// read (it wanted "ch de …").
describe("a lowercase hospital acronym and its town or name", () => {
  it('is a hospital', () => {
    expect(hospitals('hdj neuro ch vesoul - feuille de surveillance')).toEqual(['ch vesoul']);
    expect(hospitals('ch intercommunal lot-garonne - pneumo 2e etage')).toEqual(['ch intercommunal lot-garonne']);
    expect(hospitals('consult. allergo-dermato chu limoges\npat. : x')).toEqual(['chu limoges']);
  });

  it('leaves a room number, a catheter size and capitals alone', () => {
    expect(hospitals('notes med/ide (ch 214)\nsonde ch silicone.\nCH Luxeuil - feuille')).toEqual([]);
  });
});
