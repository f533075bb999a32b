/**
 * `npx tsx eval/text/misses.ts <set> [--rules-only] [--label L] [--context N]`: the errors of the
 * full text pipeline on one evaluation set, grouped per label, with the text around each, to find
 * CLASSES of errors (never to fix single strings).
 *   set: dev | eds | holdout … holdout55 (the sets already scored; a sealed set is never listed here).
 * For each label: the missed gold spans (FN, overlap matching: no predicted span of that label
 * touches it) with what, if anything, covered them instead, then the false positives (FP) with the
 * recognizer that proposed them.
 */
import { NerRunner } from '../../src/anonymize/text/ner/runner.js';
import { detect } from '../../src/anonymize/text/pipeline.js';
import { HELD_OUT_SETS, joinAddressParts, loadDev, loadEds, loadHeldOut, type Doc } from './corpora.js';

const SETS: Record<string, { load: () => Doc[]; lang: 'fr' | 'auto'; eds?: boolean }> = {
  dev: { load: loadDev, lang: 'auto' },
  eds: { load: loadEds, lang: 'fr', eds: true },
  // Every scored held-out set, as corpora.ts lists them (eval:text and dropped.ts read the same list).
  ...Object.fromEntries(HELD_OUT_SETS.map((name) => [name, { load: () => loadHeldOut(name), lang: 'auto' as const }])),
};

const args = process.argv.slice(2);
const setName = args.find((a) => !a.startsWith('--') && SETS[a]) ?? '';
const option = (name: string) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
if (!SETS[setName]) {
  console.error(`usage: npx tsx eval/text/misses.ts <${Object.keys(SETS).join('|')}> [--rules-only] [--label L] [--context N]`);
  process.exit(2);
}
const set = SETS[setName]!;
const onlyLabel = option('--label');
const context = Number(option('--context') ?? 40);

/** One line of text around [start, end), the span in ⟦ ⟧, line breaks shown as ⏎. */
function around(text: string, start: number, end: number): string {
  const flat = (s: string) => s.replace(/\r?\n/g, '⏎').replace(/\t/g, '⇥');
  return `${flat(text.slice(Math.max(0, start - context), start))}⟦${flat(text.slice(start, end))}⟧${flat(text.slice(end, end + context))}`;
}

const runner = args.includes('--rules-only') ? undefined : NerRunner.create({ executionProvider: 'cpu' });
const docs = set.load();
const lines = new Map<string, { fn: string[]; fp: string[] }>();
const bucket = (label: string) => {
  let b = lines.get(label);
  if (!b) lines.set(label, (b = { fn: [], fp: [] }));
  return b;
};
try {
  for (const d of docs) {
    const { spans } = await detect(d.text, { lang: set.lang, model: runner ? (doc) => runner.detect(doc) : undefined });
    const raw = spans.map((s) => ({ start: s.start, end: s.end, label: s.label as string, source: s.source }));
    const pred = set.eds ? joinAddressParts(d.text, raw).map((p) => ({ ...p, source: raw.find((r) => r.start === p.start)?.source ?? '?' })) : raw;
    for (const g of d.spans) {
      if (pred.some((p) => p.label === g.label && p.start < g.end && g.start < p.end)) continue;
      const instead = pred.filter((p) => p.start < g.end && g.start < p.end).map((p) => `${p.label}:${p.source}`);
      bucket(g.label).fn.push(`${d.id}  ${around(d.text, g.start, g.end)}${instead.length ? `   [as ${instead.join(', ')}]` : ''}`);
    }
    for (const p of pred) {
      if (d.spans.some((g) => p.label === g.label && p.start < g.end && g.start < p.end)) continue;
      const gold = d.spans.filter((g) => g.start < p.end && p.start < g.end).map((g) => g.label);
      bucket(p.label).fp.push(`${d.id}  ${around(d.text, p.start, p.end)}   ← ${p.source}${gold.length ? ` [gold ${gold.join(', ')}]` : ''}`);
    }
  }
} finally {
  await runner?.close();
}

for (const label of [...lines.keys()].sort()) {
  if (onlyLabel && label !== onlyLabel) continue;
  const { fn, fp } = lines.get(label)!;
  console.log(`\n## ${label}: ${fn.length} missed, ${fp.length} false positives`);
  for (const l of fn) console.log(`  FN ${l}`);
  for (const l of fp) console.log(`  FP ${l}`);
}
