import { describe, expect, it } from 'vitest';
import { avatarSeed, generateAvatars, neighbourWeights } from '../../src/anonymize/embedding/avatars.js';
import type { AvatarWeighting } from '../../src/anonymize/embedding/avatars.js';
import { seededRandom } from '../../src/anonymize/embedding/random.js';
import type { Table } from '../../src/anonymize/embedding/table.js';
import { VoileError } from '../../src/errors.js';

function toyTable(n: number, seed: number): Table {
  const random = seededRandom(seed);
  const rows = Array.from({ length: n }, () => {
    const x = random.next() * 10;
    return [Math.round(x * 10) / 10, Math.round((2 * x + random.next()) * 100) / 100, x > 5 ? 'high' : 'low', random.next() < 0.1 ? null : Math.floor(random.next() * 5)];
  });
  return {
    columns: [
      { name: 'x', kind: 'numeric' },
      { name: 'y', kind: 'numeric' },
      { name: 'group', kind: 'categorical' },
      { name: 'score', kind: 'numeric' },
    ],
    rows,
  };
}

describe('neighbour weights', () => {
  const weightings: AvatarWeighting[] = ['avatar', 'inverse-distance', 'uniform'];
  it.each(weightings)('are positive and sum to 1 (%s), also with zero distances', (weighting) => {
    const random = seededRandom(1);
    const out = new Float64Array(5);
    for (const distances of [[0.1, 0.2, 0.5, 1, 3], [0, 0, 0.3, 0.4, 2], [0, 0, 0, 0, 0]]) {
      for (let trial = 0; trial < 50; trial++) {
        neighbourWeights(distances, weighting, random, out);
        expect(out.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
        for (const w of out) expect(w).toBeGreaterThan(0);
      }
    }
  });

  it('gives the largest share to a random neighbour, not always the nearest', () => {
    const random = seededRandom(2);
    const out = new Float64Array(10);
    const distances = Array.from({ length: 10 }, (_, j) => 1 + j * 0.05);
    const top = new Array<number>(10).fill(0);
    for (let trial = 0; trial < 2000; trial++) {
      neighbourWeights(distances, 'avatar', random, out);
      top[out.indexOf(Math.max(...out))]! += 1;
    }
    // The nearest neighbour wins most often, but every neighbour sometimes dominates.
    expect(top.every((t) => t > 0)).toBe(true);
    expect(top[0]! / 2000).toBeLessThan(0.5);
  });

  it('treats duplicates (distance 0) like the nearest distinct neighbour instead of copying them', () => {
    const out = neighbourWeights([0, 1, 1, 1], 'inverse-distance', seededRandom(1), new Float64Array(4));
    expect(Array.from(out)).toEqual([0.25, 0.25, 0.25, 0.25]);
  });
});

describe('generateAvatars', () => {
  const table = toyTable(300, 7);

  it('is deterministic for a seed and changes with the seed', () => {
    const a = generateAvatars(table, { k: 10, ncp: 3, seed: 42 }).avatars;
    const b = generateAvatars(table, { k: 10, ncp: 3, seed: 42 }).avatars;
    const c = generateAvatars(table, { k: 10, ncp: 3, seed: 43 }).avatars;
    expect(b.rows).toEqual(a.rows);
    expect(c.rows).not.toEqual(a.rows);
  });

  it('derives its seed from the identity layer', () => {
    const identity = { seed: (purpose: 'avatar-seed', ...parts: string[]) => (purpose === 'avatar-seed' && parts.join('/') === 'policy/cohort' ? 7 : 0) };
    expect(avatarSeed(identity, 'policy', 'cohort')).toBe(7);
  });

  it('produces one avatar per record with the columns, kinds and precision of the input', () => {
    const { avatars } = generateAvatars(table, { k: 10, ncp: 3, seed: 1 });
    expect(avatars.columns).toEqual(table.columns);
    expect(avatars.rows).toHaveLength(table.rows.length);
    const scoreValues = new Set(table.rows.map((r) => r[3]).filter((v) => v !== null));
    for (const row of avatars.rows) {
      expect(typeof row[0]).toBe('number');
      const x = row[0] as number;
      expect(Math.abs(x * 10 - Math.round(x * 10))).toBeLessThan(1e-9);
      expect(['high', 'low']).toContain(row[2]);
      // A score with few distinct values stays one of them (or missing).
      if (row[3] !== null) expect(scoreValues.has(row[3]!)).toBe(true);
    }
    expect(avatars.rows.some((r) => r[3] === null) || table.rows.filter((r) => r[3] === null).length < 30).toBe(true);
  });

  it('does not copy records: most avatars differ from their own record', () => {
    const { avatars } = generateAvatars(table, { k: 10, ncp: 3, seed: 1 });
    const copies = avatars.rows.filter((row, i) => JSON.stringify(row) === JSON.stringify(table.rows[i])).length;
    expect(copies / table.rows.length).toBeLessThan(0.05);
  });

  it('rejects k not below the number of rows, and bad dominance, with BAD_REQUEST', () => {
    const small: Table = { columns: table.columns, rows: table.rows.slice(0, 5) };
    expect(() => generateAvatars(small, { k: 5, ncp: 2, seed: 1 })).toThrow(VoileError);
    expect(() => generateAvatars(small, { k: 2, ncp: 2, seed: 1, dominance: 0.5 })).toThrow(VoileError);
    try {
      generateAvatars(small, { k: 5, ncp: 2, seed: 1 });
    } catch (err) {
      expect((err as VoileError).code).toBe('BAD_REQUEST');
    }
  });
});
