/**
 * The character-feature cache on text it has never seen: bench/text/ab.ts repeats the dev notes, so
 * after its warm-up every token's features are cached, the best case. Here each pass starts a fresh
 * runner (empty cache) and runs the model path once over EDS-Pseudo's generated training notes
 * (1,017 short notes, about 165 k characters, new names in each), the cache filling as it goes, as in a
 * gateway just started; against model.onnx run whole (charFeatureCache: false), passes alternated.
 *
 *   npx tsx bench/text/char-cache-fresh.ts [--model-dir DIR]
 *
 * Prints process CPU per pass (every thread, session loading excluded) as characters per
 * CPU-second, median and best.
 */
import { readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { NerRunner } from '../../src/anonymize/text/ner/runner.js';
import { makeDoc } from '../../src/anonymize/text/normalize.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const arg = (name: string, fallback: string) => (process.argv.includes(name) ? process.argv[process.argv.indexOf(name) + 1]! : fallback);
const modelDir = path.resolve(arg('--model-dir', path.join(here, '../../models/ner')));
const passes = Number(process.env.BENCH_TEXT_PASSES ?? 6);
const concurrency = 16;
const notes = readFileSync(path.resolve(here, '../../../shared/reference/eds-pseudo/gen_dataset_train.jsonl'), 'utf8')
  .split('\n')
  .filter(Boolean)
  .map((l) => (JSON.parse(l) as { note_text: string }).note_text);
const size = notes.reduce((n, t) => n + t.length, 0);

const sides = [
  { name: 'whole model.onnx', charFeatureCache: false, cpu: [] as number[] },
  { name: 'split + cache', charFeatureCache: true, cpu: [] as number[] },
];

async function pass(side: (typeof sides)[number]): Promise<number> {
  const runner = NerRunner.create({ executionProvider: 'cpu', workers: 1, modelDir, charFeatureCache: side.charFeatureCache });
  if (!runner) throw new Error(`no model in ${modelDir}`);
  await runner.ready();
  if (runner.modelFiles !== (side.charFeatureCache ? 'split' : 'whole')) throw new Error(`${side.name}: runs ${runner.modelFiles}`);
  const docs = notes.map((t) => makeDoc(t, 'auto'));
  const c0 = process.cpuUsage();
  for (let i = 0; i < docs.length; i += concurrency) await Promise.all(docs.slice(i, i + concurrency).map((d) => runner.detect(d)));
  const c = process.cpuUsage(c0);
  await runner.close();
  return (c.user + c.system) / 1e6;
}

for (const side of sides) await pass(side); // warm-up: JIT
const loadStart = os.loadavg()[0]!;
for (let k = 0; k < passes; k++) for (const side of k % 2 ? [...sides].reverse() : sides) side.cpu.push(await pass(side));
const median = (a: number[]) => [...a].sort((x, y) => x - y)[Math.floor(a.length / 2)]!;
console.log(`model path on unseen text, fresh runner per pass, ${(size / 1000).toFixed(0)} k characters, ${passes} passes each, alternated; load average ${loadStart.toFixed(1)} -> ${os.loadavg()[0]!.toFixed(1)} (${os.cpus().length} CPUs)`);
for (const side of sides) {
  console.log(`  ${side.name}: median ${(size / median(side.cpu) / 1000).toFixed(0)} k chars per CPU-second, best ${(size / Math.min(...side.cpu) / 1000).toFixed(0)} k  (CPU s per pass: ${side.cpu.map((x) => x.toFixed(2)).join(' ')})`);
}
