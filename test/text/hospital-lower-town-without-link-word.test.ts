import { describe, expect, it } from 'vitest';
import { detect } from '../../src/anonymize/text/pipeline.js';

const hospitals = async (text: string) =>
  (await detect(text, { lang: 'fr' })).spans.filter((s) => s.label === 'HOSPITAL').map((s) => text.slice(s.start, s.end));

// Regression (2026-11-30, HOSPITAL recall in lowercase notes): "chu estaing" (no "de") and the
// territorial, specialised and general centres ("cht de cannes", "chs", "chg", "gh") were missed; the
// commune list still decides that the word after the head is a town.
describe('a lowercase hospital named by its town', () => {
  it('is found without the link word and under more heads', async () => {
    expect(await hospitals('naissance au chu estaing le 3/10, jumeaux')).toEqual(['chu estaing']);
    expect(await hospitals('orientation vers la consultation du cht de cannes.')).toEqual(['cht de cannes']);
  });

  it('is not read where no commune follows the head', async () => {
    expect(await hospitals('douleur ch lombaire, hopital jour, cmp enfants')).toEqual([]);
  });
});
