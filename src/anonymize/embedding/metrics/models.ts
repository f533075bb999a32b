/**
 * The two analyses the utility report re-runs on avatars:
 * - a logistic regression (L2-regularised, Newton/IRLS) trained on avatars and tested on real
 *   records, against the same model trained on real records ("train on synthetic, test on real");
 * - a Cox proportional-hazards model with one binary covariate (Breslow ties, Newton), giving the
 *   hazard ratio and its Wald 95 % CI, for survival data such as ACTG175 (AIDS).
 */
import { solveSpd } from '../linalg.js';
import { categoryOf, numericValue } from '../table.js';
import type { Table } from '../table.js';

// ---------------------------------------------------------------------------------------------
// Design matrix

interface Design {
  readonly width: number;
  encode(table: Table): Float64Array;
}

/**
 * Features of `train` except the target: numeric standardised (train statistics, missing → 0 plus
 * an indicator), categorical one-hot over the training levels; an intercept first.
 */
function designFor(train: Table, target: number): Design {
  type Part = { column: number; kind: 'numeric'; mean: number; sd: number; indicator: boolean } | { column: number; kind: 'categorical'; levels: string[] };
  const parts: Part[] = [];
  train.columns.forEach((spec, c) => {
    if (c === target) return;
    if (spec.kind === 'numeric') {
      const values = train.rows.map((r) => numericValue(r[c] ?? null)).filter((v): v is number => v !== null);
      const mean = values.reduce((s, v) => s + v, 0) / (values.length || 1);
      const sd = Math.sqrt(values.reduce((s, v) => s + (v - mean) ** 2, 0) / (values.length || 1)) || 1;
      parts.push({ column: c, kind: 'numeric', mean, sd, indicator: values.length < train.rows.length });
    } else {
      const levels = [...new Set(train.rows.map((r) => categoryOf(r[c] ?? null) ?? '\u0000'))].sort();
      parts.push({ column: c, kind: 'categorical', levels });
    }
  });
  const width = 1 + parts.reduce((w, p) => w + (p.kind === 'numeric' ? (p.indicator ? 2 : 1) : p.levels.length), 0);
  return {
    width,
    encode(table) {
      const x = new Float64Array(table.rows.length * width);
      table.rows.forEach((row, r) => {
        let o = r * width;
        x[o++] = 1;
        for (const p of parts) {
          const cell = row[p.column] ?? null;
          if (p.kind === 'numeric') {
            const v = numericValue(cell);
            x[o++] = v === null ? 0 : (v - p.mean) / p.sd;
            if (p.indicator) x[o++] = v === null ? 1 : 0;
          } else {
            const level = categoryOf(cell) ?? '\u0000';
            for (const l of p.levels) x[o++] = l === level ? 1 : 0;
          }
        }
      });
      return x;
    },
  };
}

function fitLogistic(x: Float64Array, y: Uint8Array, width: number, lambda = 1e-2, iterations = 30): Float64Array {
  const n = y.length;
  const beta = new Float64Array(width);
  for (let it = 0; it < iterations; it++) {
    const gradient = new Float64Array(width);
    const hessian = new Float64Array(width * width);
    for (let i = 0; i < n; i++) {
      let eta = 0;
      for (let j = 0; j < width; j++) eta += x[i * width + j]! * beta[j]!;
      const p = 1 / (1 + Math.exp(-eta));
      const w = Math.max(p * (1 - p), 1e-9);
      const residual = y[i]! - p;
      for (let a = 0; a < width; a++) {
        const xa = x[i * width + a]!;
        if (xa === 0) continue;
        gradient[a] += xa * residual;
        for (let b = a; b < width; b++) hessian[a * width + b] += w * xa * x[i * width + b]!;
      }
    }
    for (let a = 0; a < width; a++) {
      // The intercept is not penalised.
      if (a > 0) {
        gradient[a] -= lambda * n * beta[a]!;
        hessian[a * width + a] += lambda * n;
      } else hessian[0] += 1e-9;
      for (let b = 0; b < a; b++) hessian[a * width + b] = hessian[b * width + a]!;
    }
    const step = solveSpd(hessian, gradient, width);
    let change = 0;
    for (let j = 0; j < width; j++) {
      beta[j] += step[j]!;
      change = Math.max(change, Math.abs(step[j]!));
    }
    if (change < 1e-8) break;
  }
  return beta;
}

