import { describe, expect, it } from 'vitest';
import { detect } from '../../src/anonymize/text/pipeline.js';

async function persons(text: string, lang: 'fr' | 'en'): Promise<string[]> {
  const { spans } = await detect(text, { lang });
  return spans.filter((s) => s.label === 'PERSON').map((s) => text.slice(s.start, s.end));
}

// Regression (held-out miss class "lowercase SMS / portal text with no title"): first names in chat
// and portal messages, with no title or field label and often in lower case, were left in the text.
describe('names without a title in informal text', () => {
  it('finds a known first name after a greeting or an introduction, with its surname', async () => {
    expect(await persons('bonjour c sophie marchetti la fille de mr', 'fr')).toContain('sophie marchetti');
    expect(await persons('hey its daniel, running late', 'en')).toEqual(['daniel']);
    expect(await persons('Salut Camille, tu peux passer ?', 'fr')).toEqual(['Camille']);
  });

  it('finds a name after an informal family word or "la maman de", known or not', async () => {
    expect(await persons('prévenir mamie odette et le papa de kylian', 'fr')).toEqual(['odette', 'kylian']);
    expect(await persons('Ask auntie Bernadette to bring the meds', 'en')).toEqual(['Bernadette']);
  });

  it('finds a first name after "chez", after a closing at the end of a line, and alone in brackets', async () => {
    expect(await persons('Elle dort chez Josiane ce week-end.', 'fr')).toEqual(['Josiane']);
    expect(await persons('ok pour demain 10h\nbisous, manon', 'fr')).toEqual(['manon']);
    expect(await persons('play therapist (brenda) will visit', 'en')).toEqual(['brenda']);
  });

  it('leaves ordinary words, places and chat fillers alone', async () => {
    expect(await persons("c'est bon pour moi, merci", 'fr')).toEqual([]);
    expect(await persons('On part chez Nancy demain ? non, chez moi.', 'fr')).toEqual([]);
    expect(await persons('hi all, thanks. hey there', 'en')).toEqual([]);
    expect(await persons('Le père de famille est prévenu.', 'fr')).toEqual([]);
    expect(await persons('Referred from Quincy for review.', 'en')).toEqual([]);
  });
});
