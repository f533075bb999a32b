/**
 * Projection of mixed tables into a low-dimensional Euclidean space, and back.
 *
 * FAMD (factor analysis of mixed data, Pagès 2004) in its usual PCA formulation:
 * - a numeric column is standardised: (x − mean) / sd;
 * - a categorical column becomes one indicator per level, scaled by the level's share p and
 *   centred: (1{x = level} − p) / √p, so rare levels weigh more, as in MCA;
 * - the encoded matrix Z (n×p, centred) gives the covariance C = ZᵀZ / n, whose top `ncp`
 *   eigenvectors are the axes; coordinates are Z·V.
 * With numeric columns only this is a standardised PCA; with categorical columns only it is MCA up
 * to a global scale (the number of variables), which changes no neighbourhood. `method` names the
 * case for the report.
 *
 * Missing values: a missing numeric value is imputed by the column mean in the numeric part (so it
 * does not move the row along that axis) and the column gets an extra two-level indicator
 * ("observed" / "missing") treated like any categorical column; on decoding, the indicator decides
 * whether the avatar's value is missing. A missing categorical value is simply its own level.
 *
 * Decoding (inverse transform) reconstructs Ẑ = coords·Vᵀ; numeric: x = ẑ·sd + mean, rounded to the
 * column's precision and clamped to its observed range; categorical: the level whose reconstructed
 * indicator ẑ·√p + p is largest (the most likely category).
 *
 * The fit reads the rows three times (stats, covariance, nothing else is kept), so memory is the
 * p×p matrix plus the n×ncp coordinates, never the n×p encoded matrix.
 */
import { VoileError } from '../../errors.js';
import { symmetricEigen } from './linalg.js';
import { categoryOf, numericValue } from './table.js';
import type { Cell, ColumnSpec, Row, Table } from './table.js';

export type ProjectionMethod = 'PCA' | 'MCA' | 'FAMD';

/** Encoded columns beyond this make the p×p eigen-decomposition too slow to be worth it. */
export const MAX_ENCODED_DIMENSION = 600;

interface NumericBlock {
  readonly kind: 'numeric';
  readonly column: number;
  readonly offset: number;
  readonly mean: number;
  readonly sd: number;
  readonly min: number;
  readonly max: number;
  readonly decimals: number;
  /** Share of missing values; the indicator block follows the numeric slot when > 0. */
  readonly missingShare: number;
}

interface CategoricalBlock {
  readonly kind: 'categorical';
  readonly column: number;
  readonly offset: number;
  readonly levels: readonly (string | null)[];
  readonly shares: Float64Array;
  readonly levelIndex: ReadonlyMap<string | null, number>;
}

type Block = NumericBlock | CategoricalBlock;

export interface ProjectionOptions {
  /** Number of components kept (clamped to the encoded dimension). */
  readonly ncp: number;
  /**
   * 'indicator' (default): missing numeric values get an observed/missing indicator, so decoding
   * reproduces missingness. 'impute': mean imputation only, the convention of the Avatar paper's
   * metric space (used by the evaluation to recompute the published figures).
   */
  readonly missing?: 'indicator' | 'impute';
}

export interface Projection {
  readonly method: ProjectionMethod;
  readonly columns: readonly ColumnSpec[];
  /** Components kept. */
  readonly ncp: number;
  /** Encoded dimension p. */
  readonly dimension: number;
  /** All p eigenvalues, decreasing. */
  readonly eigenvalues: Float64Array;
  /** Share of total inertia carried by each kept component. */
  readonly explainedInertia: number[];
  /** Coordinates of rows (same columns as the fit), n×ncp row-major. */
  transform(rows: readonly Row[]): Float64Array;
  /** Decodes n×ncp coordinates back into rows of the fitted columns. */
  inverse(coordinates: Float64Array, n: number): Row[];
}

