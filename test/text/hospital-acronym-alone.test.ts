import { describe, expect, it } from 'vitest';
import { makeDoc } from '../../src/anonymize/text/normalize.js';
import { hospitalAcronymSpans } from '../../src/anonymize/text/recognizers/hospital-acronyms.js';

function hospitals(text: string): string[] {
  return hospitalAcronymSpans(makeDoc(text, 'fr')).map((s) => text.slice(s.start, s.end));
}

// Regression (miss class "a hospital named by its acronym alone", holdout43 and earlier): "CH", "CHU", "CHR" or
// "CHRU" and the capitals of its town are that one hospital's name; the generic and ambiguous acronyms are not.
describe('hospitals named by their acronym', () => {
  it('finds CH/CHU/CHR acronyms of one hospital', () => {
    expect(hospitals('Transférée au CHUV le 12/11, revue au CHOV puis scanner au CHM ; copie CHRUN.')).toEqual(['CHUV', 'CHOV', 'CHM', 'CHRUN']);
  });

  it('leaves the generic, the ambiguous, words, names and addresses alone', () => {
    expect(hospitals('Adressé au CHU, CHI 0102034567, CHF stade III, CHEZ sa fille, CHEN Julie, contact@chuv.ch, CHUTE.')).toEqual([]);
  });
});
