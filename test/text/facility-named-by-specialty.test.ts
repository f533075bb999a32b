import { describe, expect, it } from 'vitest';
import { detect } from '../../src/anonymize/text/pipeline.js';

async function facilities(text: string): Promise<string[]> {
  const { spans } = await detect(text, { lang: 'fr' });
  return spans.filter((s) => s.label === 'HOSPITAL').map((s) => text.slice(s.start, s.end));
}

// Regression (holdout23, holdout25, holdout26; read): a practice or a centre named by its specialty
// before its own name was cut at the specialty, a lowercase word, so its name went unmarked.
describe('a practice or centre named by its specialty, then its name', () => {
  it('is one facility', async () => {
    expect(await facilities("Dr Hélène Castaing, Cabinet d'ophtalmologie du Dropt, Eymet")).toEqual(["Cabinet d'ophtalmologie du Dropt"]);
    expect(await facilities('Centre de planning familial Les Marronniers – Rue Saint-Martin 14, 7500 Tournai')).toEqual(['Centre de planning familial Les Marronniers']);
    expect(await facilities("rééducation — Cabinet d'orthophonie Cabrol-Ponsolle\n3 promenade du Tivoli")).toEqual(["Cabinet d'orthophonie Cabrol-Ponsolle"]);
  });

  it('a specialty with no name after it names no facility', async () => {
    expect(await facilities('adressée au cabinet de radiologie pour une échographie')).toEqual([]);
  });
});
