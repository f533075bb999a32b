import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { matchesNotAfter, notAfter } from '../../src/anonymize/text/recognizers/not-after.js';

const PATTERNS = [
  /(?<![\p{L}])[\p{Lu}]{3,}(?:[ -][\p{Lu}]{2,}){0,3}(?![\p{L}])/gu,
  /(?<![\p{L}.])(?:dr|mme|m\.)\s+([\p{Lu}][\p{L}'’]+)/dgu,
  /(?<![\p{L}\p{N}])[A-Z]{1,5}\d{0,4}-?\d{4,}(?![\p{L}\p{N}])/gu,
  /(?<![\p{L}])(?:x?)/gu, // empty matches: the search moves on one character (two in a surrogate pair)
  /(?<![a-z])(?:ab|b)/g, // UTF-16 units, no u flag
];
const asFound = (ms: RegExpExecArray[]) => ms.map((m) => [m.index, [...m], m.indices?.[1]]);
const devNotes = (() => {
  const dir = path.join(import.meta.dirname, '../../eval/text/dev');
  return readdirSync(dir)
    .filter((f) => f.endsWith('.jsonl'))
    .flatMap((f) => readFileSync(path.join(dir, f), 'utf8').split('\n').filter(Boolean).map((l) => (JSON.parse(l) as { text: string }).text));
})();

describe('a pattern opening with a negative lookbehind, matched without it', () => {
  it('finds what matchAll of the whole pattern finds, in order, surrogate pairs and empty matches included', () => {
    const texts = ['', 'ABC', 'xABCD DEF-GH ab', 'Mme Durand, dr. Paul, Dr Anne, xdr Yves', '𝐀ABC 𝐀 ABC \ud835ABC', 'AB12345 ZAB12345 1AB12345 AB-12345', 'bab abb cab', ...devNotes];
    for (const pattern of PATTERNS) {
      const split = notAfter(pattern);
      for (const text of texts) expect(asFound(matchesNotAfter(split, text))).toEqual(asFound([...text.matchAll(pattern)]));
    }
  });

  it('refuses a pattern without a leading lookbehind or not global', () => {
    expect(() => notAfter(/[\p{L}]+/gu)).toThrow();
    expect(() => notAfter(/(?<![\p{L}])x/u)).toThrow();
  });
});
