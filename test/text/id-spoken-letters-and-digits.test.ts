import { describe, expect, it } from 'vitest';
import { detect } from '../../src/anonymize/text/pipeline.js';

async function found(text: string, lang: 'fr' | 'en'): Promise<string[]> {
  const { spans } = await detect(text, { lang });
  return spans.filter((s) => s.label === 'ID' || s.label === 'PHONE').map((s) => `${s.label}:${text.slice(s.start, s.end)}`);
}

// Regression (fourth round, class "identifiers dictated letter by letter and digit by digit"): a
// hospital number or a file number said in a voice note was left in the text.
describe('identifiers said letter by letter and digit by digit', () => {
  it('finds a dictated identifier after an identifier word', async () => {
    expect(await found('Hospital number is k t four four one nine zero two. end of note', 'en')).toEqual(['ID:k t four four one nine zero two']);
    expect(await found('numéro de dossier : b deux sept un huit neuf merci', 'fr')).toEqual(['ID:b deux sept un huit neuf']);
  });

  it('leaves counts, letters alone and phone numbers to their own readings', async () => {
    expect(await found('the hospital number is one in four patients', 'en')).toEqual([]);
    expect(await found('the mrn is a b c d e', 'en')).toEqual([]);
    expect(await found('her number is oh seven seven double four one two three nine eight five', 'en')).toEqual(['PHONE:oh seven seven double four one two three nine eight five']);
  });
});
