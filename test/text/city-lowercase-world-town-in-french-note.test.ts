import { describe, expect, it } from 'vitest';
import { makeDoc } from '../../src/anonymize/text/normalize.js';
import { locationSpans } from '../../src/anonymize/text/recognizers/location.js';

function cities(text: string): string[] {
  return locationSpans(makeDoc(text, 'fr')).filter((s) => s.label === 'CITY').map((s) => text.slice(s.start, s.end));
}

// Regression (miss class "towns abroad in lowercase French dictations", holdout43 and earlier): after "a", "à" or a
// "de" of coming from, a town the world lists know is a town as a French commune is, in a note without capitals.
describe('lowercase towns abroad in a French note', () => {
  it('finds them after a, à and a de of coming from', () => {
    expect(cities('patiente de vingt ans etudiante en infirmerie a sousse point carte d identite')).toEqual(['sousse']);
    expect(cities('ne le 02/05/1941 a craiova (roumanie), chambre 8')).toEqual(['craiova']);
    expect(cities('son frere vient de kindia pour la visite')).toEqual(['kindia']);
  });

  it('leaves short abbreviations, roads and a facility word alone', () => {
    expect(cities('vu avec l ide en vad ce matin, zona depuis ven, accident sur la D 943')).toEqual([]);
    expect(cities('il a ete vu a la consultation puis rentre a domicile')).toEqual([]);
  });
});
