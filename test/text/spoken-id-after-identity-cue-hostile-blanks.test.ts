import { describe, expect, it } from 'vitest';
import { makeDoc } from '../../src/anonymize/text/normalize.js';
import { spokenIdSpans } from '../../src/anonymize/text/recognizers/ids-spoken.js';

// Regression (hostile input, found in review): the first writing of the rule for an identifier a few words after an
// identity word split each run of blanks between two quantifiers, so "card" and seven words behind long runs of blanks
// backtracked in exponential time (30 s for runs of ten blanks, far beyond any timeout for thirty). The input here
// finishes in milliseconds once the blanks split one way only; vitest's own timeout catches the old form.
describe('the identity-cue rule on long runs of blanks', () => {
  it('returns at once, and still reads a number after the blanks', () => {
    const hostile = 'card' + (' '.repeat(30) + 'ab').repeat(7) + ' !';
    expect(spokenIdSpans(makeDoc(hostile, 'en'))).toEqual([]);
    const text = "sa carte d'identité porte" + ' '.repeat(40) + 'le numéro trois, deux, zéro, un, un, zéro, sept.';
    expect(spokenIdSpans(makeDoc(text, 'fr')).map((s) => text.slice(s.start, s.end))).toContain('trois, deux, zéro, un, un, zéro, sept');
  });
});
