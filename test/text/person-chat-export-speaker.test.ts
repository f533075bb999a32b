import { describe, expect, it } from 'vitest';
import { detect } from '../../src/anonymize/text/pipeline.js';

async function persons(text: string, lang: 'en' | 'fr'): Promise<string[]> {
  const { spans } = await detect(text, { lang });
  return spans.filter((s) => s.label === 'PERSON').map((s) => text.slice(s.start, s.end));
}

// Regression (held-out miss class "the sender of a line in an exported chat"): WhatsApp-style
// exports put the sender between the timestamp and the colon; names no list knows, or known ones
// with no title, were left there.
describe('the speaker of an exported chat line', () => {
  it('after a bracketed date and time, in French', async () => {
    expect(await persons('[05/03/2025 09:14] Maelys : je passe chez elle à 10h', 'fr')).toEqual(['Maelys']);
  });

  it('with an initial and a role in brackets, in English', async () => {
    expect(await persons('[2025-03-05, 09:15] Ewan T (night porter): on my way to bay 4', 'en')).toEqual(['Ewan T']);
  });

  it('after a bare date-time and a dash', async () => {
    expect(await persons('05/03/2025, 09:16 - Oriane: ok pour moi', 'fr')).toEqual(['Oriane']);
  });

  it('not an ordinary word in that place, nor a colon elsewhere', async () => {
    expect(await persons('[05/03/2025 09:17] Rappel : bilan sanguin à jeun', 'fr')).toEqual([]);
    expect(await persons('Objet : bilan 09:30 demain', 'fr')).toEqual([]);
  });
});
