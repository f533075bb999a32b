import { describe, expect, it } from 'vitest';
import { detect } from '../../src/anonymize/text/pipeline.js';

async function ages(text: string, lang: 'en' | 'fr' = 'en'): Promise<string[]> {
  const { spans } = await detect(text, { lang });
  return spans.filter((s) => s.label === 'AGE').map((s) => text.slice(s.start, s.end));
}

// Regression (holdout14..42 miss class, 20 spans): an age over 89 written right after a person's name in a ward list,
// a log line or a letter ("bed 5 jessie wemyss 96 chi …", "lit 7 – mr chiron 92a hyponatrémie", "my husband Jim (92
// in January)") was left in clear when no age word came with it. Every example is invented.
describe('an age over 89 right after a name', () => {
  it('is an age, with or without its unit letter', async () => {
    expect(await ages('bed 5 – nellie o\'brien 95, #nof r, dhs thurs')).toEqual(['95']);
    expect(await ages('lit 7 – mme quenot ginette 93a hernie crurale', 'fr')).toEqual(['93']);
    expect(await ages('Kia ora,\n\nMy husband Jim (92 in January) had his cataract done.')).toEqual(['92']);
  });

  it('not a younger age, nor a measure after a name', async () => {
    expect(await ages('bed 5 – nellie o\'brien 85, #nof r')).toEqual([]);
    expect(await ages('weights: nellie o\'brien 95 kg, stable')).toEqual([]);
  });
});
