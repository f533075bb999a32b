import { describe, expect, it } from 'vitest';
import { detect } from '../../src/anonymize/text/pipeline.js';

async function ages(text: string, lang: 'fr' | 'en'): Promise<string[]> {
  const { spans } = await detect(text, { lang });
  return spans.filter((s) => s.label === 'AGE').map((s) => text.slice(s.start, s.end));
}

// Regression (holdout12..24, read): an age over 89 in a note's or a table's shorthand ("94a,", "(92 y)",
// "| 95 y |") or after a sex letter ("(M, 91)") stayed in clear: the age scan wanted "ans", "years", "yo".
describe('an age over 89 in shorthand', () => {
  it('is an age with "a" or "y" before punctuation, and after a sex letter and a comma', async () => {
    expect(await ages('lit 9 - mme rosa 92a, angiocholite', 'fr')).toEqual(['92']);
    expect(await ages('- mme vialatte (93 a) route de Salers', 'fr')).toEqual(['93']);
    expect(await ages('| 12 Jul 1931 | clear | 95 y |', 'en')).toEqual(['95']);
    expect(await ages('3. PELLEGRINI, Tommaso (M, 91) Hosp no SA0130027', 'en')).toEqual(['91']);
  });

  it('is not French prose, a younger age or a count', async () => {
    expect(await ages('la dose de 92 a été donnée', 'fr')).toEqual([]);
    expect(await ages('pt: doreen, 64y, home visits', 'en')).toEqual([]);
    expect(await ages('Platelets 95, (M, 12)', 'en')).toEqual([]);
  });
});
