import { existsSync, readFileSync } from 'node:fs';

/**
 * A Bloom filter of ordinary English and French words (see models/data/build-gazetteers.ts).
 * `isDictionaryWord` may say yes for a word that is not in the lists (about 1 %), never no for one
 * that is.
 */
export const BLOOM_BITS = 8 * 1024 * 1024;
export const BLOOM_HASHES = 6;

function fnv1a(s: string, seed: number): number {
  let h = seed >>> 0;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

export function bloomPositions(word: string): number[] {
  const h1 = fnv1a(word, 0x811c9dc5);
  const h2 = fnv1a(word, 0x9e3779b1) | 1;
  const out: number[] = [];
  for (let i = 0; i < BLOOM_HASHES; i++) out.push((h1 + Math.imul(i, h2)) >>> 0 & (BLOOM_BITS - 1));
  return out;
}

let bits: Uint8Array | undefined;

/** Next to this module (sources), or in the sources when running the compiled build without data copied. */
function load(): Uint8Array {
  for (const rel of ['./data/words.bloom', '../../../src/anonymize/text/data/words.bloom']) {
    const url = new URL(rel, import.meta.url);
    if (existsSync(url)) return new Uint8Array(readFileSync(url));
  }
  return new Uint8Array(0);
}

/** `folded` must already be folded (lowercase, no accents). */
export function isDictionaryWord(folded: string): boolean {
  if (folded.length < 3) return false;
  bits ??= load();
  if (bits.length === 0) return false;
  return bloomPositions(folded).every((p) => (bits![p >>> 3]! & (1 << (p & 7))) !== 0);
}
