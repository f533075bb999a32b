import { describe, expect, it } from 'vitest';
import { detect } from '../../src/anonymize/text/pipeline.js';

async function labelled(text: string, lang: 'fr' | 'en' = 'en'): Promise<string[]> {
  const { spans } = await detect(text, { lang });
  return spans.filter((s) => s.label === 'ID' || s.label === 'PHONE').map((s) => `${s.label} ${text.slice(s.start, s.end)}`);
}

// Regression (holdout11 misses, left from the seventh round): a second identifier written after a first
// in its shape, after a slash and a bracketed note, had no keyword and was read as a phone or left.
describe('a second identifier of the same shape', () => {
  it('is an identifier too', async () => {
    expect(await labelled('Re: IVF – NHS number 787 789 3280 (Ms K) / 721 742 1802 (Mr K)\nThank you')).toEqual(['ID 787 789 3280', 'ID 721 742 1802']);
    expect(await labelled('Aides auditives, n° de série 3HKT9921 (D) / 3HKT9922 (G). Fin', 'fr')).toEqual(['ID 3HKT9921', 'ID 3HKT9922']);
  });

  it('a value of another shape after it keeps its own reading', async () => {
    expect(await labelled('NHS number 787 789 3280 / tel 0161 496 0123')).toEqual(['ID 787 789 3280', 'PHONE 0161 496 0123']);
  });
});
