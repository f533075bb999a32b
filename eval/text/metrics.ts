/** Entity-level precision / recall / F1, per label and overall, strict (same offsets) and overlap. */
export interface Gold {
  start: number;
  end: number;
  label: string;
}

export interface Counts {
  tp: number;
  fp: number;
  fn: number;
}

export interface Scores {
  strict: Map<string, Counts>;
  overlap: Map<string, Counts>;
  /** Gold spans touched by a predicted span of any label (what a leak check cares about). */
  anyLabel: { covered: number; total: number };
  /**
   * Letters and digits of gold spans that no predicted span of any label covers: what goes out in
   * clear. A name counted as found by overlap may still leave a surname here ("Owain" of "Owain Rees").
   */
  inClear: { all: CharCount; person: CharCount };
}

export interface CharCount {
  uncovered: number;
  total: number;
}

export function emptyScores(): Scores {
  return { strict: new Map(), overlap: new Map(), anyLabel: { covered: 0, total: 0 }, inClear: { all: { uncovered: 0, total: 0 }, person: { uncovered: 0, total: 0 } } };
}

function bump(map: Map<string, Counts>, label: string, key: keyof Counts): void {
  let c = map.get(label);
  if (!c) map.set(label, (c = { tp: 0, fp: 0, fn: 0 }));
  c[key]++;
}

const overlaps = (a: Gold, b: Gold) => a.start < b.end && b.start < a.end;

/** `text` (the document) also counts the characters of gold spans left uncovered. */
export function score(into: Scores, gold: readonly Gold[], pred: readonly Gold[], text?: string): void {
  for (const p of pred) {
    bump(into.strict, p.label, gold.some((g) => g.label === p.label && g.start === p.start && g.end === p.end) ? 'tp' : 'fp');
    if (!gold.some((g) => g.label === p.label && overlaps(g, p))) bump(into.overlap, p.label, 'fp');
  }
  for (const g of gold) {
    if (!pred.some((p) => p.label === g.label && p.start === g.start && p.end === g.end)) bump(into.strict, g.label, 'fn');
    bump(into.overlap, g.label, pred.some((p) => p.label === g.label && overlaps(g, p)) ? 'tp' : 'fn');
    into.anyLabel.total++;
    if (pred.some((p) => overlaps(g, p))) into.anyLabel.covered++;
  }
  if (text !== undefined) countInClear(into.inClear, gold, pred, text);
}

const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;

function countInClear(into: Scores['inClear'], gold: readonly Gold[], pred: readonly Gold[], text: string): void {
  const covered = new Uint8Array(text.length);
  for (const p of pred) covered.fill(1, p.start, p.end);
  for (const g of gold) {
    for (let i = g.start; i < g.end; i++) {
      if (!LETTER_OR_DIGIT.test(text[i]!)) continue;
      const left = covered[i] === 0 ? 1 : 0;
      into.all.total++;
      into.all.uncovered += left;
      if (g.label === 'PERSON') {
        into.person.total++;
        into.person.uncovered += left;
      }
    }
  }
}

export function prf(c: Counts): { p: number; r: number; f: number } {
  const p = c.tp + c.fp === 0 ? 1 : c.tp / (c.tp + c.fp);
  const r = c.tp + c.fn === 0 ? 1 : c.tp / (c.tp + c.fn);
  return { p, r, f: p + r === 0 ? 0 : (2 * p * r) / (p + r) };
}

export function table(s: Scores): string {
  const labels = [...new Set([...s.strict.keys(), ...s.overlap.keys()])].sort();
  const total = (m: Map<string, Counts>) => [...m.values()].reduce((a, c) => ({ tp: a.tp + c.tp, fp: a.fp + c.fp, fn: a.fn + c.fn }), { tp: 0, fp: 0, fn: 0 });
  const fmt = (x: number) => x.toFixed(3);
  const rows = ['| label | gold | strict P | strict R | strict F1 | overlap P | overlap R | overlap F1 |', '|---|---:|---:|---:|---:|---:|---:|---:|'];
  const line = (name: string, st: Counts, ov: Counts) => {
    const a = prf(st);
    const b = prf(ov);
    rows.push(`| ${name} | ${ov.tp + ov.fn} | ${fmt(a.p)} | ${fmt(a.r)} | ${fmt(a.f)} | ${fmt(b.p)} | ${fmt(b.r)} | ${fmt(b.f)} |`);
  };
  const zero = { tp: 0, fp: 0, fn: 0 };
  for (const l of labels) line(l, s.strict.get(l) ?? zero, s.overlap.get(l) ?? zero);
  line('**overall (micro)**', total(s.strict), total(s.overlap));
  rows.push('', `Gold spans overlapped by a predicted span of any label: ${s.anyLabel.covered}/${s.anyLabel.total} (${fmt(s.anyLabel.covered / Math.max(1, s.anyLabel.total))}).`);
  const { all, person } = s.inClear;
  const share = (c: CharCount) => `${c.uncovered}/${c.total} (${((100 * c.uncovered) / Math.max(1, c.total)).toFixed(2)} %)`;
  if (all.total > 0) rows.push(`Letters and digits of gold spans left in clear (covered by no predicted span): ${share(all)}; of PERSON spans: ${share(person)}.`);
  return rows.join('\n');
}
