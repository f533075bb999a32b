import { describe, expect, it } from 'vitest';
import { detect } from '../../src/anonymize/text/pipeline.js';

// Regression (holdout44 miss class, dictated letters): an identifier read again in words was labelled a phone (the
// spoken-phone guess outranked the weak identifier it repeats), and one read again after "that is" was not followed.
describe('an identifier read again', () => {
  it('keeps the identifier label over a spoken-phone guess', async () => {
    const text = 'Omang number 842311407, I repeat eight four two, three one one, four zero seven. Next of kin his wife.';
    const { spans } = await detect(text, { lang: 'en' });
    const again = spans.find((s) => text.slice(s.start, s.end).startsWith('eight four two'));
    expect(again?.label).toBe('ID');
  });

  it('is followed after "that is"', async () => {
    const text = 'National ID number CF06071104K2QP, that is C F zero six zero seven one one zero four K two Q P. Telephone of the husband';
    const { spans } = await detect(text, { lang: 'en' });
    const again = spans.find((s) => text.slice(s.start, s.end).startsWith('C F zero'));
    expect(again?.label).toBe('ID');
    expect(text.slice(again!.start, again!.end)).toBe('C F zero six zero seven one one zero four K two Q P');
  });

  // Regression (holdout45 miss): a semicolon closed the first reading ("… 008 317 ; je redis : deux, vingt, …"), and
  // the reading was left to a spoken-phone guess over part of it.
  it('is followed after a semicolon', async () => {
    const text = "Numéro CMU de l'enfant : 2 20 02 14 008 317 ; je redis : deux, vingt, zéro deux, quatorze, zéro zéro huit, trois cent dix-sept.";
    const { spans } = await detect(text, { lang: 'fr' });
    const again = spans.find((s) => text.slice(s.start, s.end).startsWith('deux, vingt'));
    expect(again?.label).toBe('ID');
    expect(text.slice(again!.start, again!.end)).toBe('deux, vingt, zéro deux, quatorze, zéro zéro huit, trois cent dix-sept');
  });
});
