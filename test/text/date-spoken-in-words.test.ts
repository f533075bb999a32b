import { describe, expect, it } from 'vitest';
import { detect } from '../../src/anonymize/text/pipeline.js';

async function dates(text: string, lang: 'fr' | 'en'): Promise<string[]> {
  const { spans } = await detect(text, { lang });
  return spans.filter((s) => s.label === 'DATE').map((s) => text.slice(s.start, s.end));
}

// Regression (held-out miss class "a date said in words", voicemail and dictation transcripts): a month
// with its day in words, and a year in words or a word that introduces a date before it.
describe('dates said in words', () => {
  it('finds English and French spoken dates', async () => {
    expect(await dates('uh her birthday is april twenty-second nineteen forty six i think', 'en')).toEqual(['april twenty-second nineteen forty six']);
    expect(await dates('the surgery was on the ninth of november', 'en')).toEqual(['the ninth of november']);
    expect(await dates('elle est née le quatorze juillet mille neuf cent trente et un', 'fr')).toEqual(['quatorze juillet mille neuf cent trente et un']);
  });

  it('leaves a verb and a rank, or a count of months, alone', async () => {
    expect(await dates('we march third in the parade', 'en')).toEqual([]);
    expect(await dates('les deux mai et juin ont été difficiles', 'fr')).toEqual([]);
  });
});
