import { describe, expect, it } from 'vitest';
import { detect } from '../../src/anonymize/text/pipeline.js';

async function cities(text: string): Promise<string[]> {
  const { spans } = await detect(text, { lang: 'en' });
  return spans.filter((s) => s.label === 'CITY').map((s) => text.slice(s.start, s.end));
}

// Regression (held-out miss class "US towns outside the gazetteers, often lowercase"): towns of the
// US, Canada and Australia (faker's en city lists) after a place word, in any case; a town that is also
// a first name or an ordinary word ("Tyler", "Mobile", "Normal") only in several words.
describe('English-speaking towns from the gazetteer', () => {
  it('finds towns after a place word, lowercase too', async () => {
    expect(await cities('she drove in from Tuscaloosa overnight')).toEqual(['Tuscaloosa']);
    expect(await cities('lives in grand rapids with her son')).toEqual(['grand rapids']);
    expect(await cities('transferred from Kalamazoo last week')).toEqual(['Kalamazoo']);
  });

  it('leaves towns named like a person or an ordinary word alone', async () => {
    expect(await cities('moved to Tyler and then to Mobile unit 3, as is normal')).toEqual([]);
  });
});
