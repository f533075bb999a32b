import { describe, expect, it } from 'vitest';
import { detect } from '../../src/anonymize/text/pipeline.js';

const cities = async (text: string) => (await detect(text, { lang: 'en' })).spans.filter((s) => s.label === 'CITY').map((s) => text.slice(s.start, s.end));

// Regression (found in the third review): the towns-of-relatives-and-journeys rule refused any first word that opens as
// a month or a weekday does ("Marlow", "Montreal", "Sunderland" start like "mar", "mon", "sun"), so "came from Marlow
// Bottom" kept only the context rule's "Marlow". Months and weekdays are now whole words.
describe('a journey\'s town whose name opens like a month or a weekday', () => {
  it('is the whole town', async () => {
    expect(await cities('she came from Marlow Bottom overnight')).toEqual(['Marlow Bottom']);
  });

  it('still is no month or weekday', async () => {
    expect(await cities('my sister in March. visit from Mon. to Thu')).toEqual([]);
  });
});
