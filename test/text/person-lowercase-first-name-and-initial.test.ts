import { describe, expect, it } from 'vitest';
import { informalPersonSpans } from '../../src/anonymize/text/recognizers/persons-informal.js';
import { makeDoc } from '../../src/anonymize/text/normalize.js';

const persons = (text: string) => informalPersonSpans(makeDoc(text, 'en')).map((s) => text.slice(s.start, s.end));

// Regression (read-set miss class, lowercase ward notes: holdout19, holdout22, holdout26, holdout33, holdout39,
// holdout44): staff sign and are named by a lowercase first name and the initial of the surname ("- niamh k., staff
// nurse", "nurse notes (eilidh m.)", "rn on: aroha t. (am) / dylan p. (pm)"); the capitalised form was read, not this.
describe('a lowercase first name and an initial with its dot', () => {
  it('is a person, the initial with it', () => {
    expect(persons('log rolled, turns 2-hourly.\n- sinead k., staff nurse')).toContain('sinead k.');
    expect(persons('day unit – wed 25/11 – nurse notes (eilidh t.)')).toContain('eilidh t.');
  });

  it('leaves an ordinary word, an abbreviation and a time alone', () => {
    expect(persons('see fig. 2 and p. 4, review at 3 p.m. with the ward team; stable c. 2 days.')).toEqual([]);
  });
});
