import { describe, expect, it } from 'vitest';
import { shiftDateValue } from '../src/identity/date-shift.js';

/** The reference: the same shift done with Date (proleptic Gregorian, UTC). */
function byDate(value: string, days: number): string {
  const [y, m, d] = value.split('-').map(Number) as [number, number, number];
  const base = new Date(0);
  base.setUTCFullYear(y, m - 1, d);
  const t = new Date(base.getTime() + days * 86_400_000);
  return `${String(t.getUTCFullYear()).padStart(4, '0')}-${String(t.getUTCMonth() + 1).padStart(2, '0')}-${String(t.getUTCDate()).padStart(2, '0')}`;
}

// shiftDateValue moves full dates with integer day arithmetic (no Date objects, it runs for nearly
// every date released): it must agree with the calendar everywhere, leap days and centuries included.
describe('shiftDateValue on full dates agrees with the calendar', () => {
  const dates = ['1900-02-28', '1900-03-01', '2000-02-29', '2024-02-29', '2023-12-31', '1970-01-01', '0001-01-01', '1600-03-01', '2100-02-28', '9999-12-31'];
  const shifts = [-1, 1, -59, 59, -366, 366, -36_525, 36_525, -400_000];

  it('for every date and shift in the table, and keeps the time of day and zone', () => {
    for (const date of dates) {
      for (const days of shifts) {
        const expected = byDate(date, days);
        if (Number(expected.slice(0, 4)) < 0 || Number(expected.slice(0, 4)) > 9999) continue;
        expect(shiftDateValue(date, days), `${date} ${days}`).toBe(expected);
        expect(shiftDateValue(`${date}T08:30:00+01:00`, days)).toBe(`${expected}T08:30:00+01:00`);
      }
    }
  });

  it('for every day of four centuries, shifted by a few days each way', () => {
    for (let day = -146_097; day < 146_097; day += 1) {
      const date = new Date(day * 86_400_000 + Date.UTC(2000, 0, 1)).toISOString().slice(0, 10);
      const days = (day % 7) - 3 || 11;
      if (shiftDateValue(date, days) !== byDate(date, days)) expect(shiftDateValue(date, days), date).toBe(byDate(date, days));
    }
  });

  it('still refuses dates that do not exist', () => {
    for (const bad of ['2023-02-29', '1900-02-29', '2024-13-01', '2024-00-10', '2024-04-31', '2024-01-00']) {
      expect(() => shiftDateValue(bad, 1), bad).toThrow(TypeError);
    }
  });
});
