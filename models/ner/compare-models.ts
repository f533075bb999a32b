/**
 * Scores the full text pipeline (rules + model) with two model directories in the same run, so a
 * retrained model is judged against the shipped one on the same rules (other people edit the
 * rules while a model trains; two `npm run eval:text` runs an hour apart would mix both changes).
 *   npx tsx models/ner/compare-models.ts OLD_DIR NEW_DIR [--errors]
 * Corpora: the dev set, EDS-Pseudo's small test set, the first and second held-out sets (the same
 * loaders as `npm run eval:text`); --sets=dev,eds,holdout3,holdout4 picks others. --errors prints the
 * model labels' misses on the second held-out set for NEW_DIR (that set is no longer sealed: its
 * misses guided the 2026-11-29 retraining by genre, never by copying its text).
 * holdout4 was the unbiased judge of the 2026-11-29 second retraining and holdout5 of the third
 * retraining's cross-check: only their aggregate figures are ever printed (asking for their errors
 * throws), so looking at them does not leak their text into the work. holdout6..holdout8 are
 * training data of the fourth retraining's candidate (scored, studied, no longer sealed).
 * holdout9 was the sealed judge of that candidate (overall line only); holdout9 and holdout10 have
 * since been scored in full by eval:text and are training data of the fifth retraining's candidate.
 * holdout11 was the sealed judge of that candidate (overall line only); holdout11 and holdout12 have
 * since been scored in full by eval:text and are loaded like the other scored sets, as holdout13 ..
 * holdout17 are. holdout18 was the sixth retraining's sealed judge, holdout19 the seventh's and holdout20
 * the eighth's (a model with window-wide attention), each read as its overall line only until all three
 * were scored in full by eval:text; holdout21 to holdout55 were read
 * the same way before their full scoring, and a later sealed set (holdout56 …) is, by name.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { NerRunner } from '../../src/anonymize/text/ner/runner.js';
import { detect } from '../../src/anonymize/text/pipeline.js';
import { HELD_OUT_SETS, joinAddressParts, loadDev, loadEds, loadHeldOut, loadSetFolder, type Doc } from '../../eval/text/corpora.js';
import { emptyScores, prf, score, type Counts, type Gold, type Scores } from '../../eval/text/metrics.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const [oldDir, newDir] = process.argv.slice(2).filter((a) => !a.startsWith('--'));
if (!oldDir || !newDir) throw new Error('usage: compare-models.ts OLD_DIR NEW_DIR [--errors]');
const showErrors = process.argv.includes('--errors');
// --errors-in=dev,eds: print both models' errors on those sets instead (to diff them).
const errorsIn = (process.argv.find((a) => a.startsWith('--errors-in='))?.slice(12).split(',')) ?? [];
const MODEL_LABELS = new Set(['PERSON', 'CITY', 'HOSPITAL', 'ADDRESS']);

type Convention = (text: string, pred: Gold[]) => Gold[];
const rawScores = new Map<Doc[], Scores>();

async function run(docs: Doc[], runner: NerRunner, lang: 'fr' | 'auto', convention: Convention, errors: boolean): Promise<Scores> {
  const scores = emptyScores();
  const raw = emptyScores();
  const results = await Promise.all(
    docs.map((d) =>
      detect(d.text, {
        lang,
        model: async (doc) => {
          // The model's own spans, before the pipeline's filter and rules: scored apart (model labels only).
          const spans = await runner.detect(doc);
          score(raw, d.spans.filter((g) => MODEL_LABELS.has(g.label)), spans.map((x) => ({ start: x.start, end: x.end, label: x.label })));
          return spans;
        },
      }),
    ),
  );
  rawScores.set(docs, raw);
  docs.forEach((d, i) => {
    const pred = convention(d.text, results[i]!.spans.map((s) => ({ start: s.start, end: s.end, label: s.label })));
    score(scores, d.spans, pred);
    if (!errors) return;
    for (const g of d.spans) {
      if (!MODEL_LABELS.has(g.label) || pred.some((p) => p.label === g.label && p.start < g.end && g.start < p.end)) continue;
      const got = pred.find((p) => p.start < g.end && g.start < p.end);
      console.log(`  FN ${d.id} ${g.label} ${JSON.stringify(d.text.slice(g.start, g.end))}${got ? ` (found as ${got.label})` : ''}`);
    }
    for (const p of pred) {
      if (MODEL_LABELS.has(p.label) && !d.spans.some((g) => p.label === g.label && p.start < g.end && g.start < p.end)) console.log(`  FP ${d.id} ${p.label} ${JSON.stringify(d.text.slice(p.start, p.end))}`);
    }
  });
  return scores;
}

const fmt = (c: Counts) => {
  const { p, r, f } = prf(c);
  return `P ${p.toFixed(4)} R ${r.toFixed(4)} F1 ${f.toFixed(4)} (n=${c.tp + c.fn}, tp ${c.tp} fp ${c.fp} fn ${c.fn})`;
};
const total = (m: Map<string, Counts>, only?: Set<string>) =>
  [...m.entries()].filter(([l]) => !only || only.has(l)).reduce((a, [, c]) => ({ tp: a.tp + c.tp, fp: a.fp + c.fp, fn: a.fn + c.fn }), { tp: 0, fp: 0, fn: 0 });

// holdout4, holdout5, holdout9 and holdout18..20 were judges scored in aggregate here; holdout18..20 have
// since been scored in full by eval:text (2026-11-30), the others stay aggregate-only. A sealed set not yet
// in eval:text (holdout24 and later) is read through loadSealedJudge, overall line only.
const AGGREGATE_ONLY = new Set(['holdout4', 'holdout5', 'holdout9']);
// Sealed sets whose per-label figures are not printed either: only the overall line.
const OVERALL_ONLY = new Set(['holdout9']);

/**
 * A retraining's sealed judge (any holdoutN not in `loaders`, i.e. not yet in eval:text), read here only:
 * refused unless its README opens on a "**Sealed.**" line and git sees it committed, unchanged.
 */
