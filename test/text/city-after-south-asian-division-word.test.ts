import { describe, expect, it } from 'vitest';
import { townsInAdministrativeDivisionSpans } from '../../src/anonymize/text/recognizers/towns-in-administrative-divisions.js';
import { makeDoc } from '../../src/anonymize/text/normalize.js';

const towns = (text: string) => townsInAdministrativeDivisionSpans(makeDoc(text, 'en')).map((s) => text.slice(s.start, s.end));

// Regression (holdout52 miss class, South Asian dictations): the division's word before the town, without "of"
// ("taluka Sinnar, district Nashik", "tehsil Khanewal"), was no cue; the towns went out in clear or read as a person.
describe('a town after taluka, tehsil, district, zila or mandal', () => {
  it('is a city', () => {
    expect(towns('resident of the village near the temple, taluka Niphad, district Nashik. Aadhaar number follows.')).toEqual(['Niphad', 'Nashik']);
    expect(towns('Chak 14, tehsil Mian Channu, zila Khanewal.')).toEqual(['Mian Channu', 'Khanewal']);
  });

  it('leaves a role or a facility after "district" alone', () => {
    expect(towns('Seen by the District Nurse; district General Hospital follow-up.')).toEqual([]);
  });
});
