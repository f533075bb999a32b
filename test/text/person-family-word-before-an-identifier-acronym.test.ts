import { describe, expect, it } from 'vitest';
import { detect } from '../../src/anonymize/text/pipeline.js';

async function persons(text: string, lang: 'fr' | 'en'): Promise<string[]> {
  const { spans } = await detect(text, { lang });
  return spans.filter((s) => s.label === 'PERSON').map((s) => text.slice(s.start, s.end));
}

// Regression (false positive seen in holdout32, holdout34 and holdout38): the French possessive "son" reads as
// the English family word, and "son NISS est bien …" named "NISS" (an identifier's name) as the son.
describe('a family word before four capitals', () => {
  it('names no one when no name list knows the word', async () => {
    expect(await persons('Pour la mutuelle : son NISS est bien noté dans le dossier.', 'fr')).toEqual([]);
    expect(await persons('Merci de nous envoyer son NISS et sa mutuelle.', 'fr')).toEqual([]);
  });

  it('still names a relative written in capitals', async () => {
    expect(await persons('Contact: her son LUKE on the ward phone.', 'en')).toContain('LUKE');
  });
});
