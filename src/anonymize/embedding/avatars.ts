/**
 * The Avatar method (Guillaudeux et al., npj Digital Medicine 6:37, 2023): each record gets one
 * synthetic "avatar", a random local combination of its neighbours in the projected space.
 *
 * For record i with k nearest neighbours j = 1..k (the record itself excluded) at distances d_j:
 *   P_j = (1 / d_j) · E_j · b^(−σ(j))     E_j ~ Exp(1), σ a uniform random permutation of 1..k
 *   w_j = P_j / Σ P
 * The inverse distance keeps the avatar near its record's neighbourhood; the exponential draw
 * randomises it; the random geometric order (b = 2 in the paper: halving) makes one neighbour
 * (chosen at random, not the nearest) dominate, so the avatar is not the neighbourhood's centroid and not the record. The
 * avatar's coordinates Σ w_j·x_j are decoded back to the table's columns.
 *
 * `weighting` exposes the parts for experiments: 'avatar' (all three factors, the default),
 * 'inverse-distance' (1/d only, deterministic) and 'uniform'.
 *
 * Determinism: one seeded sfc32 stream consumed in record order, so the same table, parameters
 * and seed reproduce the same avatars bit for bit.
 */
import { VoileError } from '../../errors.js';
import { KdTree } from './kdtree.js';
import type { Neighbours } from './kdtree.js';
import { kdTreeIndex } from './neighbour-search.js';
import type { NeighbourSearch } from './neighbour-search.js';
import { fitProjection } from './projection.js';
import type { Projection } from './projection.js';
import { seededRandom, shuffleInPlace } from './random.js';
import type { Random } from './random.js';
import { categoryOf, numericValue } from './table.js';
import type { Cell, Row, Table } from './table.js';

export type AvatarWeighting = 'avatar' | 'inverse-distance' | 'uniform';
export type CategoricalDecoding = 'most-likely' | 'weighted-draw';

export interface AvatarOptions {
  /** Neighbours per record (the paper's k); must be below the number of rows. */
  readonly k: number;
  /** Components of the projection (the paper's ncp / nf). */
  readonly ncp: number;
  /** 32-bit seed; derive it from the policy secret with `avatarSeed(identity, ...)`. */
  readonly seed: number;
  readonly weighting?: AvatarWeighting;
  /**
   * Base b of the random geometric factor b^(−σ(j)) of the 'avatar' weighting (default 2, the
   * paper's). Larger values let one random neighbour dominate more: marginals are kept better,
   * and the avatar moves further from the record's local centroid.
   */
  readonly dominance?: number;
  /**
   * How a categorical value is decoded from the weighted neighbourhood: 'most-likely' (default,
   * the level with the largest total weight) or 'weighted-draw' (a seeded draw with the weights
   * as probabilities, which keeps rare levels at their original frequency instead of favouring
   * the local majority).
   */
  readonly categoricalDecoding?: CategoricalDecoding;
  /** Called with (done, total) as records are processed. */
  readonly onProgress?: (done: number, total: number) => void;
}

export interface AvatarResult {
  readonly avatars: Table;
  readonly projection: Projection;
  /** Original records in the projected space (n×ncp). */
  readonly originalCoordinates: Float64Array;
}

/**
 * A neighbour at distance 0 (an exact duplicate of the record, common with discrete data) would
 * get an infinite inverse-distance weight and the avatar would copy the record. Zero distances are
 * therefore raised to the smallest positive distance among the record's neighbours (or all weights
 * made uniform when every neighbour is a duplicate).
 */
function distanceFloor(distances: ArrayLike<number>): number {
  let floor = Infinity;
  for (let j = 0; j < distances.length; j++) {
    const d = distances[j]!;
    if (d > 0 && d < floor) floor = d;
  }
  return floor;
}

export function generateAvatars(table: Table, options: AvatarOptions): AvatarResult {
  const run = startAvatarRun(table, options);
  const index = kdTreeIndex(new KdTree(run.coordinates, run.dimension), run.coordinates);
  for (let start = 0; start < run.n; start += CHUNK) {
    const end = Math.min(run.n, start + CHUNK);
    run.combine(start, end, index.neighboursOfRowsSync(start, end, options.k));
  }
  return run.result();
}

/**
 * `generateAvatars` with another neighbour search (PostgreSQL `cube`, say). Every search gives the
 * KD-tree's neighbours and distances, and the seeded stream is consumed in the same record order,
 * so the avatars are the same bit for bit for the same table, parameters and seed (tested).
 */
