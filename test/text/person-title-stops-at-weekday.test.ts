import { describe, expect, it } from 'vitest';
import { detect } from '../../src/anonymize/text/pipeline.js';

async function persons(text: string, lang: 'fr' | 'en' = 'en'): Promise<string[]> {
  const { spans } = await detect(text, { lang });
  return spans.filter((s) => s.label === 'PERSON').map((s) => text.slice(s.start, s.end));
}

// Regression (holdout26, read): a weekday written after a titled surname was taken into the name
// ("Dr Chua Tues 8/12", "M. Gleyze. Mon père"), so the surrogate swallowed the weekday.
describe('a titled name before a weekday', () => {
  it('stops before the weekday', async () => {
    expect(await persons('F2F with Dr Chua Tues 8/12')).toEqual(['Chua']);
    expect(await persons('Bonjour, je suis la fille de M. Gleyze. Mon père est hospitalisé', 'fr')).toEqual(['Gleyze']);
  });

  it('a surname that is a weekday word alone stays a name', async () => {
    expect(await persons('seen by Dr Sun today')).toEqual(['Sun']);
  });
});
