/**
 * Old vs new text pipeline in ONE process, in alternating passes, so that both meet the same load
 * on a shared machine (the figures of two separate runs minutes apart are not comparable there).
 *
 *   tsx bench/text/ab.ts --old /path/to/old/checkout [--new .] [--mode model|full|rules] [--concurrency 16]
 *
 * The old checkout is any tree with src/ (e.g. `git archive <commit> src | tar -x -C DIR`, with a
 * node_modules link). Both use the model of --model-dir (default: this checkout's models/ner), so a
 * retrained model in between does not count as a speed change. mode model: the NER path alone
 * (tokenize, encode, inference in one worker, decode); full: the whole detection pipeline; rules:
 * the pipeline without the model.
 * Prints process CPU per pass (every thread) as characters per CPU-second, median and best.
 */
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { devCorpus } from './dev-corpus.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const arg = (name: string, fallback?: string) => (process.argv.includes(name) ? process.argv[process.argv.indexOf(name) + 1]! : fallback);
const oldTree = arg('--old');
if (!oldTree) throw new Error('usage: ab.ts --old DIR [--new DIR] [--mode model|full|rules] [--concurrency N] [--model-dir DIR]');
const trees = { old: path.resolve(oldTree), new: path.resolve(arg('--new', path.join(here, '../..'))!) };
const mode = arg('--mode', 'full');
const concurrency = Number(arg('--concurrency', '16'));
const modelDir = path.resolve(arg('--model-dir', path.join(here, '../../models/ner'))!);
const passes = Number(process.env.BENCH_TEXT_PASSES ?? 8);
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

const { corpus, size } = devCorpus(Number(process.env.BENCH_TEXT_BYTES ?? 300_000));

async function pass(side: Side): Promise<number> {
  const docs = mode === 'model' ? corpus.map((t) => side.makeDoc(t, 'auto')) : [];
  const c0 = process.cpuUsage();
  for (let i = 0; i < corpus.length; i += concurrency) {
    if (mode === 'model') await Promise.all(docs.slice(i, i + concurrency).map((d) => side.runner.detect(d)));
    else {
      const model = mode === 'rules' ? undefined : (d: unknown) => side.runner.detect(d);
      await Promise.all(corpus.slice(i, i + concurrency).map((t) => side.detect(t, { lang: 'auto', model })));
    }
  }
  const c = process.cpuUsage(c0);
  return (c.user + c.system) / 1e6;
}

for (const side of sides) await pass(side); // warm-up: JIT, worker start, session load
const loadStart = os.loadavg()[0]!;
for (let k = 0; k < passes; k++) for (const side of k % 2 ? [...sides].reverse() : sides) side.cpu.push(await pass(side));
const median = (a: number[]) => [...a].sort((x, y) => x - y)[Math.floor(a.length / 2)]!;
console.log(`mode ${mode}, ${concurrency} notes in flight, character-feature cache ${cacheEntries ?? 'default'} entries, ${(size / 1000).toFixed(0)} k characters per pass, ${passes} passes each, alternated; load average ${loadStart.toFixed(1)} -> ${os.loadavg()[0]!.toFixed(1)} (${os.cpus().length} CPUs)`);
for (const side of sides) {
  console.log(
    `  ${side.name}: median ${(size / median(side.cpu) / 1000).toFixed(0)} k chars per CPU-second, best ${(size / Math.min(...side.cpu) / 1000).toFixed(0)} k  (CPU s per pass: ${side.cpu.map((x) => x.toFixed(2)).join(' ')})`,
  );
}
await Promise.all(sides.map((s) => s.runner.close()));
