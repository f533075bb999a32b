import { describe, expect, it } from 'vitest';
import { makeDoc } from '../../src/anonymize/text/normalize.js';
import { dateSpans } from '../../src/anonymize/text/recognizers/dates.js';

function dates(text: string): string[] {
  return dateSpans(makeDoc(text, 'en')).map((s) => text.slice(s.start, s.end));
}

// Regression (miss class "a day and month range without a year; 'til' before a date", holdout43): the dash of
// "15/11–17/11" joins two dates, each read as a date alone would be; "til 9/12" introduces one as "until" does.
describe('day and month ranges and "til"', () => {
  it('reads both ends of a range and a date after til', () => {
    expect(dates('admitted Ipswich Hospital 14/11–18/11, dehydration')).toEqual(['14/11', '18/11']);
    expect(dates('hip precautions til 6/12. raised toilet seat')).toEqual(['6/12']);
  });

  it('still leaves scores and fractions joined by a dash alone', () => {
    expect(dates('EVA 3/10-4/10 ce jour, 1/2-3/4 cp')).toEqual([]);
  });
});