export function fitProjection(table: Table, options: ProjectionOptions): Projection {
  const n = table.rows.length;
  if (n < 2) throw new VoileError('BAD_REQUEST', 'At least two rows are needed to fit a projection');
  if (!Number.isInteger(options.ncp) || options.ncp < 1) throw new VoileError('BAD_REQUEST', 'ncp must be a positive integer');
  const blocks = describeColumns(table, options.missing ?? 'indicator');
  const p = encodedDimension(blocks);
  if (p === 0) throw new VoileError('BAD_REQUEST', 'The table has no column to project');
  if (p > MAX_ENCODED_DIMENSION) {
    throw new VoileError('BAD_REQUEST', 'The table has too many categorical levels to project', { detail: `encoded dimension above ${MAX_ENCODED_DIMENSION}` });
  }

  const covariance = new Float64Array(p * p);
  const z = new Float64Array(p);
  for (const row of table.rows) {
    encodeRow(row, blocks, z);
    for (let r = 0; r < p; r++) {
      const zr = z[r]!;
      if (zr === 0) continue;
      const base = r * p;
      for (let c = r; c < p; c++) covariance[base + c] += zr * z[c]!;
    }
  }
  for (let r = 0; r < p; r++) {
    for (let c = r; c < p; c++) {
      const v = covariance[r * p + c]! / n;
      covariance[r * p + c] = v;
      covariance[c * p + r] = v;
    }
  }
  const eigen = symmetricEigen(covariance, p);
  const ncp = Math.min(options.ncp, p);
  // Axes as contiguous rows: axes[j * p + r] = component r of axis j.
  const axes = new Float64Array(ncp * p);
  for (let j = 0; j < ncp; j++) for (let r = 0; r < p; r++) axes[j * p + r] = eigen.vectors[r * p + j]!;
  const totalInertia = eigen.values.reduce((s, v) => s + Math.max(v, 0), 0) || 1;

  const hasNumeric = blocks.some((b) => b.kind === 'numeric');
  const hasCategorical = blocks.some((b) => b.kind === 'categorical');
  const method: ProjectionMethod = hasNumeric && hasCategorical ? 'FAMD' : hasNumeric ? 'PCA' : 'MCA';
  const columns = table.columns.slice();

  return {
    method,
    columns,
    ncp,
    dimension: p,
    eigenvalues: eigen.values,
    explainedInertia: Array.from(eigen.values.slice(0, ncp), (v) => Math.max(v, 0) / totalInertia),
    transform(rows) {
      const out = new Float64Array(rows.length * ncp);
      const buffer = new Float64Array(p);
      rows.forEach((row, i) => {
        if (row.length !== columns.length) throw new VoileError('BAD_REQUEST', 'A row does not match the fitted columns');
        encodeRow(row, blocks, buffer);
        for (let j = 0; j < ncp; j++) {
          let s = 0;
          const base = j * p;
          for (let r = 0; r < p; r++) s += buffer[r]! * axes[base + r]!;
          out[i * ncp + j] = s;
        }
      });
      return out;
    },
    inverse(coordinates, count) {
      if (coordinates.length !== count * ncp) throw new RangeError('coordinates do not match n × ncp');
      const rows: Row[] = new Array(count);
      const zHat = new Float64Array(p);
      for (let i = 0; i < count; i++) {
        zHat.fill(0);
        for (let j = 0; j < ncp; j++) {
          const c = coordinates[i * ncp + j]!;
          const base = j * p;
          for (let r = 0; r < p; r++) zHat[r] += c * axes[base + r]!;
        }
        rows[i] = decodeRow(zHat, blocks, columns.length);
      }
      return rows;
    },
  };
}

function describeColumns(table: Table, missing: 'indicator' | 'impute'): Block[] {
  const blocks: Block[] = [];
  let offset = 0;
  const n = table.rows.length;
  table.columns.forEach((spec, column) => {
    if (spec.kind === 'numeric') {
      let count = 0;
      let sum = 0;
      let min = Infinity;
      let max = -Infinity;
      let decimals = 0;
      for (const row of table.rows) {
        const v = numericValue(row[column] ?? null);
        if (v === null) continue;
        count++;
        sum += v;
        if (v < min) min = v;
        if (v > max) max = v;
        if (decimals < 6 && !Number.isInteger(v)) decimals = Math.max(decimals, decimalPlaces(v));
      }
      const mean = count > 0 ? sum / count : 0;
      let squares = 0;
      for (const row of table.rows) {
        const v = numericValue(row[column] ?? null);
        if (v !== null) squares += (v - mean) ** 2;
      }
      // Population sd; a constant column gets sd 1 (its z-score is always 0). With 'impute', the
      // column is imputed first and then scaled, so imputed values count (with a zero deviation).
      const sd = count > 0 ? Math.sqrt(squares / (missing === 'impute' ? n : count)) : 0;
      const missingShare = missing === 'impute' && count > 0 ? 0 : (n - count) / n;
      blocks.push({
        kind: 'numeric', column, offset, mean, sd: sd > 0 ? sd : 1,
        min: count > 0 ? min : 0, max: count > 0 ? max : 0, decimals, missingShare,
      });
      offset += 1 + (missingShare > 0 && missingShare < 1 ? 2 : 0);
    } else {
      const counts = new Map<string | null, number>();
      for (const row of table.rows) {
        const level = categoryOf(row[column] ?? null);
        counts.set(level, (counts.get(level) ?? 0) + 1);
      }
      // Deterministic level order: by decreasing frequency, then by name (missing last).
      const levels = [...counts.keys()].sort((a, b) => (counts.get(b)! - counts.get(a)!) || compareLevels(a, b));
      const shares = Float64Array.from(levels, (l) => counts.get(l)! / n);
      blocks.push({ kind: 'categorical', column, offset, levels, shares, levelIndex: new Map(levels.map((l, i) => [l, i])) });
      offset += levels.length;
    }
  });
  return blocks;
}

