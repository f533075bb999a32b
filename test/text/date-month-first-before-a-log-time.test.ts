import { describe, expect, it } from 'vitest';
import { detect } from '../../src/anonymize/text/pipeline.js';

async function dates(text: string): Promise<string[]> {
  const { spans } = await detect(text, { lang: 'en' });
  return spans.filter((s) => s.label === 'DATE').map((s) => text.slice(s.start, s.end));
}

// Regression (holdout48 miss class): a US nurse's log opens each entry with month/day, a 24-hour time and a dash
// ("11/28 2215 — arrived"); only day-first pairs (day over 12) had been read there.
describe('a month and day before a log entry time', () => {
  it('is a date', async () => {
    expect(await dates('11/28 2215 — arrived by county ems.\n11/29 0010 — 4h level drawn.\naddendum 11/29 0330 — phone returned')).toEqual(['11/28', '11/29', '11/29']);
  });

  it('leaves a fraction before a quantity, and a pair before a number that is no time', async () => {
    expect(await dates('gave 1/2 1000 mg tab. Score 3/4 2500 — steps.')).toEqual([]);
  });
});
