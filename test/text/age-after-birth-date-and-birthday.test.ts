import { describe, expect, it } from 'vitest';
import { ageSpans } from '../../src/anonymize/text/recognizers/age.js';
import { makeDoc } from '../../src/anonymize/text/normalize.js';

// Regression (fifth rule round, AGE recall class): an age over 89 written after a date of birth, in
// brackets or after a comma, and the age a birthday counts, had no cue word and were missed.
const ages = (text: string, lang: 'fr' | 'en' = 'en') => ageSpans(makeDoc(text, lang)).map((s) => text.slice(s.start, s.end));

describe('an age after a date of birth', () => {
  it('is found in brackets or after a comma when the birth year gives it', () => {
    expect(ages('2. Gwilym Rees, DOB 14/03/1931 (93), syncope after vaccine.')).toEqual(['93']);
    expect(ages('Nora (DOB 02.11.1929, 95) home from ward 7.')).toEqual(['95']);
  });
  it('is not found when the number cannot be the age that year gives, or is not over 89', () => {
    expect(ages('DOB 12/03/1975 (92) per old chart.')).toEqual([]);
    expect(ages('DOB 12/03/1950 (74), lives alone.')).toEqual([]);
    expect(ages('Audit 2021 (94) cases reviewed.')).toEqual([]);
  });
});

describe('the age a birthday counts', () => {
  it('is found in English and French', () => {
    expect(ages('Leave granted for her grandfather’s 92nd birthday on Sunday.')).toEqual(['92']);
    expect(ages('Sortie pour le 100e anniversaire de sa mère.', 'fr')).toEqual(['100']);
  });
  it('is not found for a younger birthday or another ordinal', () => {
    expect(ages('Leave granted for her 18th birthday.')).toEqual([]);
    expect(ages('Seen on the 95th day of admission.')).toEqual([]);
  });
});
