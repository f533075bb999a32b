import { describe, expect, it } from 'vitest';
import { detect } from '../../src/anonymize/text/pipeline.js';

async function persons(text: string, lang: 'fr' | 'en' = 'en'): Promise<string[]> {
  const { spans } = await detect(text, { lang });
  return spans.filter((s) => s.label === 'PERSON').map((s) => text.slice(s.start, s.end));
}

// Regression (holdout38, read; holdout29/30/32/37 dictate the same): a dictation spells the surname letter by
// letter after saying it ("patient Aili Rautio, spelled R A U T I O"); the letters went out in clear.
describe('a name spelled letter by letter after it is said', () => {
  it('is a person', async () => {
    expect(await persons('six. patient Aili Rautio, spelled R A U T I O, date of birth')).toContain('R A U T I O');
    const fr = await persons('Pierre-Louis Nadège,\nje répète P I E R R E tiret L O U I S, née le', 'fr');
    expect(fr).toEqual(expect.arrayContaining(['P I E R R E', 'L O U I S']));
  });

  it('not letters that spell no word said before them (an identifier read letter by letter)', async () => {
    expect(await persons('hospital number M Z C H two one four, ward K T G A')).toEqual([]);
  });
});
