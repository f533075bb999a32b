import { describe, expect, it } from 'vitest';
import { ageSpans } from '../../src/anonymize/text/recognizers/age.js';
import { makeDoc } from '../../src/anonymize/text/normalize.js';

// Regression (holdout44 miss class, night logs of care homes): an age over 89 in brackets after a room ("mr grandjean
// rene ch 7 (91)", "nora pomare (rm 4, 93)") went out in clear, the room's number standing where a word was expected.
describe('an age in brackets after a room', () => {
  const ages = (text: string) => ageSpans(makeDoc(text, 'auto')).map((s) => text.slice(s.start, s.end));

  it('is an age', () => {
    expect(ages('mon 16/11 am – nora pomare (rm 4, 93), nhi ZAB4122.')).toEqual(['93']);
    expect(ages('23h10 – mr grandjean rene ch 7 (91) sonde a demeure')).toEqual(['91']);
  });

  it('leaves a percentage and an age under 90', () => {
    expect(ages('bed 4 (92%) on 2 l, rm 6 (84) settled')).toEqual([]);
  });
});