function compareLevels(a: string | null, b: string | null): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  return a < b ? -1 : 1;
}

function decimalPlaces(v: number): number {
  const s = String(v);
  const dot = s.indexOf('.');
  if (s.includes('e')) return 6;
  return dot < 0 ? 0 : Math.min(6, s.length - dot - 1);
}

function encodedDimension(blocks: readonly Block[]): number {
  const last = blocks[blocks.length - 1];
  if (!last) return 0;
  if (last.kind === 'categorical') return last.offset + last.levels.length;
  return last.offset + 1 + (hasIndicator(last) ? 2 : 0);
}

function hasIndicator(block: NumericBlock): boolean {
  return block.missingShare > 0 && block.missingShare < 1;
}

const SQRT_CACHE = new WeakMap<Float64Array, Float64Array>();
function sqrtShares(shares: Float64Array): Float64Array {
  let cached = SQRT_CACHE.get(shares);
  if (!cached) {
    cached = shares.map(Math.sqrt);
    SQRT_CACHE.set(shares, cached);
  }
  return cached;
}

function encodeRow(row: readonly Cell[], blocks: readonly Block[], out: Float64Array): void {
  for (const block of blocks) {
    const cell = row[block.column] ?? null;
    if (block.kind === 'numeric') {
      const v = numericValue(cell);
      out[block.offset] = v === null ? 0 : (v - block.mean) / block.sd;
      if (hasIndicator(block)) {
        const pMissing = block.missingShare;
        const pObserved = 1 - pMissing;
        const missing = v === null ? 1 : 0;
        out[block.offset + 1] = (1 - missing - pObserved) / Math.sqrt(pObserved);
        out[block.offset + 2] = (missing - pMissing) / Math.sqrt(pMissing);
      }
    } else {
      const roots = sqrtShares(block.shares);
      const level = block.levelIndex.get(categoryOf(cell));
      for (let k = 0; k < block.levels.length; k++) {
        out[block.offset + k] = ((level === k ? 1 : 0) - block.shares[k]!) / roots[k]!;
      }
    }
  }
}

function decodeRow(z: Float64Array, blocks: readonly Block[], width: number): Row {
  const row: Row = new Array(width).fill(null);
  for (const block of blocks) {
    if (block.kind === 'numeric') {
      if (hasIndicator(block)) {
        const pMissing = block.missingShare;
        const observed = z[block.offset + 1]! * Math.sqrt(1 - pMissing) + (1 - pMissing);
        const missing = z[block.offset + 2]! * Math.sqrt(pMissing) + pMissing;
        if (missing > observed) continue; // stays null
      } else if (block.missingShare >= 1) continue;
      const raw = z[block.offset]! * block.sd + block.mean;
      const clamped = Math.min(block.max, Math.max(block.min, raw));
      const factor = 10 ** block.decimals;
      row[block.column] = Math.round(clamped * factor) / factor;
    } else {
      const roots = sqrtShares(block.shares);
      let best = 0;
      let bestScore = -Infinity;
      for (let k = 0; k < block.levels.length; k++) {
        const score = z[block.offset + k]! * roots[k]! + block.shares[k]!;
        if (score > bestScore) {
          bestScore = score;
          best = k;
        }
      }
      row[block.column] = block.levels[best] ?? null;
    }
  }
  return row;
}
