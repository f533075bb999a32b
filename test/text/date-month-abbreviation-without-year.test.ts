import { describe, expect, it } from 'vitest';
import { detect } from '../../src/anonymize/text/pipeline.js';
import { shiftWrittenDate } from '../../src/anonymize/text/recognizers/dates.js';
import { fold } from '../../src/anonymize/text/normalize.js';

async function dates(text: string): Promise<string[]> {
  const { spans } = await detect(text, { lang: 'en' });
  return spans.filter((s) => s.label === 'DATE').map((s) => text.slice(s.start, s.end));
}

// Regression (miss class "an abbreviated month and a day, no year", as English notes write follow-up
// dates): "Jan 5", "Sept 12" were dropped as ambiguous. Capitalised as a month is written; not "MAR"
// (medication record), "dec" (decrease) or a dose ("Oct 3 mg").
describe('abbreviated month and day without a year in English', () => {
  it('finds them and moves them like any date', async () => {
    expect(await dates('Next INR Jan 9, then review Sept 22 in clinic.')).toEqual(['Jan 9', 'Sept 22']);
    expect(shiftWrittenDate('Jan 9', 3, { lang: 'en' }, fold)).toBe('Jan 12');
  });

  it('leaves medication records, decreases and doses alone', async () => {
    expect(await dates('MAR 3 doses given, dec 2 units, Oct 3 mg')).toEqual([]);
  });
});
