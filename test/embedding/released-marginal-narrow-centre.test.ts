import { describe, expect, it } from 'vitest';
import { releasedNumericMarginal } from '../../src/anonymize/embedding/metrics/released-marginals.js';
import type { Table } from '../../src/anonymize/embedding/table.js';

/**
 * Regression guard for the grid's width when the central values are all equal: a column with more
 * than 20 distinct values is binned on a round grid whose width is (the k-th largest − the k-th
 * smallest) / 10 — 0 here, so a near-zero round step (≈ 10⁻¹⁷) builds the grid. The bars must still
 * each hold at least k records and add up to 1, and no label may write an outlier (each is held by
 * one record) or an edge carrying floating-point noise.
 */
const K = 11;
// K − 1 distinct values on each side: the k-th smallest and the k-th largest are both the centre.
const LOW_OUTLIERS = Array.from({ length: K - 1 }, (_, i) => 0.5 + i * 1.25);
const HIGH_OUTLIERS = Array.from({ length: K - 1 }, (_, i) => 97.25 + i * 3.5);
const CENTRE = 42;
const VALUES = [...LOW_OUTLIERS, ...Array.from({ length: 60 }, () => CENTRE), ...HIGH_OUTLIERS];

function column(values: readonly number[]): Table {
  return { columns: [{ name: 'x', kind: 'numeric' }], rows: values.map((v) => [v]) };
}

describe('released numeric marginal of a binned column whose central values are all equal', () => {
  const dist = releasedNumericMarginal(column(VALUES), column(VALUES), 0, K);

  it('is binned (more than 20 distinct values)', () => {
    expect(new Set(VALUES).size).toBeGreaterThan(20);
  });

  it('merges both tails into the centre: each holds k − 1 records, too few to be a bar of its own', () => {
    expect(dist.labels).toEqual(['(all values)']);
    expect(dist.original).toEqual([1]);
  });

  it('keeps every bar at k records or more, with shares adding up to 1', () => {
    expect(dist.labels.length).toBe(dist.original.length);
    for (const share of dist.original) expect(Math.round(share * VALUES.length)).toBeGreaterThanOrEqual(K);
    expect(dist.original.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 9);
    expect(dist.avatar.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 9);
  });

  it('writes no outlier value and no edge with floating-point noise', () => {
    const written = dist.labels.flatMap((l) => [...l.matchAll(/-?\d+(?:\.\d+)?(?:e-?\d+)?/g)].map((m) => m[0]));
    for (const outlier of [...LOW_OUTLIERS, ...HIGH_OUTLIERS]) expect(written).not.toContain(String(outlier));
    for (const number of written) expect(number.length).toBeLessThanOrEqual(12);
  });
});
