import { describe, expect, it } from 'vitest';
import { detect } from '../../src/anonymize/text/pipeline.js';

async function persons(text: string, lang: 'fr' | 'en' = 'en'): Promise<string[]> {
  const { spans } = await detect(text, { lang });
  return spans.filter((s) => s.label === 'PERSON').map((s) => text.slice(s.start, s.end));
}

// Regression (holdout9 miss): after a family word, a given name and a surname that a dictionary holds
// too ("husband Tuan Dang": "tuan" and "dang" are both listed words) were skipped as ordinary words.
describe('two capitalised words after a family word', () => {
  it('name the relative even when a dictionary knows both', async () => {
    expect(await persons('Donor runs a nail salon; husband Tuan Dang supportive; no coercion identified.')).toEqual(['Tuan Dang']);
  });

  it('one ordinary capitalised word, or a capital then lowercase words, still starts a sentence', async () => {
    expect(await persons('Le père Allaitement maternel exclusif depuis la naissance.', 'fr')).toEqual([]);
  });
});
