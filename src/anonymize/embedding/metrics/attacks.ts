/**
 * Article 29 attacks on a synthetic table, in the way of Anonymeter (Giomi et al., "A Unified
 * Framework for Quantifying Privacy Risk in Synthetic Data", PETS 2023; reference implementation:
 * the `anonymeter` Python package). Each attack is run three times: against the original
 * (training) records, against control records that were never used to generate the synthetic
 * data, and as a random-guess baseline. The risk is the residual success over the control set
 * (see confidence.ts).
 *
 * - Singling out: predicates built from the synthetic data that match exactly one synthetic record
 *   (univariate: rare values, extreme values, a lone missing value; multivariate: a random record's
 *   values on `nCols` random columns, numeric ones as ≥/≤ depending on the side of the median).
 *   A query succeeds when it matches exactly one original record. The control count is rescaled to
 *   the original's size with Anonymeter's model P(n) ∝ ∫₀^w n·x(1 − x)^(n−1) dx fitted on
 *   sub-samples of the control set.
 * - Linkability: the original columns are split into two disjoint sets an attacker holds
 *   separately; a target is linked when its nearest synthetic record is the same for both halves.
 * - Inference: for each secret column, the attacker knows all other columns, takes the nearest
 *   synthetic record and guesses its secret (exact match, or within 5 % relative error for numeric
 *   columns).
 *
 * Nearest neighbours use a Gower-like distance as Anonymeter does: numeric |a − b| / range
 * (range over both tables), categorical 0/1 mismatch. Missing values: both missing is a match (0),
 * one missing is a full mismatch (1); Anonymeter counts both-missing as 1, a documented divergence
 * that only matters for columns with many missing values. Ties go to the lowest synthetic index.
 *
 * Randomness (target samples, query columns, baseline guesses) comes from a seeded generator, so
 * a report is reproducible.
 */
import { seededRandom, shuffleInPlace } from '../random.js';
import type { Random } from '../random.js';
import { categoryOf, numericValue } from '../table.js';
import type { Cell, Table } from '../table.js';
import { evaluateAttack } from './confidence.js';
import type { AttackResult } from './confidence.js';

type Op = 'eq' | 'ne' | 'lt' | 'le' | 'gt' | 'ge' | 'isnull' | 'notnull';

interface Predicate {
  readonly column: number;
  readonly op: Op;
  readonly value: number | string | null;
}

type Query = readonly Predicate[];

export interface AttackOptions {
  readonly seed: number;
  /** Attacks per evaluation (Anonymeter's default is 500); capped by the table sizes. */
  readonly nAttacks?: number;
  readonly confidenceLevel?: number;
}

export interface SinglingOutOptions extends AttackOptions {
  readonly mode: 'univariate' | 'multivariate';
  /** Columns per multivariate query (Anonymeter's default: 3). */
  readonly nCols?: number;
  /** Cap on generated candidate queries (multivariate). */
  readonly maxAttempts?: number;
}

export interface SinglingOutResult extends AttackResult {
  readonly mode: 'univariate' | 'multivariate';
  /** Queries that single out one synthetic record (may be fewer than asked). */
  readonly queriesGenerated: number;
}

// ---------------------------------------------------------------------------------------------
// Table access

function cellKey(cell: Cell): string {
  return cell === null ? '\u0000' : typeof cell === 'number' ? `n${cell}` : `s${cell}`;
}