export async function generateAvatarsWith(table: Table, options: AvatarOptions, search: NeighbourSearch): Promise<AvatarResult> {
  const run = startAvatarRun(table, options);
  const index = await search.index(run.coordinates, run.dimension);
  try {
    for (let start = 0; start < run.n; start += CHUNK) {
      const end = Math.min(run.n, start + CHUNK);
      run.combine(start, end, await index.neighboursOfRows(start, end, options.k));
    }
  } finally {
    await index.close();
  }
  return run.result();
}

/** Records per neighbour query batch (and per progress report). */
const CHUNK = 4096;

interface AvatarRun {
  readonly n: number;
  readonly dimension: number;
  readonly coordinates: Float64Array;
  /** Weights and decodes the avatars of rows [start, end) from their neighbours, in record order. */
  combine(start: number, end: number, neighbours: Neighbours): void;
  result(): AvatarResult;
}

/** Checks the options, fits the projection and prepares the seeded weighting and decoding. */
function startAvatarRun(table: Table, options: AvatarOptions): AvatarRun {
  const n = table.rows.length;
  if (!Number.isInteger(options.k) || options.k < 1) throw new VoileError('BAD_REQUEST', 'k must be a positive integer');
  if (options.k >= n) throw new VoileError('BAD_REQUEST', 'k must be smaller than the number of rows');
  const dominance = options.dominance ?? 2;
  if (!(dominance >= 1 && Number.isFinite(dominance))) throw new VoileError('BAD_REQUEST', 'dominance must be a number of at least 1');
  const projection = fitProjection(table, { ncp: options.ncp });
  options.onProgress?.(0, n);
  const coordinates = projection.transform(table.rows);
  const random = seededRandom(options.seed);
  const weighting = options.weighting ?? 'avatar';
  const k = options.k;
  const decoder = new AvatarDecoder(table, options.categoricalDecoding ?? 'most-likely', random);
  const rows: Row[] = new Array(n);
  const weights = new Float64Array(k);
  return {
    n,
    dimension: projection.ncp,
    coordinates,
    combine(start, end, { indexes, distances }) {
      for (let q = 0; q < end - start; q++) {
        neighbourWeights(distances.subarray(q * k, (q + 1) * k), weighting, random, weights, dominance);
        rows[start + q] = decoder.combine(indexes.subarray(q * k, (q + 1) * k), weights);
      }
      options.onProgress?.(end, n);
    },
    result: () => ({ avatars: { columns: table.columns, rows }, projection, originalCoordinates: coordinates }),
  };
}

/**
 * Convex weights of one record's k neighbours (written into `out`, summing to 1). Exported for
 * tests and for the report's description of the method.
 */
export function neighbourWeights(distances: ArrayLike<number>, weighting: AvatarWeighting, random: Random, out: Float64Array, dominance = 2): Float64Array {
  const k = distances.length;
  if (weighting === 'uniform') {
    out.fill(1 / k, 0, k);
    return out;
  }
  const floor = distanceFloor(distances);
  if (floor === Infinity) {
    out.fill(1 / k, 0, k);
    if (weighting === 'avatar') return neighbourWeights(new Float64Array(k).fill(1), weighting, random, out, dominance);
    return out;
  }
  let total = 0;
  if (weighting === 'avatar') {
    const order = new Int32Array(k);
    for (let j = 0; j < k; j++) order[j] = j + 1;
    shuffleInPlace(order, random);
    for (let j = 0; j < k; j++) {
      const p = (1 / Math.max(distances[j]!, floor)) * random.exponential() * dominance ** -order[j]!;
      out[j] = p;
      total += p;
    }
  } else {
    for (let j = 0; j < k; j++) {
      const p = 1 / Math.max(distances[j]!, floor);
      out[j] = p;
      total += p;
    }
  }
  if (!(total > 0) || !Number.isFinite(total)) {
    out.fill(1 / k, 0, k);
    return out;
  }
  for (let j = 0; j < k; j++) out[j] = out[j]! / total;
  return out;
}

/** The avatar seed of a build, tied to the policy secret (see Identity.seed). */
export function avatarSeed(identity: { seed(purpose: 'avatar-seed', ...parts: string[]): number }, ...parts: string[]): number {
  return identity.seed('avatar-seed', ...parts);
}

const SNAP_MAX_DISTINCT = 20;

interface NumericColumnModel {
  readonly kind: 'numeric';
  /** The column's values, NaN for missing. */
  readonly values: Float64Array;
  readonly hasMissing: boolean;
  readonly factor: number;
  /** Sorted observed values when few enough to snap to, else undefined. */
  readonly support: Float64Array | undefined;
}

