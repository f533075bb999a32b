/**
 * The Avatar method (Guillaudeux et al., npj Digital Medicine 6:37, 2023): each record gets one
 * synthetic "avatar", a random local combination of its neighbours in the projected space.
 *
 * For record i with k nearest neighbours j = 1..k (the record itself excluded) at distances d_j:
 *   P_j = (1 / d_j) · E_j · 2^(−σ(j))     E_j ~ Exp(1), σ a uniform random permutation of 1..k
 *   w_j = P_j / Σ P
 * The inverse distance keeps the avatar near its record's neighbourhood; the exponential draw
 * randomises it; the random halving order makes one neighbour (chosen at random, not the
 * nearest) dominate, so the avatar is not the neighbourhood's centroid and not the record. The
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
import { fitProjection } from './projection.js';
import type { Projection } from './projection.js';
import { seededRandom, shuffleInPlace } from './random.js';
import type { Random } from './random.js';
import type { Table } from './table.js';

export type AvatarWeighting = 'avatar' | 'inverse-distance' | 'uniform';

export interface AvatarOptions {
  /** Neighbours per record (the paper's k); must be below the number of rows. */
  readonly k: number;
  /** Components of the projection (the paper's ncp / nf). */
  readonly ncp: number;
  /** 32-bit seed; derive it from the policy secret with `avatarSeed(identity, ...)`. */
  readonly seed: number;
  readonly weighting?: AvatarWeighting;
  /** Called with (done, total) as records are processed. */
  readonly onProgress?: (done: number, total: number) => void;
}

export interface AvatarResult {
  readonly avatars: Table;
  readonly projection: Projection;
  /** Original records in the projected space (n×ncp). */
  readonly originalCoordinates: Float64Array;
  /** Avatars in the projected space before decoding (n×ncp). */
  readonly avatarCoordinates: Float64Array;
}

/** Guards a zero distance (duplicate records) without letting one duplicate take all the weight. */
const DISTANCE_FLOOR = 1e-9;

export function generateAvatars(table: Table, options: AvatarOptions): AvatarResult {
  const n = table.rows.length;
  if (!Number.isInteger(options.k) || options.k < 1) throw new VoileError('BAD_REQUEST', 'k must be a positive integer');
  if (options.k >= n) throw new VoileError('BAD_REQUEST', 'k must be smaller than the number of rows');
  const projection = fitProjection(table, { ncp: options.ncp });
  options.onProgress?.(0, n);
  const coordinates = projection.transform(table.rows);
  const d = projection.ncp;
  const tree = new KdTree(coordinates, d);
  const random = seededRandom(options.seed);
  const weighting = options.weighting ?? 'avatar';
  const k = options.k;

  const avatarCoordinates = new Float64Array(n * d);
  const weights = new Float64Array(k);
  const chunk = 4096;
  for (let start = 0; start < n; start += chunk) {
    const end = Math.min(n, start + chunk);
    const { indexes, distances } = tree.knn(coordinates.subarray(start * d, end * d), k, (q) => start + q);
    for (let q = 0; q < end - start; q++) {
      neighbourWeights(distances.subarray(q * k, (q + 1) * k), weighting, random, weights);
      const target = (start + q) * d;
      for (let j = 0; j < k; j++) {
        const w = weights[j]!;
        const source = indexes[q * k + j]! * d;
        for (let c = 0; c < d; c++) avatarCoordinates[target + c] += w * coordinates[source + c]!;
      }
    }
    options.onProgress?.(end, n);
  }
  const avatars: Table = { columns: table.columns, rows: projection.inverse(avatarCoordinates, n) };
  return { avatars, projection, originalCoordinates: coordinates, avatarCoordinates };
}

/**
 * Convex weights of one record's k neighbours (written into `out`, summing to 1). Exported for
 * tests and for the report's description of the method.
 */
export function neighbourWeights(distances: ArrayLike<number>, weighting: AvatarWeighting, random: Random, out: Float64Array): Float64Array {
  const k = distances.length;
  if (weighting === 'uniform') {
    out.fill(1 / k, 0, k);
    return out;
  }
  let total = 0;
  if (weighting === 'avatar') {
    const order = new Int32Array(k);
    for (let j = 0; j < k; j++) order[j] = j + 1;
    shuffleInPlace(order, random);
    for (let j = 0; j < k; j++) {
      const p = (1 / Math.max(distances[j]!, DISTANCE_FLOOR)) * random.exponential() * 2 ** -order[j]!;
      out[j] = p;
      total += p;
    }
  } else {
    for (let j = 0; j < k; j++) {
      const p = 1 / Math.max(distances[j]!, DISTANCE_FLOOR);
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
