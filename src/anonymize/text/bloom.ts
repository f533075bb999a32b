import { existsSync, readFileSync } from 'node:fs';

/**
 * A Bloom filter of ordinary English and French words (models/ner/words.bloom, built by
 * models/data/build-gazetteers.ts).
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

/**
 * Kept with the model files (models/ner/), which every deployment ships: src/anonymize/text and
 * dist/anonymize/text are both three levels under the project root.
 */
function load(): Uint8Array {
  const file = new URL('../../../models/ner/words.bloom', import.meta.url);
  return existsSync(file) ? new Uint8Array(readFileSync(file)) : new Uint8Array(0);
}

/** `folded` must already be folded (lowercase, no accents). */
export function isDictionaryWord(folded: string): boolean {
  if (folded.length < 3) return false;
  bits ??= load();
  if (bits.length === 0) return false;
  return bloomPositions(folded).every((p) => (bits![p >>> 3]! & (1 << (p & 7))) !== 0);
}
