import { describe, expect, it } from 'vitest';
import { keywordBeforeSeparatorScanner, longestMatch } from '../../src/anonymize/text/recognizers/keyword-before-separator.js';

const KEYWORDS = String.raw`nom(?: de naissance)?|pr[eé]noms?|signed by|cc|de|[aà]`;
const PATTERN = new RegExp(String.raw`(?<![\p{L}])(?:${KEYWORDS})[ \t]*[:=|][ \t]*([\p{Lu}][\p{L}]+)`, 'dgu');
const scan = keywordBeforeSeparatorScanner({ pattern: PATTERN, keywordSource: KEYWORDS, separators: ':=|' });
const asFound = (ms: RegExpExecArray[]) => ms.map((m) => [m.index, m[0], m.indices![1]]);

describe('a keyword-before-separator pattern scanned only before its separators', () => {
  it('finds what the global scan finds, in the same order, however close the separators are', () => {
    for (const text of [
      'nom: Durand | prénom: Anne',
      'Nom de naissance :Martin, cc:Paul de: Lea à=Rose',
      'nom  \t : Durand:Paul||de|Jean',
      'xnom: Durand, nomz: Paul, signed by   :   Yves',
      'prénoms:Anne prenom:Eve de:de:Luc',
      ':::|||===',
      'no separator at all',
    ]) {
      expect(asFound(scan(text))).toEqual(asFound([...text.matchAll(PATTERN)]));
    }
  });

  it('bounds the keyword by its longest match, or gives up on the window when it cannot', () => {
    expect(longestMatch(KEYWORDS)).toBe(16); // "nom de naissance"
    expect(longestMatch('ab(?:cd|e)?|[xX]yz')).toBe(4);
    expect(longestMatch('ab+')).toBeUndefined();
    expect(longestMatch(String.raw`a\p{L}`)).toBeUndefined();
    expect(longestMatch('(a)')).toBeUndefined();
    // An unbounded keyword: the whole text is scanned, still the same matches.
    const unbounded = keywordBeforeSeparatorScanner({ pattern: /(?:no+m)[ \t]*:[ \t]*(\w+)/dgu, keywordSource: 'no+m', separators: ':' });
    expect(unbounded('nooooooooooooooom: X, nom:Y').map((m) => m[1])).toEqual(['X', 'Y']);
  });
});
