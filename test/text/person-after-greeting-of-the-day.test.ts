import { describe, expect, it } from 'vitest';
import { detect } from '../../src/anonymize/text/pipeline.js';

async function persons(text: string, lang: 'fr' | 'en'): Promise<string[]> {
  const { spans } = await detect(text, { lang });
  return spans.filter((s) => s.label === 'PERSON').map((s) => text.slice(s.start, s.end));
}

// Regression (miss class "a name after a greeting of the day, closing the sentence", holdout33, 35, 36, 38, 43):
// "Good morning Gordon." names the reader as "Dear Gordon," does; a title there is no name.
describe('a name after a greeting of the day', () => {
  it('finds the name', async () => {
    expect(await persons('Nov 24, 2026 11:02 AM\nGood morning Tavish. Your last doses are done.', 'en')).toEqual(['Tavish']);
    expect(await persons('Message de l\'infirmière.\nBonjour Ornella. Tu as de la fièvre ?', 'fr')).toEqual(['Ornella']);
  });

  it('leaves titles alone', async () => {
    expect(await persons('Good evening Doctor. Bonjour M. le directeur. Bonsoir Docteure.', 'en')).toEqual([]);
  });
});
