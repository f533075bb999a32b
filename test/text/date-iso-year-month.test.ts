import { describe, expect, it } from 'vitest';
import { makeDoc, fold } from '../../src/anonymize/text/normalize.js';
import { dateSpans, shiftWrittenDate } from '../../src/anonymize/text/recognizers/dates.js';

function dates(text: string): string[] {
  return dateSpans(makeDoc(text, 'en')).map((s) => text.slice(s.start, s.end));
}

// Regression (miss class "a year and month in ISO order", holdout31 and 43): "2026-04" in an export's column or a
// note is a date and moves as one; a product's expiry and a code's digits are not.
describe('year and month in ISO order', () => {
  it('reads and shifts them', () => {
    expect(dates('"RHD-NT-01177","2026-10-19","14","2026-04","Dr Ilton"')).toEqual(['2026-10-19', '2026-04']);
    expect(dates('under the eating disorders service since 2025-07, reviewed')).toEqual(['2025-07']);
    expect(shiftWrittenDate('2026-04', 45, { lang: 'en' }, fold)).toBe('2026-05');
  });

  it('leaves expiries and codes alone', () => {
    expect(dates('lot 8841201, péremption 2027-04 ; exp 2026-11 ; ref CM-2608-44 ; cement 2025-09-B')).toEqual([]);
  });
});
