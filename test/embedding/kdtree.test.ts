import { describe, expect, it } from 'vitest';
import { KdTree, squaredDistance } from '../../src/anonymize/embedding/kdtree.js';
import { seededRandom } from '../../src/anonymize/embedding/random.js';

function randomPoints(n: number, d: number, seed: number, grid = 0): Float64Array {
  const random = seededRandom(seed);
  // A coarse grid makes exact ties and duplicates frequent.
  return Float64Array.from({ length: n * d }, () => (grid ? Math.floor(random.next() * grid) : random.next()));
}

function bruteForce(points: Float64Array, d: number, query: Float64Array, q: number, k: number, skip: number): number[] {
  const n = points.length / d;
  const all = Array.from({ length: n }, (_, i) => i).filter((i) => i !== skip);
  all.sort((a, b) => squaredDistance(points, a, query, q, d) - squaredDistance(points, b, query, q, d) || a - b);
  return all.slice(0, k);
}

describe('KdTree', () => {
  it('returns the exact k nearest neighbours, ties broken by index (continuous and gridded data)', () => {
    for (const grid of [0, 4]) {
      const d = 3;
      const points = randomPoints(600, d, 11 + grid, grid);
      const queries = randomPoints(50, d, 99 + grid, grid);
      const tree = new KdTree(points, d);
      const { indexes, distances } = tree.knn(queries, 7);
      for (let q = 0; q < 50; q++) {
        expect(Array.from(indexes.subarray(q * 7, q * 7 + 7))).toEqual(bruteForce(points, d, queries, q, 7, -1));
        for (let j = 1; j < 7; j++) expect(distances[q * 7 + j]!).toBeGreaterThanOrEqual(distances[q * 7 + j - 1]!);
      }
    }
  });

  it('excludes the record itself when asked', () => {
    const d = 2;
    const points = randomPoints(300, d, 5);
    const tree = new KdTree(points, d);
    const { indexes } = tree.knn(points, 5, (q) => q);
    for (let q = 0; q < 300; q++) {
      expect(Array.from(indexes.subarray(q * 5, q * 5 + 5))).toEqual(bruteForce(points, d, points, q, 5, q));
    }
  });

  it('counts points strictly inside a radius and exactly on it', () => {
    const d = 2;
    const points = randomPoints(400, d, 8, 5);
    const tree = new KdTree(points, d);
    const query = Float64Array.from([2, 2]);
    const r2 = 2;
    let closer = 0;
    let tied = 0;
    for (let i = 0; i < 400; i++) {
      const s = squaredDistance(points, i, query, 0, d);
      if (s < r2) closer++;
      else if (s === r2) tied++;
    }
    expect(tree.countWithin(query, r2)).toEqual({ closer, tied });
  });

  it('refuses k larger than the data', () => {
    const tree = new KdTree(randomPoints(5, 2, 1), 2);
    expect(() => tree.knn(Float64Array.from([0, 0]), 6)).toThrow(RangeError);
    expect(() => tree.knn(Float64Array.from([0, 0]), 5, () => 0)).toThrow(RangeError);
  });
});
