import { describe, expect, it } from 'vitest';
import { detect } from '../../src/anonymize/text/pipeline.js';

async function facilities(text: string, lang: 'fr' | 'en' = 'en'): Promise<string[]> {
  const { spans } = await detect(text, { lang });
  return spans.filter((s) => s.label === 'HOSPITAL').map((s) => text.slice(s.start, s.end));
}

// Regression (holdout15, holdout25, read): a lowercase note's employer after "works at" and a pharmacy
// named by its owner's possessive stayed in clear: the employer rules want capitals.
describe('an employer or a pharmacy in a lowercase note', () => {
  it('is a facility after a work phrase, and a pharmacy by its owner', async () => {
    expect(await facilities('distal radius k-wires, works at carroll cuisine. needs interpreter')).toEqual(['carroll cuisine']);
    expect(await facilities('rescue pack out of date per mccartan\'s pharmacy.')).toEqual(["mccartan's pharmacy"]);
  });

  // Regression (holdout26, read): "worked at", "travaille de nuit chez", and a name followed by the rest of
  // the sentence ("works at tambrands until 3") instead of punctuation.
  it('after the past tense, a shift, or before the rest of the sentence', async () => {
    expect(await facilities('he worked at northparkes mines, employer rang re workers comp.')).toEqual(['northparkes mines']);
    expect(await facilities('depo due. works at tambrands until 3.')).toEqual(['tambrands']);
    expect(await facilities('il travaille de nuit chez eurenco vals.\nlit 9', 'fr')).toEqual(['eurenco vals']);
  });

  it('is not an ordinary word, a first name alone or an institution\'s pharmacy', async () => {
    expect(await facilities('works at home, part time.')).toEqual([]);
    expect(await facilities('she works at home and as a carer')).toEqual([]);
    expect(await facilities('elle travaille chez marie, le soir.', 'fr')).toEqual([]);
    expect(await facilities("confirmed with the sending prison's pharmacy")).toEqual([]);
  });
});