/** Area under the ROC curve (Mann–Whitney, ties counted half). */
export function rocAuc(scores: ArrayLike<number>, labels: ArrayLike<number>): number {
  const order = Array.from({ length: scores.length }, (_, i) => i).sort((a, b) => scores[a]! - scores[b]!);
  let rankSumPositive = 0;
  let positives = 0;
  let i = 0;
  while (i < order.length) {
    let j = i;
    while (j + 1 < order.length && scores[order[j + 1]!] === scores[order[i]!]) j++;
    const rank = (i + j) / 2 + 1;
    for (let k = i; k <= j; k++) {
      if (labels[order[k]!] === 1) {
        rankSumPositive += rank;
        positives++;
      }
    }
    i = j + 1;
  }
  const negatives = order.length - positives;
  if (positives === 0 || negatives === 0) return Number.NaN;
  return (rankSumPositive - (positives * (positives + 1)) / 2) / (positives * negatives);
}

export interface ClassifierResult {
  readonly target: string;
  readonly positiveLevel: string;
  readonly auc: number;
  readonly accuracy: number;
}

/**
 * Trains a logistic regression predicting `target == positiveLevel` on `train` and scores it on
 * `test` (both with the same columns).
 */
export function trainTestClassifier(train: Table, test: Table, target: string, positiveLevel: string): ClassifierResult {
  const t = train.columns.findIndex((c) => c.name === target);
  if (t < 0) throw new RangeError('unknown target column');
  const label = (table: Table): Uint8Array => Uint8Array.from(table.rows, (r) => (categoryOf(r[t] ?? null) === positiveLevel ? 1 : 0));
  const design = designFor(train, t);
  const beta = fitLogistic(design.encode(train), label(train), design.width);
  const xTest = design.encode(test);
  const yTest = label(test);
  const scores = new Float64Array(yTest.length);
  let correct = 0;
  for (let i = 0; i < yTest.length; i++) {
    let eta = 0;
    for (let j = 0; j < design.width; j++) eta += xTest[i * design.width + j]! * beta[j]!;
    scores[i] = eta;
    if ((eta > 0 ? 1 : 0) === yTest[i]) correct++;
  }
  return { target, positiveLevel, auc: rocAuc(scores, yTest), accuracy: yTest.length ? correct / yTest.length : Number.NaN };
}

// ---------------------------------------------------------------------------------------------
// Cox proportional hazards

export interface CoxOptions {
  readonly time: string;
  readonly event: string;
  /** Covariate column and the two levels compared (hazard of `compare` relative to `reference`). */
  readonly group: string;
  readonly reference: string;
  readonly compare: string;
}

export interface HazardRatio {
  readonly hazardRatio: number;
  readonly ci: readonly [number, number];
  readonly n: number;
  readonly events: number;
}

export function coxHazardRatio(table: Table, options: CoxOptions): HazardRatio {
  const index = (name: string): number => {
    const i = table.columns.findIndex((c) => c.name === name);
    if (i < 0) throw new RangeError('unknown survival column');
    return i;
  };
  const [ti, ei, gi] = [index(options.time), index(options.event), index(options.group)];
  const records: { time: number; event: number; x: number }[] = [];
  for (const row of table.rows) {
    const group = categoryOf(row[gi] ?? null);
    const time = numericValue(row[ti] ?? null) ?? Number(categoryOf(row[ti] ?? null));
    const event = Number(categoryOf(row[ei] ?? null));
    if (group !== options.reference && group !== options.compare) continue;
    if (!Number.isFinite(time) || !Number.isFinite(event)) continue;
    records.push({ time, event: event ? 1 : 0, x: group === options.compare ? 1 : 0 });
  }
  // Descending time so that the risk set of each time is a running prefix.
  records.sort((a, b) => b.time - a.time);
  let beta = 0;
  let information = 0;
  for (let it = 0; it < 50; it++) {
    let s0 = 0;
    let s1 = 0;
    let score = 0;
    information = 0;
    let i = 0;
    while (i < records.length) {
      let j = i;
      // Add every record tied at this time to the risk set before counting its events (Breslow).
      while (j < records.length && records[j]!.time === records[i]!.time) {
        const r = records[j]!;
        const e = Math.exp(beta * r.x);
        s0 += e;
        s1 += r.x * e;
        j++;
      }
      for (let k = i; k < j; k++) {
        const r = records[k]!;
        if (!r.event) continue;
        const mean = s1 / s0;
        score += r.x - mean;
        information += mean - mean * mean; // x is binary, so S2 = S1
      }
      i = j;
    }
    if (information <= 0) break;
    const step = score / information;
    beta += step;
    if (Math.abs(step) < 1e-10) break;
  }
  const se = information > 0 ? 1 / Math.sqrt(information) : Number.NaN;
  return {
    hazardRatio: Math.exp(beta),
    ci: [Math.exp(beta - 1.959963984540054 * se), Math.exp(beta + 1.959963984540054 * se)],
    n: records.length,
    events: records.reduce((s, r) => s + r.event, 0),
  };
}
