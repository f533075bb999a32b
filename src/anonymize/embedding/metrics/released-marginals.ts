/**
 * Numeric marginals fit for release: the report leaves the trusted side (admins read it through
 * `GET /admin/cohorts/{policy}` and as HTML), so a bar must not single anyone out. `utility.ts`
 * bins a numeric column from its exact minimum to its exact maximum, or gives one bar per value
 * when there are few: the lightest patient's weight was the first label, the oldest patient's age
 * could be read off the last edge, and a bar of one record said that someone had that value.
 *
 * Here every bar holds at least `minCount` original records:
 * - a column with at most 20 distinct values starts from one group per value; a wider one from
 *   bins of a round width (1, 2, 2.5 or 5 × 10ⁿ) on round edges, spanning the values between the
 *   `minCount`-th smallest and the `minCount`-th largest, so an outlier cannot stretch the grid;
 * - neighbouring groups are merged, from the low end, until each holds `minCount` records (the
 *   last short group joins the one before it);
 * - the end groups are open (`< 60`, `≥ 90`; `≤ 1`, `≥ 4` when they hold several values), so no
 *   extreme value is written; a group of one value is labelled with it (it is held by at least
 *   `minCount` records); bins in between read `60–70`, meaning [60, 70);
 * - missing values are a bar when at least `minCount` records miss the value, otherwise they join
 *   the first group (`< 60 or missing`), so their count cannot be read as 1 − the rest.
 * Fewer than `minCount` values in all: one bar, `(all values)`. Avatar values are counted in the
 * same groups. Distances (Hellinger) are computed on the exact bins of `utility.ts`, before this.
 */
import { numericValue } from '../table.js';
import type { Table } from '../table.js';
import type { ColumnDistribution } from './utility.js';

const MAX_DISCRETE_VALUES = 20;
/** Round bins across the central values: about this many before merging. */
const TARGET_BINS = 10;

interface Group {
  /** Inclusive lower bound; -Infinity for the first group. */
  lo: number;
  /** For labels: the smallest and largest original value inside (discrete columns). */
  first: number;
  last: number;
  /** The upper bound of a grid bin (exclusive); Infinity for the last group. */
  hi: number;
  count: number;
}

export function releasedNumericMarginal(original: Table, avatar: Table, column: number, minCount: number): ColumnDistribution {
  const orig = original.rows.map((r) => numericValue(r[column] ?? null));
  const syn = avatar.rows.map((r) => numericValue(r[column] ?? null));
  const values = orig.filter((v): v is number => v !== null).sort((a, b) => a - b);
  const missing = orig.length - values.length;
  const discrete = new Set(values).size <= MAX_DISCRETE_VALUES;
  const groups = merge(discrete ? valueGroups(values) : gridGroups(values, minCount), minCount);
  const labels = groups.length <= 1 ? ['(all values)'] : groups.map((g, i) => labelOf(g, i, groups.length, discrete));
  const missingBar = missing >= minCount || (missing === 0 && syn.some((v) => v === null));
  // Rare missing values join the first group, whatever it is.
  if (missing > 0 && !missingBar) labels[0] = `${labels[0]} or missing`;
  if (missingBar) labels.push('missing');
  const slot = (v: number | null): number => {
    if (v === null) return missingBar ? labels.length - 1 : 0;
    let i = 0;
    while (i + 1 < groups.length && v >= groups[i + 1]!.lo) i++;
    return i;
  };
  const shares = (cells: (number | null)[]): number[] => {
    const counts = new Array<number>(labels.length).fill(0);
    for (const v of cells) counts[slot(v)]! += 1;
    const total = cells.length || 1;
    return counts.map((c) => c / total);
  };
  return { labels, original: shares(orig), avatar: shares(syn) };
}

/** One group per distinct value (the values sorted). */
function valueGroups(sorted: readonly number[]): Group[] {
  const groups: Group[] = [];
  for (const v of sorted) {
    const last = groups.at(-1);
    if (last && last.first === v) last.count += 1;
    else groups.push({ lo: v, first: v, last: v, hi: Infinity, count: 1 });
  }
  return groups;
}

/** Round-width bins over the central values, with open bins below and above them. */
function gridGroups(sorted: readonly number[], minCount: number): Group[] {
  const n = sorted.length;
  const low = sorted[Math.min(n - 1, Math.max(0, minCount - 1))]!;
  const high = sorted[Math.max(0, n - minCount)]!;
  const step = roundStep(Math.max(high - low, Number.EPSILON) / TARGET_BINS);
  const firstEdge = Math.floor(low / step);
  const lastEdge = Math.max(firstEdge + 1, Math.ceil(high / step));
  const edge = (k: number) => Number((k * step).toPrecision(12));
  const groups: Group[] = [{ lo: -Infinity, first: NaN, last: NaN, hi: edge(firstEdge), count: 0 }];
  for (let k = firstEdge; k < lastEdge; k++) groups.push({ lo: edge(k), first: NaN, last: NaN, hi: edge(k + 1), count: 0 });
  groups.push({ lo: edge(lastEdge), first: NaN, last: NaN, hi: Infinity, count: 0 });
  let g = 0;
  for (const v of sorted) {
    while (g + 1 < groups.length && v >= groups[g + 1]!.lo) g++;
    groups[g]!.count += 1;
  }
  return groups;
}

/** The smallest of 1, 2, 2.5, 5 × 10ⁿ at least `raw`. */
function roundStep(raw: number): number {
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  for (const m of [1, 2, 2.5, 5, 10]) if (m * magnitude >= raw) return m * magnitude;
  return 10 * magnitude;
}

/** Neighbours merged from the low end until each group holds `minCount`; a short last group joins the one before. */
function merge(units: readonly Group[], minCount: number): Group[] {
  const out: Group[] = [];
  let open: Group | undefined;
  for (const unit of units) {
    open = open === undefined ? { ...unit } : { lo: open.lo, first: pick(open.first, unit.first, Math.min), last: pick(open.last, unit.last, Math.max), hi: unit.hi, count: open.count + unit.count };
    if (open.count >= minCount) {
      out.push(open);
      open = undefined;
    }
  }
  if (open !== undefined) {
    const previous = out.pop();
    out.push(previous === undefined ? open : { lo: previous.lo, first: pick(previous.first, open.first, Math.min), last: pick(previous.last, open.last, Math.max), hi: open.hi, count: previous.count + open.count });
  }
  // The first group takes everything below it, the last everything above.
  if (out.length > 0) {
    out[0]!.lo = -Infinity;
    out[out.length - 1]!.hi = Infinity;
  }
  return out;
}

function pick(a: number, b: number, choose: (x: number, y: number) => number): number {
  return Number.isNaN(a) ? b : Number.isNaN(b) ? a : choose(a, b);
}

function labelOf(group: Group, index: number, count: number, discrete: boolean): string {
  const isFirst = index === 0;
  const isLast = index === count - 1;
  if (discrete) {
    if (group.first === group.last) return String(group.first);
    if (isFirst) return `≤ ${group.last}`;
    if (isLast) return `≥ ${group.first}`;
    return `${group.first}–${group.last}`;
  }
  if (isFirst) return `< ${group.hi}`;
  if (isLast) return `≥ ${group.lo}`;
  return `${group.lo}–${group.hi}`;
}
