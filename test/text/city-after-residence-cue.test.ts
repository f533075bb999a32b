import { describe, expect, it } from 'vitest';
import { detect } from '../../src/anonymize/text/pipeline.js';

async function cities(text: string, lang: 'fr' | 'en' = 'en'): Promise<string[]> {
  const { spans } = await detect(text, { lang });
  return spans.filter((s) => s.label === 'CITY').map((s) => text.slice(s.start, s.end));
}

// Regression (holdout10 and holdout11, read): after "lives in", "born in", "habite à", "venue de" a town
// that is also a surname or a word ("Inverness") or a small commune in lowercase ("lavaur") was refused
// by the guards every place word shares.
describe('a town after a word that says where someone lives, was born or comes from', () => {
  it('counts when any list knows it, whatever else the word is', async () => {
    expect(await cities('about my dad, hes 93, lives in Inverness (cape breton), his legs')).toEqual(['Inverness']);
    expect(await cities('She was born in Chesterfield and grew up in Leek.')).toEqual(['Chesterfield', 'Leek']);
  });

  it('a French commune of any size, in lowercase too', async () => {
    expect(await cities('dimanche : mamie tereza est venue de lavaur. sonde changée', 'fr')).toEqual(['lavaur']);
    expect(await cities('la famille habite à saint-agrève depuis 2019', 'fr')).toEqual(['saint-agrève']);
  });

  it('not a word no list holds as a town', async () => {
    expect(await cities('He lives in Fear of falling and moved to Assisted living.')).toEqual([]);
    // "moved to" names wards and units as often ("moved to Tyler and then to Mobile unit 3").
    expect(await cities('moved to Tyler and then to Mobile unit 3')).toEqual([]);
  });
});
