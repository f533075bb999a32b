import { describe, expect, it } from 'vitest';
import { CharFeatureCache, MissingRows, rowHash } from '../../src/anonymize/text/ner/char-feature-cache.js';

// The cache's hash table and recency list against a plain Map kept in recency order: same hits,
// same evictions, and a hit always gives the features stored for that very row. And the per-batch
// index of missing rows: one index per distinct row, in the order first seen.
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
/** Short rows from a small alphabet: many repeats, zero padding as the encoder writes it. */
function randomRow(next: () => number): Int32Array {
  const row = new Int32Array(ROW);
  const length = 1 + Math.floor(next() * 3);
  for (let k = 0; k < length; k++) row[k] = 2 + Math.floor(next() * 6);
  return row;
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
      const row = randomRow(next);
      const key = row.join(',');
      const hash = rowHash(row, 0, ROW);
      const slot = cache.find(row, 0, hash);
      if (slot >= 0 !== reference.has(key)) wrong.push(`${op}: found ${slot >= 0}`);
      reference.delete(key);
      reference.set(key, true);
      if (slot >= 0) {
        hits++;
        if (cache.features.subarray(slot * WIDTH, (slot + 1) * WIDTH).join() !== featuresOf(row).join()) wrong.push(`${op}: other features`);
      } else {
        if (reference.size > capacity) reference.delete(reference.keys().next().value!);
        cache.put(row, 0, hash, featuresOf(row), 0);
      }
    }
    expect(wrong.slice(0, 5)).toEqual([]);
    // Enough hits and misses for both paths to be exercised (6 + 36 + 216 distinct rows).
    expect(hits).toBeGreaterThan(100);
    expect(20_000 - hits).toBeGreaterThan(100);
  });

  it('a batch indexes each missing row once, wherever it repeats', () => {
    const next = random(5);
    const positions = 3000;
    const chars = new Int32Array(positions * ROW);
    for (let p = 0; p < positions; p++) {
      const row = randomRow(next);
      // Long tokens fill the row to its end: rows that differ only there are other rows.
      if (next() < 0.3) row[ROW - 1] = 2 + Math.floor(next() * 2);
      chars.set(row, p * ROW);
    }
    const missing = new MissingRows(chars, ROW, positions);
    const firstIndexOf = new Map<string, number>();
    const wrong: number[] = [];
    for (let p = 0; p < positions; p++) {
      const key = chars.subarray(p * ROW, (p + 1) * ROW).join(',');
      const expected = firstIndexOf.get(key) ?? firstIndexOf.size;
      firstIndexOf.set(key, expected);
      if (missing.indexOf(p, rowHash(chars, p * ROW, ROW)) !== expected) wrong.push(p);
    }
    expect(wrong).toEqual([]);
    expect(missing.positions.length).toBe(firstIndexOf.size);
    expect(firstIndexOf.size).toBeGreaterThan(100);
  });
});

describe('rows whose hashes collide', () => {
  // Two rows found by search to have the same rowHash: only the comparison of the rows tells them apart.
  const a = Int32Array.from([13, 60, 20, 11, 20, 2, 0, 0, 0, 0, 0, 0]);
  const b = Int32Array.from([8, 57, 44, 44, 11, 54, 0, 0, 0, 0, 0, 0]);

  it('are two entries of the cache and two missing rows of a batch', () => {
    expect(rowHash(a, 0, ROW)).toBe(rowHash(b, 0, ROW));
    const cache = new CharFeatureCache(8, WIDTH, ROW);
    cache.put(a, 0, rowHash(a, 0, ROW), featuresOf(a), 0);
    expect(cache.find(b, 0, rowHash(b, 0, ROW))).toBe(-1);
    cache.put(b, 0, rowHash(b, 0, ROW), featuresOf(b), 0);
    const slotOf = (row: Int32Array) => cache.find(row, 0, rowHash(row, 0, ROW));
    expect([...cache.features.subarray(slotOf(a) * WIDTH, (slotOf(a) + 1) * WIDTH)]).toEqual([...featuresOf(a)]);
    expect([...cache.features.subarray(slotOf(b) * WIDTH, (slotOf(b) + 1) * WIDTH)]).toEqual([...featuresOf(b)]);

    const chars = new Int32Array(3 * ROW);
    chars.set(a, 0);
    chars.set(b, ROW);
    chars.set(a, 2 * ROW);
    const missing = new MissingRows(chars, ROW, 3);
    expect([0, 1, 2].map((p) => missing.indexOf(p, rowHash(chars, p * ROW, ROW)))).toEqual([0, 1, 0]);
  });
});