function loadSealedJudge(name: string): Doc[] {
  const dir = path.join(ROOT, 'eval', 'text', name);
  if (!/^\*\*Sealed\.\*\*/m.test(readFileSync(path.join(dir, 'README.md'), 'utf8'))) throw new Error(`${name}: its README has no **Sealed.** line`);
  const status = execFileSync('git', ['status', '--porcelain', '--', dir], { cwd: ROOT, encoding: 'utf8' });
  const tracked = execFileSync('git', ['ls-files', '--', dir], { cwd: ROOT, encoding: 'utf8' });
  if (status.trim() !== '' || tracked.trim() === '') throw new Error(`${name}: not committed, or changed since its commit`);
  return loadSetFolder(name);
}
const loaders: Record<string, [() => Doc[], 'fr' | 'auto', Convention]> = {
  dev: [loadDev, 'auto', (_t, p) => p],
  eds: [loadEds, 'fr', joinAddressParts],
  // Every scored held-out set, as corpora.ts lists them for eval:text.
  ...Object.fromEntries(HELD_OUT_SETS.map((name): [string, [() => Doc[], 'auto', Convention]] => [name, [() => loadHeldOut(name), 'auto', (_t, p) => p]])),
};
const isSealedJudge = (name: string) => /^holdout\d+$/.test(name) && !(name in loaders);
const aggregateOnly = (name: string) => AGGREGATE_ONLY.has(name) || isSealedJudge(name);
if (errorsIn.some(aggregateOnly)) throw new Error(`${[...AGGREGATE_ONLY].join(', ')} and sealed judges are scored in aggregate only: their errors are never printed`);
const wanted = process.argv.find((a) => a.startsWith('--sets='))?.slice(7).split(',') ?? ['dev', 'eds', 'holdout', 'holdout2'];
const sets: [string, Doc[], 'fr' | 'auto', Convention][] = wanted.map((name) => {
  const l = loaders[name] ?? (isSealedJudge(name) ? ([() => loadSealedJudge(name), 'auto', (_t: string, p: Gold[]) => p] as const) : undefined);
  if (!l) throw new Error(`unknown set ${name}`);
  return [name, l[0](), l[1], l[2]];
});
for (const [tag, dir] of [['old', oldDir], ['new', newDir]] as const) {
  const runner = NerRunner.create({ executionProvider: 'cpu', modelDir: dir });
  if (!runner) throw new Error(`no model in ${dir}`);
  for (const [name, docs, lang, conv] of sets) {
    const s = await run(docs, runner, lang, conv, !aggregateOnly(name) && ((showErrors && tag === 'new' && name === 'holdout2') || errorsIn.includes(name)));
    if (OVERALL_ONLY.has(name) || isSealedJudge(name)) {
      console.log(`${tag} ${name.padEnd(8)} overall ${fmt(total(s.overlap))} | any ${(s.anyLabel.covered / Math.max(1, s.anyLabel.total)).toFixed(3)}`);
      continue;
    }
    const labels = [...MODEL_LABELS].map((l) => `${l} ${fmt(s.overlap.get(l) ?? { tp: 0, fp: 0, fn: 0 })}`).join(' | ');
    console.log(`${tag} ${name.padEnd(8)} overall ${fmt(total(s.overlap))} | model labels ${fmt(total(s.overlap, MODEL_LABELS))} | any ${(s.anyLabel.covered / Math.max(1, s.anyLabel.total)).toFixed(3)}`);
    console.log(`${tag} ${name.padEnd(8)} ${labels}`);
    console.log(`${tag} ${name.padEnd(8)} model alone (raw spans, model labels) ${fmt(total(rawScores.get(docs)!.overlap, MODEL_LABELS))}`);
  }
  await runner.close();
}
