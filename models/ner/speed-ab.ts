/**
 * Speed of two NER models on the same code, in ONE process, in alternating passes (the model-vs-model
 * twin of bench/text/ab.ts, which compares two code trees with one model): a retrained model must not
 * cost more per token. Each pass runs the NER path alone (tokenize, encode, inference in one worker,
 * decode) over the dev notes repeated to BENCH_TEXT_BYTES characters; with --full, the whole pipeline
 * (rules, the model, merging) instead, which is what a partner's request pays.
 *   npx tsx models/ner/speed-ab.ts OLD_DIR NEW_DIR [--full]
 * Prints process CPU per pass (every thread) as characters per CPU-second, median and best.
 */
import os from 'node:os';
import { NerRunner } from '../../src/anonymize/text/ner/runner.js';
import { makeDoc } from '../../src/anonymize/text/normalize.js';
import { detect } from '../../src/anonymize/text/pipeline.js';
import { devCorpus } from '../../bench/text/dev-corpus.js';

const dirs = process.argv.slice(2).filter((a) => !a.startsWith('--'));
if (dirs.length !== 2) throw new Error('usage: speed-ab.ts OLD_DIR NEW_DIR');
const full = process.argv.includes('--full');
const passes = Number(process.env.BENCH_TEXT_PASSES ?? 8);
// As in bench/text/ab.ts: BENCH_TEXT_CACHE_ENTRIES=1 keeps only the per-batch sharing of character features.
const cacheEntries = process.env.BENCH_TEXT_CACHE_ENTRIES ? Number(process.env.BENCH_TEXT_CACHE_ENTRIES) : undefined;
const concurrency = 16;
const sides = dirs.map((dir, i) => {
  const runner = NerRunner.create({ executionProvider: 'cpu', workers: 1, modelDir: dir, cacheEntries });
  if (!runner) throw new Error(`no model in ${dir}`);
  return { name: i ? 'new' : 'old', dir, runner, cpu: [] as number[] };
});
const { corpus, size } = devCorpus(Number(process.env.BENCH_TEXT_BYTES ?? 300_000));
const docs = corpus.map((t) => makeDoc(t, 'auto'));

async function pass(side: (typeof sides)[number]): Promise<number> {
  const c0 = process.cpuUsage();
  for (let i = 0; i < docs.length; i += concurrency) {
    if (full) await Promise.all(corpus.slice(i, i + concurrency).map((t) => detect(t, { lang: 'auto', model: (d) => side.runner.detect(d) })));
    else await Promise.all(docs.slice(i, i + concurrency).map((d) => side.runner.detect(d)));
  }
  const c = process.cpuUsage(c0);
  return (c.user + c.system) / 1e6;
}

for (const side of sides) await pass(side); // warm-up: worker start, session load
const loadStart = os.loadavg()[0]!;
for (let k = 0; k < passes; k++) for (const side of k % 2 ? [...sides].reverse() : sides) side.cpu.push(await pass(side));
const median = (a: number[]) => [...a].sort((x, y) => x - y)[Math.floor(a.length / 2)]!;
console.log(`${full ? 'whole pipeline' : 'model path'}, character-feature cache ${cacheEntries ?? 'default'} entries, ${(size / 1000).toFixed(0)} k characters per pass, ${passes} passes each, alternated; load average ${loadStart.toFixed(1)} -> ${os.loadavg()[0]!.toFixed(1)} (${os.cpus().length} CPUs)`);
for (const side of sides) {
  console.log(`  ${side.name} (${side.dir}): median ${(size / median(side.cpu) / 1000).toFixed(0)} k chars per CPU-second, best ${(size / Math.min(...side.cpu) / 1000).toFixed(0)} k  (CPU s per pass: ${side.cpu.map((x) => x.toFixed(2)).join(' ')})`);
}
await Promise.all(sides.map((s) => s.runner.close()));
