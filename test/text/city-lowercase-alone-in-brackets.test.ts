import { describe, expect, it } from 'vitest';
import { makeDoc } from '../../src/anonymize/text/normalize.js';
import { locationSpans } from '../../src/anonymize/text/recognizers/location.js';

function cities(text: string): string[] {
  return locationSpans(makeDoc(text, 'en')).filter((s) => s.label === 'CITY').map((s) => text.slice(s.start, s.end));
}

// Regression (miss class "a lowercase town alone in brackets after a name", holdout30, 38, 43): "(strathalbyn)" holds
// the town with no blank inside the bracket, as "( strathalbyn )" or ", strathalbyn," would.
describe('a lowercase town alone in brackets', () => {
  it('finds it', () => {
    expect(cities('2. doreen kuchel (strathalbyn) medicare 4208 55312 2 – review\n09:05 rang mrs glenys pugh (holyhead), nhs')).toEqual(['strathalbyn', 'holyhead']);
  });

  it('leaves an ordinary word in brackets alone', () => {
    expect(cities('pain (improving) and swelling (left), seen (urgent)')).toEqual([]);
  });
});
