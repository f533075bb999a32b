/**
 * Old vs new text pipeline in ONE process, in alternating passes, so that both meet the same load
 * on a shared machine (the figures of two separate runs minutes apart are not comparable there).
 *
 *   tsx bench/text/ab.ts --old /path/to/old/checkout [--new .] [--mode model|full|rules] [--concurrency 16] [--alternate pass|group] [--corpus dev|eval]
 *
 * The old checkout is any tree with src/ (e.g. `git archive <commit> src | tar -x -C DIR`, with a
 * node_modules link). Both use the model of --model-dir (default: this checkout's models/ner), so a
 * retrained model in between does not count as a speed change. mode model: the NER path alone
 * (tokenize, encode, inference in one worker, decode); full: the whole detection pipeline; rules:
 * the pipeline without the model.
 * Prints process CPU per pass (every thread) as characters per CPU-second, median and best, and the
 * new/old ratio of the pass pairs. --alternate group switches sides every group of `concurrency`
 * notes (about 0.1 s) instead of every pass (seconds), so that both meet the same moment of a
 * machine whose speed swings within a pass; a pass's CPU is then the sum of its groups. Run both
 * orders (--old and --new swapped) and combine them: on 2026-11-29 they differed by up to 5 %
 * (docs/text.md, "NER path speed round").
 */
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { HELD_OUT_SETS, loadDev, loadEds, loadHeldOut } from '../../eval/text/corpora.js';
import { devCorpus } from './dev-corpus.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const arg = (name: string, fallback?: string) => (process.argv.includes(name) ? process.argv[process.argv.indexOf(name) + 1]! : fallback);
const oldTree = arg('--old');
if (!oldTree) throw new Error('usage: ab.ts --old DIR [--new DIR] [--mode model|full|rules] [--concurrency N] [--model-dir DIR]');
const trees = { old: path.resolve(oldTree), new: path.resolve(arg('--new', path.join(here, '../..'))!) };
const mode = arg('--mode', 'full');
const concurrency = Number(arg('--concurrency', '16'));
const alternate = arg('--alternate', 'pass');
if (alternate !== 'pass' && alternate !== 'group') throw new Error('--alternate pass|group');
const modelDir = path.resolve(arg('--model-dir', path.join(here, '../../models/ner'))!);
const passCount = Number(process.env.BENCH_TEXT_PASSES ?? 8);
// The corpus repeats the dev notes, so after the warm-up pass every token's character features are
// cached; BENCH_TEXT_CACHE_ENTRIES=1 keeps only the per-batch sharing (the case of all-new text).
const cacheEntries = process.env.BENCH_TEXT_CACHE_ENTRIES ? Number(process.env.BENCH_TEXT_CACHE_ENTRIES) : undefined;

interface Side {
  name: 'old' | 'new';
  runner: { detect(doc: unknown): Promise<unknown[]>; close(): Promise<void> };
  detect: (text: string, options: object) => Promise<unknown>;
  makeDoc: (text: string, lang: string) => unknown;
  cpu: number[];
}
async function load(name: 'old' | 'new'): Promise<Side> {
  const at = (file: string) => import(pathToFileURL(path.join(trees[name], file)).href);
  const { NerRunner } = await at('src/anonymize/text/ner/runner.ts');
  const { detect } = await at('src/anonymize/text/pipeline.ts');
  const { makeDoc } = await at('src/anonymize/text/normalize.ts');
  const runner = NerRunner.create({ executionProvider: 'cpu', workers: 1, modelDir, cacheEntries });
  if (!runner) throw new Error(`no model in ${modelDir}`);
  return { name, runner, detect, makeDoc, cpu: [] };
}
const sides = [await load('old'), await load('new')];

// --corpus eval: every eval document once (dev, EDS-Pseudo test, every held-out set) instead of the dev
// notes repeated; the held-out sets hold forms (quotes, e-mails, tables) the dev notes rarely have.
const { corpus, size } = arg('--corpus', 'dev') === 'eval' ? evalCorpus() : devCorpus(Number(process.env.BENCH_TEXT_BYTES ?? 300_000));
function evalCorpus(): { corpus: string[]; size: number } {
  const texts = [...loadDev(), ...loadEds(), ...HELD_OUT_SETS.flatMap((s) => loadHeldOut(s))].map((d) => d.text);
  return { corpus: texts, size: texts.reduce((n, t) => n + t.length, 0) };
}

/** CPU seconds (every thread) of one group of notes in flight. */
async function group(side: Side, texts: string[]): Promise<number> {
  const docs = mode === 'model' ? texts.map((t) => side.makeDoc(t, 'auto')) : [];
  const c0 = process.cpuUsage();
  if (mode === 'model') await Promise.all(docs.map((d) => side.runner.detect(d)));
  else {
    const model = mode === 'rules' ? undefined : (d: unknown) => side.runner.detect(d);
    await Promise.all(texts.map((t) => side.detect(t, { lang: 'auto', model })));
  }
  const c = process.cpuUsage(c0);
  return (c.user + c.system) / 1e6;
}
const groups: string[][] = [];
for (let i = 0; i < corpus.length; i += concurrency) groups.push(corpus.slice(i, i + concurrency));

/** One pass of every side over the corpus, in `first`'s order: side after side, or group after group. */
async function passes(first: Side[]): Promise<void> {
  if (alternate === 'pass') {
    for (const side of first) {
      let cpu = 0;
      for (const g of groups) cpu += await group(side, g);
      side.cpu.push(cpu);
    }
    return;
  }
  const cpu = new Map(first.map((s) => [s, 0]));
  for (let gi = 0; gi < groups.length; gi++) for (const side of gi % 2 ? [...first].reverse() : first) cpu.set(side, cpu.get(side)! + (await group(side, groups[gi]!)));
  for (const side of first) side.cpu.push(cpu.get(side)!);
}

for (const side of sides) for (const g of groups) await group(side, g); // warm-up: JIT, worker start, session load
const loadStart = os.loadavg()[0]!;
for (let k = 0; k < passCount; k++) await passes(k % 2 ? [...sides].reverse() : sides);
const median = (a: number[]) => [...a].sort((x, y) => x - y)[Math.floor(a.length / 2)]!;
console.log(`mode ${mode}, ${concurrency} notes in flight, character-feature cache ${cacheEntries ?? 'default'} entries, ${(size / 1000).toFixed(0)} k characters per pass, ${passCount} passes each, alternated every ${alternate}; load average ${loadStart.toFixed(1)} -> ${os.loadavg()[0]!.toFixed(1)} (${os.cpus().length} CPUs)`);
for (const side of sides) {
  console.log(
    `  ${side.name}: median ${(size / median(side.cpu) / 1000).toFixed(0)} k chars per CPU-second, best ${(size / Math.min(...side.cpu) / 1000).toFixed(0)} k  (CPU s per pass: ${side.cpu.map((x) => x.toFixed(2)).join(' ')})`,
  );
}
const [oldSide, newSide] = sides as [Side, Side];
const ratios = newSide.cpu.map((c, k) => c / oldSide.cpu[k]!).sort((x, y) => x - y);
const sum = (a: number[]) => a.reduce((x, y) => x + y, 0);
console.log(`  new/old CPU per pass pair: median ${median(ratios).toFixed(3)} (${ratios[0]!.toFixed(3)}-${ratios[ratios.length - 1]!.toFixed(3)}), summed ${(sum(newSide.cpu) / sum(oldSide.cpu)).toFixed(3)}`);
await Promise.all(sides.map((s) => s.runner.close()));
