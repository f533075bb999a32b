import { describe, expect, it } from 'vitest';
import { detect } from '../../src/anonymize/text/pipeline.js';

async function dates(text: string): Promise<string[]> {
  const { spans } = await detect(text, { lang: 'en' });
  return spans.filter((s) => s.label === 'DATE').map((s) => text.slice(s.start, s.end));
}

// Regression: "May 2" without a year was never a date (to keep the verb "may" out), so the first
// day of "from May 2 to May 9, 2023" was left in the text.
describe('"May" the month without a year', () => {
  it('is a date after a preposition or before a range', async () => {
    expect(await dates('She was admitted from May 2 to May 9, 2023.')).toEqual(['May 2', 'May 9, 2023']);
    expect(await dates('Seen in clinic on May 14.')).toEqual(['May 14']);
  });

  it('is not a date as the verb', async () => {
    expect(await dates('The patient may 2 or 3 times a day use the inhaler.')).toEqual([]);
    expect(await dates('Patients may 2 weeks later resume work.')).toEqual([]);
  });
});
