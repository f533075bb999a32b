import { describe, expect, it } from 'vitest';
import { wordBeforeBlanks } from '../../src/anonymize/text/merge.js';

const REGEX = /([\p{L}-]+)[ \t]+$/u;

describe('the word before the blanks that end a window, read backwards', () => {
  it('is what the end-anchored regex captures, at every window of every mix of letters, hyphens, blanks, surrogates', () => {
    const alphabet = ['a', 'Z', '-', ' ', '\t', 'é', '𝐀', '\ud835', '\udc00', '1', ',', '\n', 'ß'];
    const texts: string[] = ['', ' ', 'Abilify  ', 'x Abilify-Maintena \t', '𝐀𝐁 ', '\udc00a ', 'é-é\t'];
    for (let n = 0; n < 20000; n++) {
      let s = '';
      for (let j = (n * 7) % 11; j > 0; j--) s += alphabet[(n * 31 + j * 17 + ((n >> 3) % 5)) % alphabet.length]!;
      texts.push(s);
    }
    for (const text of texts) {
      for (let from = 0; from <= Math.min(2, text.length); from++) {
        expect(wordBeforeBlanks(text, from, text.length)).toBe(REGEX.exec(text.slice(from))?.[1]);
      }
    }
  });
});
