import { describe, expect, it } from 'vitest';
import { detect } from '../../src/anonymize/text/pipeline.js';

async function phones(text: string, lang: 'fr' | 'en'): Promise<string[]> {
  const { spans } = await detect(text, { lang });
  return spans.filter((s) => s.label === 'PHONE').map((s) => text.slice(s.start, s.end));
}

// Regression (fourth round, class "phones in national plans the shapes did not know, extensions in
// groups, numbers said aloud"): they were read as identifiers or left in the text.
describe('foreign groupings, extensions in groups and phones said aloud', () => {
  it('finds short national numbers after a phone word, and the same shape elsewhere in the note', async () => {
    expect(await phones('Contact: 6281 3390 (mobile); her son Wei 8174 2265 also.', 'en')).toEqual(['6281 3390', '8174 2265']);
    expect(await phones('Tel: 4 718 6620 (home)', 'en')).toEqual(['4 718 6620']);
    expect(await phones('ligne directe 27 15 80', 'fr')).toEqual(['27 15 80']);
  });

  it('finds national numbers opened by a trunk 0 and written in groups', async () => {
    expect(await phones('Rang the practice on 01 612 8840 today.', 'en')).toEqual(['01 612 8840']);
    expect(await phones('Son: 0422-315-7700.', 'en')).toEqual(['0422-315-7700']);
    expect(await phones('daughter, 013-402 7781, lives nearby', 'en')).toEqual(['013-402 7781']);
  });

  it('does not cut a phone out of a longer grouped identifier', async () => {
    expect(await phones('n° adhérent 3 55 07 41 208 116', 'fr')).toEqual([]);
  });

  it('finds extensions in groups and DECT handsets', async () => {
    expect(await phones('joignable au poste 4 27 18', 'fr')).toEqual(['4 27 18']);
    expect(await phones('call ext. 3-5120 for results', 'en')).toEqual(['3-5120']);
    expect(await phones('infirmière de coordination, DECT 6631', 'fr')).toEqual(['6631']);
  });

  it('finds digits said with "double", and French numbers said in pairs', async () => {
    expect(await phones('her number is oh seven seven double four one two three nine eight five', 'en')).toEqual(['oh seven seven double four one two three nine eight five']);
    const fr = 'rappelez-moi au zéro sept, douze, quatre-vingt-dix-sept, trente et un, zéro deux merci';
    expect(await phones(fr, 'fr')).toEqual(['zéro sept, douze, quatre-vingt-dix-sept, trente et un, zéro deux']);
    expect(await phones('il a zéro six ans de recul, vingt patients', 'fr')).toEqual([]);
  });
});
