import { describe, expect, it } from 'vitest';
import { detect } from '../../src/anonymize/text/pipeline.js';

async function persons(text: string, lang: 'fr' | 'en'): Promise<string[]> {
  const { spans } = await detect(text, { lang });
  return spans.filter((s) => s.label === 'PERSON').map((s) => text.slice(s.start, s.end));
}

// Regression (holdout47 miss class): "daughter Mrs⏎Gillian", "Fille, Mme⏎Claire" — the family-word rule took the
// title at the line's end for the relative's name and marked "Mrs" as a person, a false span in every such note.
describe('a family word, then a title at the end of the line', () => {
  it('leaves the title and finds the name on the next line', async () => {
    const en = await persons('Spoke with daughter Mrs\nGillian Hart on the phone.\nson, Mr\nPeter Hart visited.', 'en');
    expect(en).toEqual(['Gillian Hart', 'Peter Hart']);
    const fr = await persons('Appel de la Fille, Mme\nClaire Dubois ce jour.\nfrère, M.\nJean Dubois.', 'fr');
    expect(fr).toEqual(['Claire Dubois', 'Jean Dubois']);
  });

  it('still takes a relative named on the same line', async () => {
    expect(await persons('Spoke with daughter Gillian on the phone.', 'en')).toEqual(['Gillian']);
    expect(await persons('Appel de la fille Claire ce jour.', 'fr')).toEqual(['Claire']);
  });
});
