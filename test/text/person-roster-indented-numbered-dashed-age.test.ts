import { describe, expect, it } from 'vitest';
import { makeDoc } from '../../src/anonymize/text/normalize.js';
import { rosterBulletPersonSpans } from '../../src/anonymize/text/recognizers/persons-roster-bullet.js';

function names(text: string): string[] {
  return rosterBulletPersonSpans(makeDoc(text, 'en')).map((s) => text.slice(s.start, s.end));
}

// Regression (miss class "lowercase caseload lists without a bullet", holdout43): a list nested under a heading by an
// indent, an age between dashes, a town in brackets before the patient's number.
describe('lowercase rosters: indented lines, ages between dashes, a town before the number', () => {
  it('finds the names', () => {
    const notes = 'swab round, wk of 9/11\n  hemi tapsell 12y – nhi ZKT4471 – lives w/ nan\n  ana kereama 8y – nhi QWP2283\n' +
      'caseload\n2. doug pascoe – 63 – medicare 3098 11452 1 – lives alone\n4. merv tonkin (port elliot) medicare 2210 48871 3 – ostomy ok\n';
    expect(names(notes)).toEqual(['hemi', 'tapsell', 'ana', 'kereama', 'doug', 'pascoe', 'merv', 'tonkin']);
  });

  it('leaves indented prose and plain numbered steps alone', () => {
    expect(names('plan\n  wound care 2y – review\n  keep dressing dry\n3. check bloods – 14 – then\n1. lives alone (see chart) medicare pending\n')).toEqual([]);
  });
});
