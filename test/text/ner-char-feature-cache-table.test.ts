import { describe, expect, it } from 'vitest';
import { CharFeatureCache } from '../../src/anonymize/text/ner/char-feature-cache.js';

// The cache's hash table, recency list and waiting slots against a plain Map kept in recency order:
// same hits, same evictions, and a hit always gives the features stored for that very row.
const ROW = 12;
const WIDTH = 4;

/** Deterministic pseudo-random numbers (mulberry32). */
function random(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
/** The features a row "computes to": a function of the row alone, as the character encoder's are. */
function featuresOf(row: Int32Array): Float32Array {
  const out = new Float32Array(WIDTH);
  for (let k = 0; k < WIDTH; k++) out[k] = row.reduce((s, v, i) => s + v * (i + 1) * (k + 3), 0);
  return out;
}

describe('character-feature cache table', () => {
  it.each([1, 3, 17, 64])('capacity %i: the same hits and evictions as a least-recently-used Map, and the right features', (capacity) => {
    const next = random(capacity);
    const cache = new CharFeatureCache(capacity, WIDTH, ROW);
    const reference = new Map<string, true>();
    let hits = 0;
    const wrong: string[] = [];
    for (let op = 0; op < 20_000; op++) {
      // Short rows from a small alphabet: many repeats, zero padding as the encoder writes it.
      const row = new Int32Array(ROW);
      const length = 1 + Math.floor(next() * 3);
      for (let k = 0; k < length; k++) row[k] = 2 + Math.floor(next() * 6);
      const key = row.join(',');
      const slot = cache.find(row, 0);
      if (slot >= 0 !== reference.has(key)) wrong.push(`${op}: found ${slot >= 0}`);
      reference.delete(key);
      reference.set(key, true);
      if (slot >= 0) {
        hits++;
        if (cache.waitingRow(slot, op + 1) !== CharFeatureCache.READY) wrong.push(`${op}: not ready`);
        if (cache.features.subarray(slot * WIDTH, (slot + 1) * WIDTH).join() !== featuresOf(row).join()) wrong.push(`${op}: other features`);
      } else {
        if (reference.size > capacity) reference.delete(reference.keys().next().value!);
        const reserved = cache.reserve(row, 0, op + 1, 0);
        if (cache.waitingRow(reserved, op + 1) !== 0) wrong.push(`${op}: not waiting`);
        cache.fill(reserved, op + 1, 0, featuresOf(row), 0);
      }
    }
    expect(wrong.slice(0, 5)).toEqual([]);
    // Enough hits and misses for both paths to be exercised (6 + 36 + 216 distinct rows).
    expect(hits).toBeGreaterThan(100);
    expect(20_000 - hits).toBeGreaterThan(100);
  });

  it('a slot waiting for another batch is stale for this one, and only the batch it waits for fills it', () => {
    const cache = new CharFeatureCache(4, WIDTH, ROW);
    const row = new Int32Array(ROW).fill(0);
    row[0] = 7;
    const slot = cache.reserve(row, 0, 1, 0);
    // Batch 1 failed before filling: batch 2 finds the row but must not read its features.
    expect(cache.find(row, 0)).toBe(slot);
    expect(cache.waitingRow(slot, 2)).toBe(CharFeatureCache.STALE);
    cache.wait(slot, 2, 5);
    expect(cache.waitingRow(slot, 2)).toBe(5);
    cache.fill(slot, 1, 0, new Float32Array([9, 9, 9, 9]), 0);
    expect(cache.waitingRow(slot, 2)).toBe(5);
    cache.fill(slot, 2, 5, featuresOf(row), 0);
    expect(cache.waitingRow(slot, 3)).toBe(CharFeatureCache.READY);
    expect([...cache.features.subarray(slot * WIDTH, (slot + 1) * WIDTH)]).toEqual([...featuresOf(row)]);
  });
});
