import { describe, expect, it } from 'vitest';
import { dateSpans, shiftWrittenDate } from '../../src/anonymize/text/recognizers/dates.js';
import { fold, makeDoc } from '../../src/anonymize/text/normalize.js';

function dates(text: string, lang: 'fr' | 'en'): string[] {
  return dateSpans(makeDoc(text, lang)).map((s) => text.slice(s.start, s.end));
}

// Regression (holdout45 miss class "a few days of one month joined by a dash, a week's first day"): a sick note's
// days "(19–21/11)", a caseload's week "wk 23-27/11" and a night with its year "14-15/11/2026" were left whole in
// clear (only a night's two consecutive days were read); "semaine 16 au 22/11" lost its first day to the week-count rule.
describe('spans of days before one month', () => {
  it('reads a few days joined by a dash, with or without the year', () => {
    expect(dates('Sick note for 3 days given (19–21/11). Rest', 'en')).toContain('19–21/11');
    expect(dates('lbp/sciatica caseload wk 23-27/11', 'en')).toContain('23-27/11');
    expect(dates('phone log – night 14-15/11/2026', 'en')).toContain('14-15/11/2026');
  });

  it('reads no score, no count of months and no long stretch as a span of days', () => {
    const found = dates('EVA 3-4/10 ce soir, symptoms for 2-3/12, ratio 14-30/11 units', 'en');
    expect(found.some((d) => d.includes('3-4/10') || d.includes('2-3/12') || d.includes('14-30/11'))).toBe(false);
  });

  it("reads a week's first day before its last one", () => {
    expect(dates('cahier de transmissions ide - semaine 16 au 22/11', 'fr')).toEqual(expect.arrayContaining(['16', '22/11']));
    expect(dates('protocole semaine 2 au 22/11', 'fr')).not.toContain('2');
  });

  it('moves the last day as a date and keeps the span its length', () => {
    expect(shiftWrittenDate('19–21/11', 3, { lang: 'en' }, fold)).toBe('22–24/11');
    expect(shiftWrittenDate('14-15/11/2026', -40, { lang: 'en' }, fold)).toBe('05-06/10/2026');
    expect(shiftWrittenDate('30-31/12/26', 3, { lang: 'fr' }, fold)).toBe('02-03/01/27');
  });
});