/** Rows without exact duplicates (Anonymeter's `.unique()`), order kept. */
export function uniqueRows(table: Table): Table {
  const seen = new Set<string>();
  const rows = table.rows.filter((row) => {
    const key = row.map(cellKey).join('\u0001');
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  return { columns: table.columns, rows };
}

function comparable(table: Table, column: number, cell: Cell): number | string | null {
  return table.columns[column]!.kind === 'numeric' ? numericValue(cell) : categoryOf(cell);
}

function matches(predicate: Predicate, cell: number | string | null): boolean {
  switch (predicate.op) {
    case 'isnull':
      return cell === null;
    case 'notnull':
      return cell !== null;
    case 'eq':
      return cell !== null && cell === predicate.value;
    case 'ne':
      // Polars semantics: a comparison with null is null, which a filter treats as false.
      return cell !== null && cell !== predicate.value;
    case 'lt':
      return cell !== null && cell < predicate.value!;
    case 'le':
      return cell !== null && cell <= predicate.value!;
    case 'gt':
      return cell !== null && cell > predicate.value!;
    case 'ge':
      return cell !== null && cell >= predicate.value!;
  }
}

/** Column-major, kind-normalised view of a table for fast query evaluation. */
class QueryTable {
  readonly size: number;
  readonly #columns: (number | string | null)[][];

  constructor(table: Table) {
    this.size = table.rows.length;
    this.#columns = table.columns.map((_, c) => table.rows.map((row) => comparable(table, c, row[c] ?? null)));
  }

  /** Number of matching rows, counting no further than `limit`. */
  count(query: Query, limit = Infinity, rows?: Int32Array): number {
    let count = 0;
    const n = rows ? rows.length : this.size;
    for (let i = 0; i < n; i++) {
      const r = rows ? rows[i]! : i;
      let ok = true;
      for (const p of query) {
        if (!matches(p, this.#columns[p.column]![r]!)) {
          ok = false;
          break;
        }
      }
      if (ok && ++count >= limit) return count;
    }
    return count;
  }

  column(c: number): (number | string | null)[] {
    return this.#columns[c]!;
  }
}

function queryKey(query: Query): string {
  return query.map((p) => `${p.column}:${p.op}:${p.value === null ? '' : typeof p.value}:${String(p.value)}`).join('&');
}

function singlesOut(table: QueryTable, query: Query, rows?: Int32Array): boolean {
  return table.count(query, 2, rows) === 1;
}

// ---------------------------------------------------------------------------------------------
// Singling out

function univariateQueries(syn: Table, view: QueryTable, nQueries: number, random: Random): Query[] {
  const candidates: Query[] = [];
  syn.columns.forEach((spec, c) => {
    const values = view.column(c);
    const nulls = values.filter((v) => v === null).length;
    if (nulls === 1) candidates.push([{ column: c, op: 'isnull', value: null }]);
    if (spec.kind === 'numeric') {
      const present = values.filter((v): v is number => v !== null);
      if (present.length > 0) {
        candidates.push([{ column: c, op: 'le', value: Math.min(...present) }]);
        candidates.push([{ column: c, op: 'ge', value: Math.max(...present) }]);
      }
    }
    const counts = new Map<number | string, number>();
    for (const v of values) if (v !== null) counts.set(v, (counts.get(v) ?? 0) + 1);
    for (const [value, n] of counts) if (n === 1) candidates.push([{ column: c, op: 'eq', value }]);
  });
  shuffleInPlace(candidates, random);
  return collectSinglingOut(view, candidates, nQueries, new Set());
}

function collectSinglingOut(view: QueryTable, candidates: readonly Query[], max: number, seen: Set<string>, into: Query[] = []): Query[] {
  for (const q of candidates) {
    if (into.length >= max) break;
    if (!singlesOut(view, q)) continue;
    const key = queryKey(q);
    if (seen.has(key)) continue;
    seen.add(key);
    into.push(q);
  }
  return into;
}

function medianOf(values: readonly (number | string | null)[]): number | undefined {
  const nums = values.filter((v): v is number => typeof v === 'number').sort((a, b) => a - b);
  if (nums.length === 0) return undefined;
  const m = nums.length >> 1;
  return nums.length % 2 ? nums[m]! : (nums[m - 1]! + nums[m]!) / 2;
}

function pickColumns(width: number, nCols: number, random: Random): number[] {
  const all = Array.from({ length: width }, (_, i) => i);
  shuffleInPlace(all, random);
  return all.slice(0, nCols).sort((a, b) => a - b);
}

function multivariateQueries(syn: Table, view: QueryTable, nQueries: number, nCols: number, maxAttempts: number, random: Random): Query[] {
  const medians = syn.columns.map((spec, c) => (spec.kind === 'numeric' ? medianOf(view.column(c)) : undefined));
  const found: Query[] = [];
  const seen = new Set<string>();
  let attempts = 0;
  while (found.length < nQueries && attempts < maxAttempts) {
    const batch: Query[] = [];
    for (let b = 0; b < 1000 && attempts < maxAttempts; b++, attempts++) {
      const r = random.int(view.size);
      batch.push(
        pickColumns(syn.columns.length, nCols, random).map((c): Predicate => {
          const value = view.column(c)[r]!;
          if (value === null) return { column: c, op: 'isnull', value: null };
          if (typeof value === 'number' && syn.columns[c]!.kind === 'numeric') {
            return { column: c, op: value > (medians[c] ?? value) ? 'ge' : 'le', value };
          }
          return { column: c, op: 'eq', value };
        }),
      );
    }
    collectSinglingOut(view, batch, nQueries, seen, found);
  }
  return found;
}

const NUMERIC_OPS: readonly Op[] = ['eq', 'ne', 'gt', 'lt', 'ge', 'le'];
const CATEGORICAL_OPS: readonly Op[] = ['eq', 'ne'];

function randomQueries(syn: Table, view: QueryTable, nQueries: number, nCols: number, random: Random): Query[] {
  const uniques = syn.columns.map((_, c) => [...new Set(view.column(c))]);
  const queries: Query[] = [];
  for (let i = 0; i < nQueries; i++) {
    queries.push(
      pickColumns(syn.columns.length, nCols, random).map((c): Predicate => {
        const values = uniques[c]!;
        const value = values[random.int(values.length)]!;
        if (value === null) return { column: c, op: random.next() < 0.5 ? 'isnull' : 'notnull', value: null };
        const ops = syn.columns[c]!.kind === 'numeric' ? NUMERIC_OPS : CATEGORICAL_OPS;
        return { column: c, op: ops[random.int(ops.length)]!, value };
      }),
    );
  }
  return queries;
}

/** ∫_{wMin}^{wMax} n·w(1 − w)^(n−1) dw, Anonymeter's singling-out probability integral. */
export function singlingOutProbabilityIntegral(n: number, wMin: number, wMax: number): number {
  return ((n * wMin + 1) * (1 - wMin) ** n - (n * wMax + 1) * (1 - wMax) ** n) / (n + 1);
}

/**
 * Fits successes(n) ≈ norm · ∫₀^w n·x(1−x)^(n−1)dx on sub-samples of the control set and returns
 * the factor that rescales a count measured on `controlSize` rows to `targetSize` rows. With a
 * single sample size (a control set under 1000 rows) the model is not identifiable; Anonymeter's
 * least-squares fit then ends on its bound w = 1, where the factor is (n_control + 1)/(n_ori + 1),
 * and so does this function (checked against anonymeter 1.1.0 on the AIDS splits).
 */
function controlSizeCorrection(control: QueryTable, queries: readonly Query[], targetSize: number, random: Random): number {
  const n = control.size;
  const minRows = Math.min(1000, n);
  const sizes: number[] = [];
  const successes: number[] = [];
  const indexes = Int32Array.from({ length: n }, (_, i) => i);
  for (let m = 0; m < 10; m++) {
    const size = Math.floor(minRows + ((n - minRows) * m) / 9);
    for (let rep = 0; rep < 5; rep++) {
      shuffleInPlace(indexes, random);
      const sample = indexes.slice(0, size);
      sizes.push(size);
      successes.push(queries.filter((q) => singlesOut(control, q, sample)).length);
    }
  }
  let wEff = 1;
  if (new Set(sizes).size > 1) {
    let bestSse = Infinity;
    for (let step = 0; step <= 400; step++) {
      const w = 10 ** (-7 + (7 * step) / 400);
      const f = sizes.map((s) => singlingOutProbabilityIntegral(s, 0, w));
      const ff = f.reduce((acc, v) => acc + v * v, 0);
      if (ff === 0) continue;
      const norm = f.reduce((acc, v, i) => acc + v * successes[i]!, 0) / ff;
      const sse = f.reduce((acc, v, i) => acc + (norm * v - successes[i]!) ** 2, 0);
      if (sse < bestSse) {
        bestSse = sse;
        wEff = w;
      }
    }
  }
  const model = (size: number): number => singlingOutProbabilityIntegral(size, 0, wEff);
  const denominator = model(n);
  return denominator > 0 ? model(targetSize) / denominator : 1;
}

export function singlingOutRisk(original: Table, synthetic: Table, control: Table | undefined, options: SinglingOutOptions): SinglingOutResult {
  const random = seededRandom(options.seed);
  const ori = new QueryTable(uniqueRows(original));
  const synTable = uniqueRows(synthetic);
  const syn = new QueryTable(synTable);
  const nAttacks = options.nAttacks ?? 500;
  const nCols = options.mode === 'univariate' ? 1 : (options.nCols ?? 3);
  const queries = options.mode === 'univariate'
    ? univariateQueries(synTable, syn, nAttacks, random)
    : multivariateQueries(synTable, syn, nAttacks, nCols, options.maxAttempts ?? 200_000, random);
  const attacks = queries.length;
  const nSuccess = queries.filter((q) => singlesOut(ori, q)).length;
  const baseline = randomQueries(synTable, syn, attacks, nCols, random);
  const nBaseline = baseline.filter((q) => singlesOut(ori, q)).length;
  let nControl: number | undefined;
  if (control) {
    const ctl = new QueryTable(uniqueRows(control));
    nControl = queries.filter((q) => singlesOut(ctl, q)).length;
    if (ctl.size !== ori.size && nControl > 0) nControl *= controlSizeCorrection(ctl, queries, ori.size, random);
  }
  const result = evaluateAttack({ nAttacks: attacks, nSuccess, nBaseline, ...(nControl === undefined ? {} : { nControl }) }, options.confidenceLevel);
  return { ...result, mode: options.mode, queriesGenerated: attacks };
}

// ---------------------------------------------------------------------------------------------
// Nearest neighbours for linkability and inference

/**
 * Rows of a table encoded for the Gower-like distance on a set of columns: numeric values divided
 * by the column's range (over both tables), categorical values as integer codes shared by both
 * tables, missing as NaN. Flat row-major Float64Array, one slot per column.
 */
interface MixedSpace {
  readonly width: number;
  readonly numeric: Uint8Array;
  encode(table: Table): Float64Array;
}

function mixedSpace(columns: readonly number[], a: Table, b: Table): MixedSpace {
  const numeric = Uint8Array.from(columns, (c) => (a.columns[c]!.kind === 'numeric' ? 1 : 0));
  const ranges = columns.map((c, i) => {
    if (!numeric[i]) return 1;
    let lo = Infinity;
    let hi = -Infinity;
    for (const t of [a, b]) {
      for (const row of t.rows) {
        const v = numericValue(row[c] ?? null);
        if (v === null) continue;
        if (v < lo) lo = v;
        if (v > hi) hi = v;
      }
    }
    return hi > lo ? hi - lo : 1;
  });
  const codes = columns.map(() => new Map<string, number>());
  return {
    width: columns.length,
    numeric,
    encode(table) {
      const out = new Float64Array(table.rows.length * columns.length);
      table.rows.forEach((row, r) => {
        columns.forEach((c, i) => {
          const cell = row[c] ?? null;
          let v: number;
          if (numeric[i]) {
            const x = numericValue(cell);
            v = x === null ? Number.NaN : x / ranges[i]!;
          } else {
            const level = categoryOf(cell);
            if (level === null) v = Number.NaN;
            else {
              const map = codes[i]!;
              let code = map.get(level);
              if (code === undefined) {
                code = map.size;
                map.set(level, code);
              }
              v = code;
            }
          }
          out[r * columns.length + i] = v;
        });
      });
      return out;
    },
  };
}

/** Index of the nearest synthetic row (lowest index on ties) for each target row. */
function nearestIndexes(space: MixedSpace, targets: Float64Array, synthetic: Float64Array): Int32Array {
  const w = space.width;
  const numeric = space.numeric;
  const nTargets = targets.length / w;
  const nSyn = synthetic.length / w;
  const out = new Int32Array(nTargets);
  for (let t = 0; t < nTargets; t++) {
    let best = -1;
    let bestDistance = Infinity;
    const tb = t * w;
    for (let s = 0; s < nSyn; s++) {
      const sb = s * w;
      let d = 0;
      for (let i = 0; i < w && d < bestDistance; i++) {
        const a = targets[tb + i]!;
        const b = synthetic[sb + i]!;
        if (a !== a || b !== b) d += a !== a && b !== b ? 0 : 1; // NaN is missing
        else if (numeric[i]) d += Math.abs(a - b);
        else if (a !== b) d += 1;
      }
      if (d < bestDistance) {
        bestDistance = d;
        best = s;
      }
    }
    out[t] = best;
  }
  return out;
}

function sampleRows(table: Table, n: number, random: Random): Table {
  const indexes = Array.from({ length: table.rows.length }, (_, i) => i);
  shuffleInPlace(indexes, random);
  return { columns: table.columns, rows: indexes.slice(0, n).map((i) => table.rows[i]!) };
}

function attackSize(requested: number, original: Table, control: Table | undefined): number {
  return Math.min(requested, original.rows.length, control ? control.rows.length : Infinity);
}

export interface LinkabilityOptions extends AttackOptions {
  /** The two disjoint column sets (names). */
  readonly auxColumns: readonly [readonly string[], readonly string[]];
}

export function linkabilityRisk(original: Table, synthetic: Table, control: Table | undefined, options: LinkabilityOptions): AttackResult {
  const random = seededRandom(options.seed);
  const n = attackSize(options.nAttacks ?? 500, original, control);
  const [left, right] = options.auxColumns.map((names) => names.map((name) => {
    const i = original.columns.findIndex((c) => c.name === name);
    if (i < 0) throw new RangeError('unknown auxiliary column');
    return i;
  })) as [number[], number[]];
  const links = (targets: Table): number => {
    const leftSpace = mixedSpace(left, synthetic, targets);
    const rightSpace = mixedSpace(right, synthetic, targets);
    const a = nearestIndexes(leftSpace, leftSpace.encode(targets), leftSpace.encode(synthetic));
    const b = nearestIndexes(rightSpace, rightSpace.encode(targets), rightSpace.encode(synthetic));
    let linked = 0;
    for (let i = 0; i < a.length; i++) if (a[i] === b[i]) linked++;
    return linked;
  };
  const nSuccess = links(sampleRows(original, n, random));
  let nBaseline = 0;
  for (let i = 0; i < n; i++) if (random.int(synthetic.rows.length) === random.int(synthetic.rows.length)) nBaseline++;
  const nControl = control ? links(sampleRows(control, n, random)) : undefined;
  return evaluateAttack({ nAttacks: n, nSuccess, nBaseline, ...(nControl === undefined ? {} : { nControl }) }, options.confidenceLevel);
}

export interface InferenceOptions extends AttackOptions {
  readonly secret: string;
  /** Columns the attacker knows; default: all others. */
  readonly auxColumns?: readonly string[];
}

export interface InferenceResult extends AttackResult {
  readonly secret: string;
}

function guessIsRight(guess: Cell, secret: Cell, numeric: boolean): boolean {
  if (guess === null || secret === null) return guess === secret;
  if (!numeric) return categoryOf(guess) === categoryOf(secret);
  const g = numericValue(guess);
  const s = numericValue(secret);
  if (g === null || s === null) return false;
  // Anonymeter's tolerance: |guess − secret| / guess ≤ 5 %.
  return Math.abs(g - s) / (g + 1e-12) <= 0.05;
}

export function inferenceRisk(original: Table, synthetic: Table, control: Table | undefined, options: InferenceOptions): InferenceResult {
  const random = seededRandom(options.seed);
  const n = attackSize(options.nAttacks ?? 500, original, control);
  const secret = original.columns.findIndex((c) => c.name === options.secret);
  if (secret < 0) throw new RangeError('unknown secret column');
  const aux = (options.auxColumns ?? original.columns.map((c) => c.name).filter((name) => name !== options.secret)).map((name) => {
    const i = original.columns.findIndex((c) => c.name === name);
    if (i < 0) throw new RangeError('unknown auxiliary column');
    return i;
  });
  const numeric = original.columns[secret]!.kind === 'numeric';
  const attack = (targets: Table): number => {
    const space = mixedSpace(aux, synthetic, targets);
    const nearest = nearestIndexes(space, space.encode(targets), space.encode(synthetic));
    let right = 0;
    targets.rows.forEach((row, t) => {
      const guess = synthetic.rows[nearest[t]!]![secret] ?? null;
      if (guessIsRight(guess, row[secret] ?? null, numeric)) right++;
    });
    return right;
  };
  const baselineTargets = sampleRows(original, n, random);
  const baselineGuesses = sampleRows(synthetic, n, random);
  let nBaseline = 0;
  baselineTargets.rows.forEach((row, i) => {
    const guessRow = baselineGuesses.rows[i % baselineGuesses.rows.length]!;
    if (guessIsRight(guessRow[secret] ?? null, row[secret] ?? null, numeric)) nBaseline++;
  });
  const nSuccess = attack(sampleRows(original, n, random));
  const nControl = control ? attack(sampleRows(control, n, random)) : undefined;
  return {
    ...evaluateAttack({ nAttacks: n, nSuccess, nBaseline, ...(nControl === undefined ? {} : { nControl }) }, options.confidenceLevel),
    secret: options.secret,
  };
}
