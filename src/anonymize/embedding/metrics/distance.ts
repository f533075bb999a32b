/**
 * Distance-based privacy metrics of the Avatar paper, computed in a projected space (the
 * projection fitted on the originals, avatars projected into it).
 *
 * - Local cloaking of record i: how many avatars are strictly closer to i than i's own avatar (the
 *   paper's definition; it reproduces the published medians). Ties (other avatars at exactly the
 *   same distance, frequent with discrete data such as WBCD) are reported apart: the tie-aware
 *   local cloaking counts each tie as half, the expected number ranked first under a uniformly
 *   random tie-break.
 * - Hidden rate: the probability that the avatar nearest to i is not i's own, i.e. 1 when some
 *   avatar is strictly closer, 1 − 1/(1 + ties) otherwise (an attacker picking among tied
 *   avatars at random), averaged over records.
 * - DCR / NNDR: for each synthetic record, the distance to its closest training record and the
 *   ratio of the closest to the second closest; the same computed for a holdout of real records
 *   never used for generation gives the reference level.
 */
import { KdTree, squaredDistance } from '../kdtree.js';
import { categoryOf } from '../table.js';
import type { Table } from '../table.js';
import { median } from './stats.js';

export interface CloakingResult {
  /** Share of records whose nearest avatar is not their own, in [0, 1]. */
  readonly hiddenRate: number;
  /** Median of the strict local cloaking. */
  readonly localCloakingMedian: number;
  /** Median with ties counted as half. */
  readonly localCloakingTieAwareMedian: number;
  /** Share of records with no avatar strictly closer than their own (local cloaking 0). */
  readonly localCloakingZeroShare: number;
  /** Share of records whose own avatar is strictly the nearest (no closer avatar, no tie). */
  readonly exposedShare: number;
  /** Per-record local cloaking, for the histogram. */
  readonly localCloaking: Float64Array;
}

/** `originals` and `avatars` are paired row by row (avatar i belongs to record i), both n×d. */
export function cloakingMetrics(originals: Float64Array, avatars: Float64Array, d: number): CloakingResult {
  const n = originals.length / d;
  if (avatars.length !== originals.length) throw new RangeError('originals and avatars must be paired');
  const tree = new KdTree(avatars, d);
  const localCloaking = new Float64Array(n);
  const tieAware = new Float64Array(n);
  let hidden = 0;
  let zeros = 0;
  let exposed = 0;
  for (let i = 0; i < n; i++) {
    const query = originals.subarray(i * d, (i + 1) * d);
    const own = squaredDistance(avatars, i, originals, i, d);
    const { closer, tied } = tree.countWithin(query, own, i);
    localCloaking[i] = closer;
    tieAware[i] = closer + tied / 2;
    if (closer > 0) hidden += 1;
    else hidden += 1 - 1 / (1 + tied);
    if (closer === 0) zeros++;
    if (closer === 0 && tied === 0) exposed++;
  }
  return {
    hiddenRate: hidden / n,
    localCloakingMedian: median(localCloaking),
    localCloakingTieAwareMedian: median(tieAware),
    localCloakingZeroShare: zeros / n,
    exposedShare: exposed / n,
    localCloaking,
  };
}

export interface ClosestRecordResult {
  readonly dcr: Float64Array;
  readonly nndr: Float64Array;
  readonly medianDcr: number;
  readonly medianNndr: number;
}

/** DCR and NNDR of each `query` row against `reference` rows (both in the same d-dim space). */
export function closestRecordMetrics(queries: Float64Array, reference: Float64Array, d: number): ClosestRecordResult {
  const tree = new KdTree(reference, d);
  const { distances } = tree.knn(queries, 2);
  const m = queries.length / d;
  const dcr = new Float64Array(m);
  const nndr = new Float64Array(m);
  for (let i = 0; i < m; i++) {
    const d1 = distances[2 * i]!;
    const d2 = distances[2 * i + 1]!;
    dcr[i] = d1;
    nndr[i] = d2 > 0 ? d1 / d2 : 1;
  }
  return { dcr, nndr, medianDcr: median(dcr), medianNndr: median(nndr) };
}

export interface KAnonymityResult {
  /** Smallest equivalence class over the quasi-identifiers. */
  readonly k: number;
  /** Share of records in a class smaller than `threshold`. */
  readonly shareBelowThreshold: number;
  readonly threshold: number;
  readonly classes: number;
}

/** k-anonymity of the declared quasi-identifier columns (exact value match, missing is a value). */
export function kAnonymity(table: Table, quasiIdentifiers: readonly string[], threshold = 5): KAnonymityResult {
  const indexes = quasiIdentifiers.map((name) => {
    const i = table.columns.findIndex((c) => c.name === name);
    if (i < 0) throw new RangeError('unknown quasi-identifier column');
    return i;
  });
  const classes = new Map<string, number>();
  for (const row of table.rows) {
    const key = JSON.stringify(indexes.map((i) => categoryOf(row[i] ?? null)));
    classes.set(key, (classes.get(key) ?? 0) + 1);
  }
  let k = Infinity;
  let below = 0;
  for (const size of classes.values()) {
    k = Math.min(k, size);
    if (size < threshold) below += size;
  }
  return { k: Number.isFinite(k) ? k : 0, shareBelowThreshold: table.rows.length ? below / table.rows.length : 0, threshold, classes: classes.size };
}
