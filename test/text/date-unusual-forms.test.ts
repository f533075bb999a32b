import { describe, expect, it } from 'vitest';
import { detect } from '../../src/anonymize/text/pipeline.js';

async function dates(text: string, lang: 'fr' | 'en'): Promise<string[]> {
  const { spans } = await detect(text, { lang });
  return spans.filter((s) => s.label === 'DATE').map((s) => text.slice(s.start, s.end));
}

// Regression (held-out miss classes "month first with dashes" as fax headers print it, "a misspelt
// month" and "a birth date with an impossible day", a typo of the real one).
describe('dates in unusual written forms', () => {
  it('finds month-first dates with dashes', async () => {
    expect(await dates('RECEIVED  NOV-14-2023 09:02  PAGE 1', 'en')).toContain('NOV-14-2023');
    expect(await dates('Seen on Sep-3-2024 in clinic.', 'en')).toContain('Sep-3-2024');
  });

  it('finds a day, a month one typo away and a year', async () => {
    expect(await dates('née le 4 setpembre 1961 à Agen', 'fr')).toContain('4 setpembre 1961');
    expect(await dates('admitted 12 Febuary 2024 with sepsis', 'en')).toContain('12 Febuary 2024');
    expect(await dates('12 marches 2020', 'fr')).toEqual([]);
  });

  it('keeps a birth date with an impossible day, only as a birth date', async () => {
    expect(await dates('DOB: 2/30/1977, allergies none', 'en')).toContain('2/30/1977');
    expect(await dates('né le 31/04/1950', 'fr')).toContain('31/04/1950');
    expect(await dates('ratio 31/04/1950 in the table', 'en')).toEqual([]);
  });
});
