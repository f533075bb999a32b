import { describe, expect, it } from 'vitest';
import { detect } from '../../src/anonymize/text/pipeline.js';

async function facilities(text: string, lang: 'fr' | 'en'): Promise<string[]> {
  const { spans } = await detect(text, { lang });
  return spans.filter((s) => s.label === 'HOSPITAL').map((s) => text.slice(s.start, s.end));
}

// Regression (miss class "lowercase employers after an article"): "travaille à la mine goldex", "works at the
// rossing uranium mine", "start shift at cement australia railton", "travaille de nuit chez transports jacquemet à
// tarare" were left in clear: the rule wanted the name right after "at" / "chez" and stopped at three words.
describe('a lowercase employer after a work phrase and an article', () => {
  it('is an employer, without the article and without what follows the name', async () => {
    expect(await facilities('il travaille a la mine goldex point antecedents', 'fr')).toEqual(['mine goldex']);
    expect(await facilities('son père travaille à la fromagerie de la nièvre, passe après 18h.', 'fr')).toEqual(['fromagerie de la nièvre']);
    expect(await facilities('il travaille de nuit chez transports jacquemet à tarare.', 'fr')).toEqual(['transports jacquemet']);
    expect(await facilities('her husband works at the rossing uranium mine near arandis.', 'en')).toEqual(['rossing uranium mine']);
    expect(await facilities('says he has to start shift at cement australia railton. no falls.', 'en')).toEqual(['cement australia railton']);
  });

  it('leaves ordinary places of work alone', async () => {
    expect(await facilities('il travaille a la maison depuis mars.', 'fr')).toEqual([]);
    expect(await facilities('she works at the local school as a cook.', 'en')).toEqual([]);
  });
});
