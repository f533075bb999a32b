import { describe, expect, it } from 'vitest';
import { detect } from '../../src/anonymize/text/pipeline.js';

async function persons(text: string): Promise<string[]> {
  const { spans } = await detect(text, { lang: 'fr' });
  return spans.filter((s) => s.label === 'PERSON').map((s) => text.slice(s.start, s.end));
}

// Regression (holdout24, read 2026-11-30): a shift note signed name first, role after ("m-l. chassagne ide
// / hugo as") left its signatures in clear: the role rules read a name after the role only.
describe('a signature with the role after the name', () => {
  it('is a person: an initial and a surname, a first name and an initial, or a known first name', async () => {
    expect(await persons('tazocilline debut 15h\np-a. rouvier ide / julien as')).toEqual(['p-a. rouvier', 'julien']);
    // "m. ide" also reads as a title and a surname (M. Ide): the spans join, the name is inside.
    const joined = (await persons('pansement fait\nsophie m. ide nuit / kevin as')).join(' | ');
    expect(joined).toContain('sophie m.');
    expect(joined).toContain('kevin');
    expect(await persons('a prevenir\nd. fauconnet IDE')).toEqual(['d. fauconnet']);
  });

  it('is nobody when the word before the role is an ordinary word', async () => {
    expect(await persons('bilan fait\nrelève ide / nuit as')).toEqual([]);
    expect(await persons('vu avec cadre / interne')).toEqual([]);
  });
});
