import { describe, expect, it } from 'vitest';
import { detect } from '../../src/anonymize/text/pipeline.js';

const persons = async (text: string, lang: 'fr' | 'en') =>
  (await detect(text, { lang })).spans.filter((s) => s.label === 'PERSON').map((s) => text.slice(s.start, s.end));

// The person a relative is named after was left in clear: "tante de Noa", "the mother of Elif". Only a relative
// named after the kin word ("sa tante Noa") was read.
describe('the person a relative is the relative of', () => {
  it('reads the name after "de", "d\'" or "of", a first name a dictionary also holds among them', async () => {
    const fr = 'Cagnotte organisée par Sandrine Keller (marraine de Noa). La grand-mère d\'Élouan a appelé.';
    const found = await persons(fr, 'fr');
    expect(found).toContain('Noa');
    expect(found).toContain('Élouan');
    expect(await persons('The aunt of Tamsin Hollis rang the ward this morning.', 'en')).toContain('Tamsin Hollis');
  });

  it('stops at the sentence and leaves a title, an ordinary word and a firm', async () => {
    const found = await persons("Sa mère de Famille. Le fils de Mme Ravel est venu. He is the manager of Tesco.", 'fr');
    expect(found.some((s) => s.includes('Famille'))).toBe(false);
    expect(found).not.toContain('Mme Ravel');
    expect(found).not.toContain('Tesco');
  });
});