interface CategoricalColumnModel {
  readonly kind: 'categorical';
  /** Level index per row. */
  readonly codes: Int32Array;
  readonly levels: readonly (string | null)[];
  /** Scratch accumulator of weight per level, reset after each use. */
  readonly totals: Float64Array;
}

/**
 * Decodes a weighted neighbourhood straight from the original rows (see the header comment).
 * Columns are held column-major in typed arrays, so decoding a record touches no Map and
 * allocates nothing but the output row.
 */
class AvatarDecoder {
  readonly #models: (NumericColumnModel | CategoricalColumnModel)[];
  readonly #decoding: CategoricalDecoding;
  readonly #random: Random;

  constructor(table: Table, decoding: CategoricalDecoding, random: Random) {
    this.#decoding = decoding;
    this.#random = random;
    const n = table.rows.length;
    this.#models = table.columns.map((spec, c) => {
      if (spec.kind === 'categorical') {
        const index = new Map<string | null, number>();
        const codes = new Int32Array(n);
        table.rows.forEach((row, i) => {
          const level = categoryOf(row[c] ?? null);
          let code = index.get(level);
          if (code === undefined) {
            code = index.size;
            index.set(level, code);
          }
          codes[i] = code;
        });
        return { kind: 'categorical', codes, levels: [...index.keys()], totals: new Float64Array(index.size) } as const;
      }
      const values = new Float64Array(n);
      let hasMissing = false;
      let decimals = 0;
      const distinct = new Set<number>();
      table.rows.forEach((row, i) => {
        const v = numericValue(row[c] ?? null);
        if (v === null) {
          hasMissing = true;
          values[i] = Number.NaN;
          return;
        }
        values[i] = v;
        if (distinct.size <= SNAP_MAX_DISTINCT) distinct.add(v);
        if (decimals < 6 && !Number.isInteger(v)) decimals = Math.max(decimals, decimalsOf(v));
      });
      const support = distinct.size <= SNAP_MAX_DISTINCT ? Float64Array.from(distinct).sort() : undefined;
      return { kind: 'numeric', values, hasMissing, factor: 10 ** decimals, support } as const;
    });
  }

  combine(neighbours: Int32Array, weights: Float64Array): Row {
    const row: Row = new Array(this.#models.length);
    for (let c = 0; c < this.#models.length; c++) {
      const model = this.#models[c]!;
      row[c] = model.kind === 'numeric' ? numericCell(model, neighbours, weights) : this.#categorical(model, neighbours, weights);
    }
    return row;
  }

  #categorical(model: CategoricalColumnModel, neighbours: Int32Array, weights: Float64Array): Cell {
    if (this.#decoding === 'weighted-draw') {
      let u = this.#random.next();
      for (let j = 0; j < neighbours.length; j++) {
        u -= weights[j]!;
        if (u < 0) return model.levels[model.codes[neighbours[j]!]!]!;
      }
      return model.levels[model.codes[neighbours[neighbours.length - 1]!]!]!;
    }
    const totals = model.totals;
    for (let j = 0; j < neighbours.length; j++) totals[model.codes[neighbours[j]!]!] += weights[j]!;
    // Scan in neighbour order so that equal totals go to the nearer neighbour's level.
    let best = model.codes[neighbours[0]!]!;
    for (let j = 1; j < neighbours.length; j++) {
      const code = model.codes[neighbours[j]!]!;
      if (totals[code]! > totals[best]!) best = code;
    }
    for (let j = 0; j < neighbours.length; j++) totals[model.codes[neighbours[j]!]!] = 0;
    return model.levels[best]!;
  }
}

function numericCell(model: NumericColumnModel, neighbours: Int32Array, weights: Float64Array): Cell {
  let observedWeight = 0;
  let sum = 0;
  for (let j = 0; j < neighbours.length; j++) {
    const v = model.values[neighbours[j]!]!;
    if (v !== v) continue; // NaN: missing
    observedWeight += weights[j]!;
    sum += weights[j]! * v;
  }
  if (observedWeight === 0 || (model.hasMissing && observedWeight < 0.5)) return null;
  const value = sum / observedWeight;
  if (model.support) return nearest(model.support, value);
  return Math.round(value * model.factor) / model.factor;
}

function nearest(sorted: Float64Array, value: number): number {
  let lo = 0;
  let hi = sorted.length - 1;
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid]! <= value) lo = mid;
    else hi = mid;
  }
  return Math.abs(sorted[hi]! - value) < Math.abs(value - sorted[lo]!) ? sorted[hi]! : sorted[lo]!;
}

function decimalsOf(v: number): number {
  const s = String(v);
  if (s.includes('e')) return 6;
  const dot = s.indexOf('.');
  return dot < 0 ? 0 : Math.min(6, s.length - dot - 1);
}
