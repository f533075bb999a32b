/**
 * What a rule change did to every span of every read set, against the gold: reads the files `every-span.ts` writes
 * (the runs with the model) and counts, per label, the gold spans a predicted span of that label overlaps ("found")
 * and the predicted spans that overlap no gold span of their label ("false"). With two files, prints the difference
 * (new − old) per label; `--show LABEL` (or `--show ALL`) lists what was found or lost, and the false spans that came
 * or went, with the text around them. Sealed sets are not in HELD_OUT_SETS, so they are never read here.
 *
 *   tsx bench/text/every-span-gold.ts OLD.jsonl [NEW.jsonl] [--show LABEL] [--context N]
 */
import { readFileSync } from 'node:fs';
import { HELD_OUT_SETS, loadDev, loadEds, loadHeldOut, type Doc } from '../../eval/text/corpora.js';

type Row = { set: string; id: string; model: boolean; spans: [number, number, string, ...unknown[]][] };
type Key = string; // set, document id, start, end, label

const args = process.argv.slice(2);
const option = (name: string) => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);
const files = args.filter((a, i) => !a.startsWith('--') && !args[i - 1]?.startsWith('--'));
if (files.length < 1 || files.length > 2) throw new Error('usage: every-span-gold.ts OLD.jsonl [NEW.jsonl] [--show LABEL] [--context N]');
const show = option('--show');
const context = Number(option('--context') ?? 50);

const gold = new Map<string, Doc>();
for (const [set, docs] of [['dev', loadDev()], ['eds', loadEds()], ...HELD_OUT_SETS.map((s) => [s, loadHeldOut(s)] as const)] as const) {
  for (const d of docs) gold.set(`${set}\u0000${d.id}`, d);
}

interface Tally {
  found: Map<string, number>;
  falseSpans: Map<string, number>;
  foundKeys: Set<Key>;
  falseKeys: Set<Key>;
}

function tally(file: string): Tally {
  const t: Tally = { found: new Map(), falseSpans: new Map(), foundKeys: new Set(), falseKeys: new Set() };
  const bump = (m: Map<string, number>, label: string) => m.set(label, (m.get(label) ?? 0) + 1);
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    if (!line) continue;
    const row = JSON.parse(line) as Row;
    const doc = row.model ? gold.get(`${row.set}\u0000${row.id}`) : undefined;
    if (!doc) continue;
    const predicted = row.spans.map(([start, end, label]) => ({ start, end, label }));
    for (const g of doc.spans) {
      if (!predicted.some((p) => p.label === g.label && p.start < g.end && g.start < p.end)) continue;
      bump(t.found, g.label);
      t.foundKeys.add(`${row.set}\u0000${row.id}\u0000${g.start}\u0000${g.end}\u0000${g.label}`);
    }
    for (const p of predicted) {
      if (doc.spans.some((g) => p.label === g.label && p.start < g.end && g.start < p.end)) continue;
      bump(t.falseSpans, p.label);
      t.falseKeys.add(`${row.set}\u0000${row.id}\u0000${p.start}\u0000${p.end}\u0000${p.label}`);
    }
  }
  return t;
}

function around(key: Key): string {
  const [set, id, start, end, label] = key.split('\u0000') as [string, string, string, string, string];
  const text = gold.get(`${set}\u0000${id}`)!.text;
  const [s, e] = [Number(start), Number(end)];
  const flat = (x: string) => x.replace(/\r?\n/g, '⏎');
  return `${set} ${id} ${label}  ${flat(text.slice(Math.max(0, s - context), s))}⟦${flat(text.slice(s, e))}⟧${flat(text.slice(e, e + context))}`;
}

const old = tally(files[0]!);
const labels = (t: Tally) => [...new Set([...t.found.keys(), ...t.falseSpans.keys()])];
if (files.length === 1) {
  for (const label of labels(old).sort()) console.log(`${label.padEnd(9)} found ${old.found.get(label) ?? 0}  false ${old.falseSpans.get(label) ?? 0}`);
} else {
  const now = tally(files[1]!);
  for (const label of [...new Set([...labels(old), ...labels(now)])].sort()) {
    const found = (now.found.get(label) ?? 0) - (old.found.get(label) ?? 0);
    const falseSpans = (now.falseSpans.get(label) ?? 0) - (old.falseSpans.get(label) ?? 0);
    if (found || falseSpans) console.log(`${label.padEnd(9)} found ${found >= 0 ? '+' : ''}${found}  false ${falseSpans >= 0 ? '+' : ''}${falseSpans}`);
  }
  if (show) {
    const wanted = (key: Key) => show === 'ALL' || key.endsWith(`\u0000${show}`);
    const lists: [string, Set<Key>, Set<Key>][] = [
      ['lost', old.foundKeys, now.foundKeys],
      ['found', now.foundKeys, old.foundKeys],
      ['new false', now.falseKeys, old.falseKeys],
      ['gone false', old.falseKeys, now.falseKeys],
    ];
    for (const [name, a, b] of lists) for (const key of [...a].filter((k) => !b.has(k) && wanted(k))) console.log(`${name.padEnd(10)} ${around(key)}`);
  }
}
