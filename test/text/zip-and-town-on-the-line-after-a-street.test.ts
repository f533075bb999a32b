import { describe, expect, it } from 'vitest';
import { detect } from '../../src/anonymize/text/pipeline.js';

async function labelled(text: string, lang: 'fr' | 'en'): Promise<[string, string][]> {
  const { spans } = await detect(text, { lang });
  return spans.map((s) => [s.label, text.slice(s.start, s.end)]);
}

// Regression (holdout47 miss class): a street closed by a comma at the line's end, then the town and a four-digit
// postcode on the next line ("lot 14 dorat road,⏎  adelaide river 0846", a quoted "Rue de l'Église 21,⏎> 1690
// Villaz-Saint-Pierre"): the postcode went out in clear.
describe('a town and a four-digit postcode on the line after a street', () => {
  it('are the town and the postcode, either order', async () => {
    const en = await labelled('lives lot 14 dorat road,\n  adelaide river 0846.\nvisit at 148 cuckoo road,\n  winnaleah 7265. needs rails', 'en');
    expect(en).toContainEqual(['ZIP', '0846']);
    expect(en).toContainEqual(['CITY', 'adelaide river']);
    expect(en).toContainEqual(['ZIP', '7265']);
    const fr = await labelled("au cabinet (Rue de l'Église 21,\n> 1690 Villaz-Saint-Pierre) jeudi", 'fr');
    expect(fr).toContainEqual(['ZIP', '1690']);
    expect(fr).toContainEqual(['CITY', 'Villaz-Saint-Pierre']);
  });

  it('leaves a year on the next line', async () => {
    const found = await labelled('seen at 14 dorat road,\nreview 2026.', 'en');
    expect(found.filter(([label]) => label === 'ZIP')).toEqual([]);
  });
});
