import { describe, expect, it } from 'vitest';
import { twoLetterUnits } from '../../src/anonymize/text/ner/filter.js';

// What the model-span filter asked before: the letters, as a string, fill two UTF-16 units at least.
const byRemoval = (text: string) => text.replace(/[^\p{L}]/gu, '').length >= 2;

// xorshift32, so that a failure repeats.
let seed = 11;
const random = () => ((seed ^= seed << 13), (seed ^= seed >>> 17), (seed ^= seed << 5), (seed >>> 0) / 2 ** 32);
// ASCII and accented letters, digits, blanks, a combining mark, a CJK letter, astral letters and a
// non-letter astral symbol, and lone surrogates.
const PIECES = ['a', 'É', '中', '1', ' ', '-', '.', '\u0301', '𝐀', '😀', '\ud835', '\udc00'];

describe('letters filling two UTF-16 units, tested without removing the rest', () => {
  it('agrees with counting the letters left after removing every non-letter', () => {
    const texts = ['', 'a', 'ab', 'a1', '1a2', '𝐀', '😀', '😀a', 'É.', '.É.É', '\ud835', '\ud835\udc00', 'a\u0301'];
    for (let i = 0; i < 50_000; i++) {
      let s = '';
      const n = Math.floor(random() * 7);
      for (let k = 0; k < n; k++) s += PIECES[Math.floor(random() * PIECES.length)];
      texts.push(s);
    }
    for (const text of texts) expect(twoLetterUnits(text), JSON.stringify(text)).toBe(byRemoval(text));
  });
});
