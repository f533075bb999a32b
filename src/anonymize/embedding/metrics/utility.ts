/**
 * Utility metrics: how much of the original's statistics the avatars keep.
 *
 * - Hellinger distance per column between the original and avatar marginals, H = √(1 − Σ√(p·q)),
 *   in [0, 1]. Categorical: over levels (missing is a level). Numeric: over the distinct values
 *   when there are at most 20 of them, otherwise over 20 equal-width bins spanning the original's
 *   range (avatar values outside it fall in the edge bins); missing is one more bin.
 * - Pearson correlations over the numerically coded columns (numeric columns, and categorical
 *   columns whose levels are all numbers, such as 0/1 flags), pairwise complete observations;
 *   reported as the mean and max |Δ| over column pairs, and a similarity 1 − mean|Δ|/2 in [0, 1].
 */
import { categoryOf, numericValue } from '../table.js';
import type { Table } from '../table.js';

const MAX_DISCRETE_VALUES = 20;
const BINS = 20;

export interface ColumnDistribution {
  readonly labels: string[];
  readonly original: number[];
  readonly avatar: number[];
}

/** Marginal distributions of one column in both tables on a common support (for H and plots). */
export function marginalDistributions(original: Table, avatar: Table, column: number): ColumnDistribution {
  const spec = original.columns[column]!;
  const orig = original.rows.map((r) => r[column] ?? null);
  const syn = avatar.rows.map((r) => r[column] ?? null);
  let keyOf: (cell: number | string | null) => string;
  let labels: string[];
  if (spec.kind === 'categorical') {
    const levels = new Set<string>();
    for (const v of [...orig, ...syn]) levels.add(categoryOf(v) ?? 'missing');
    labels = [...levels].sort(compareLabels);
    keyOf = (v) => categoryOf(v) ?? 'missing';
  } else {
    const values = orig.map(numericValue).filter((v): v is number => v !== null);
    const distinct = [...new Set(values)].sort((a, b) => a - b);
    const hasMissing = [...orig, ...syn].some((v) => numericValue(v) === null);
    if (distinct.length <= MAX_DISCRETE_VALUES) {
      const synDistinct = syn.map(numericValue).filter((v): v is number => v !== null);
      const all = [...new Set([...distinct, ...synDistinct])].sort((a, b) => a - b);
      labels = all.map(String);
      keyOf = (v) => {
        const n = numericValue(v);
        return n === null ? 'missing' : String(n);
      };
    } else {
      const lo = distinct[0]!;
      const hi = distinct[distinct.length - 1]!;
      const width = (hi - lo) / BINS || 1;
      labels = Array.from({ length: BINS }, (_, b) => formatEdge(lo + b * width));
      keyOf = (v) => {
        const n = numericValue(v);
        if (n === null) return 'missing';
        const b = Math.min(BINS - 1, Math.max(0, Math.floor((n - lo) / width)));
        return labels[b]!;
      };
    }
    if (hasMissing) labels.push('missing');
  }
  const index = new Map(labels.map((l, i) => [l, i]));
  const count = (cells: (number | string | null)[]): number[] => {
    const counts = new Array<number>(labels.length).fill(0);
    for (const c of cells) counts[index.get(keyOf(c))!]! += 1;
    const total = cells.length || 1;
    return counts.map((x) => x / total);
  };
  return { labels, original: count(orig), avatar: count(syn) };
}

function compareLabels(a: string, b: string): number {
  const x = Number(a);
  const y = Number(b);
  if (Number.isFinite(x) && Number.isFinite(y)) return x - y;
  return a < b ? -1 : a > b ? 1 : 0;
}

function formatEdge(v: number): string {
  return String(Number(v.toPrecision(4)));
}

export function hellinger(p: readonly number[], q: readonly number[]): number {
  let bc = 0;
  for (let i = 0; i < p.length; i++) bc += Math.sqrt(p[i]! * q[i]!);
  return Math.sqrt(Math.max(0, 1 - bc));
}

export interface HellingerResult {
  readonly perColumn: Record<string, number>;
  readonly mean: number;
  readonly max: number;
}

