import { describe, expect, it } from 'vitest';
import { detect } from '../../src/anonymize/text/pipeline.js';

async function addresses(text: string, lang: 'fr' | 'en'): Promise<string[]> {
  const { spans } = await detect(text, { lang });
  return spans.filter((s) => s.label === 'ADDRESS').map((s) => text.slice(s.start, s.end));
}

// Regression (read-set miss class, Quebec: holdout24, holdout40, holdout41, holdout49, holdout50, holdout52): a rural
// address on a "rang" (a concession road: "148, rang Notre-Dame", "218, rang 4 Ouest") was no street.
describe('a Quebec rang after its house number', () => {
  it('is an address', async () => {
    expect(await addresses('RAMQ XXXX 0000 0000\n212, rang Saint-Joseph, Sainte-Perpétue (Québec) G0R 3Z0', 'fr')).toContain('212, rang Saint-Joseph');
    expect(await addresses('Votre adresse est toujours le 318, rang 6 Est, Macamic ?', 'fr')).toEqual(expect.arrayContaining([expect.stringContaining('318, rang 6')]));
  });

  it('leaves a rank and an English "rang" after a clock time alone', async () => {
    expect(await addresses('Il est au premier rang de la classe, rang 2 sur 30.', 'fr')).toEqual([]);
    expect(await addresses('09:05 rang mrs hughes re seroma, no answer', 'en')).toEqual([]);
  });
});