export function hellingerDistances(original: Table, avatar: Table): HellingerResult {
  const perColumn: Record<string, number> = {};
  original.columns.forEach((c, i) => {
    const { original: p, avatar: q } = marginalDistributions(original, avatar, i);
    perColumn[c.name] = hellinger(p, q);
  });
  const values = Object.values(perColumn);
  return { perColumn, mean: values.reduce((s, v) => s + v, 0) / (values.length || 1), max: Math.max(0, ...values) };
}

/** Columns that have a numeric reading: numeric ones, and categorical ones with numeric levels. */
export function numericallyCodedColumns(table: Table): number[] {
  return table.columns.flatMap((c, i) => {
    if (c.kind === 'numeric') return [i];
    const numeric = table.rows.every((r) => {
      const v = r[i] ?? null;
      return v === null || Number.isFinite(Number(v));
    });
    return numeric ? [i] : [];
  });
}

function numericReading(cell: number | string | null): number | null {
  if (cell === null) return null;
  const n = typeof cell === 'number' ? cell : Number(cell);
  return Number.isFinite(n) ? n : null;
}

/** Pearson correlation matrix (pairwise complete observations); NaN where undefined. */
export function correlationMatrix(table: Table, columns: readonly number[]): Float64Array {
  const m = columns.length;
  const out = new Float64Array(m * m);
  const data = columns.map((c) => table.rows.map((r) => numericReading(r[c] ?? null)));
  for (let a = 0; a < m; a++) {
    out[a * m + a] = 1;
    for (let b = a + 1; b < m; b++) {
      const r = pearson(data[a]!, data[b]!);
      out[a * m + b] = r;
      out[b * m + a] = r;
    }
  }
  return out;
}

function pearson(x: readonly (number | null)[], y: readonly (number | null)[]): number {
  let n = 0;
  let sx = 0;
  let sy = 0;
  for (let i = 0; i < x.length; i++) {
    const a = x[i];
    const b = y[i];
    if (a === null || b === null || a === undefined || b === undefined) continue;
    n++;
    sx += a;
    sy += b;
  }
  if (n < 2) return Number.NaN;
  const mx = sx / n;
  const my = sy / n;
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < x.length; i++) {
    const a = x[i];
    const b = y[i];
    if (a === null || b === null || a === undefined || b === undefined) continue;
    sxy += (a - mx) * (b - my);
    sxx += (a - mx) ** 2;
    syy += (b - my) ** 2;
  }
  return sxx > 0 && syy > 0 ? sxy / Math.sqrt(sxx * syy) : Number.NaN;
}

export interface CorrelationResult {
  readonly columns: string[];
  readonly original: number[];
  readonly avatar: number[];
  readonly meanAbsDelta: number;
  readonly maxAbsDelta: number;
  /** 1 − mean|Δ|/2: 1 for identical correlation structures. */
  readonly similarity: number;
}

export function correlationComparison(original: Table, avatar: Table): CorrelationResult {
  const cols = numericallyCodedColumns(original);
  const a = correlationMatrix(original, cols);
  const b = correlationMatrix(avatar, cols);
  const m = cols.length;
  let sum = 0;
  let count = 0;
  let max = 0;
  for (let i = 0; i < m; i++) {
    for (let j = i + 1; j < m; j++) {
      const x = a[i * m + j]!;
      const y = b[i * m + j]!;
      // A pair undefined on one side (constant column) counts as a full miss only if defined on the other.
      if (Number.isNaN(x) && Number.isNaN(y)) continue;
      const delta = Number.isNaN(x) || Number.isNaN(y) ? 1 : Math.abs(x - y);
      sum += delta;
      count++;
      max = Math.max(max, delta);
    }
  }
  const meanAbsDelta = count ? sum / count : 0;
  return {
    columns: cols.map((c) => original.columns[c]!.name),
    original: Array.from(a),
    avatar: Array.from(b),
    meanAbsDelta,
    maxAbsDelta: max,
    similarity: 1 - meanAbsDelta / 2,
  };
}
