/**
 * `npm run bench:text`: throughput and memory of the full text pipeline on CPU.
 *   - characters per second for the whole pipeline (rules + NER model in one worker thread), and
 *     for the rules alone, on the development notes repeated to about 1 MB;
 *   - latency of one 2 KB note (median and p95 over 50 runs);
 *   - resident memory and heap after the run.
 * `--ep cuda` runs the model with the CUDA execution provider (needs its files and a GPU).
 * The Presidio side-by-side is not part of this script (see docs/text.md).
 */
import { readdirSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { NerRunner, type ExecutionProvider } from '../../src/anonymize/text/ner/runner.js';
import { detect } from '../../src/anonymize/text/pipeline.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const devDir = path.resolve(here, '../../eval/text/dev');
const ep = (process.argv.includes('--ep') ? process.argv[process.argv.indexOf('--ep') + 1] : 'cpu') as ExecutionProvider;
const targetBytes = Number(process.env.BENCH_TEXT_BYTES ?? 1_000_000);

const notes = readdirSync(devDir)
  .filter((f) => f.endsWith('.jsonl'))
  .flatMap((f) => readFileSync(path.join(devDir, f), 'utf8').split('\n').filter(Boolean).map((l) => (JSON.parse(l) as { text: string }).text));
const corpus: string[] = [];
let size = 0;
while (size < targetBytes) for (const n of notes) (corpus.push(n), (size += n.length));

async function run(label: string, runner: NerRunner | undefined, concurrency: number): Promise<number> {
  const t0 = performance.now();
  const cpu0 = process.cpuUsage();
  for (let i = 0; i < corpus.length; i += concurrency) {
    await Promise.all(corpus.slice(i, i + concurrency).map((t) => detect(t, { lang: 'auto', model: runner ? (d) => runner.detect(d) : undefined })));
  }
  const seconds = (performance.now() - t0) / 1000;
  const cpu = process.cpuUsage(cpu0);
  const cpuSeconds = (cpu.user + cpu.system) / 1e6;
  const rate = size / seconds;
  console.log(`${label}: ${(size / 1000).toFixed(0)} k chars in ${seconds.toFixed(2)} s wall → ${(rate / 1000).toFixed(0)} k chars/s (process CPU ${cpuSeconds.toFixed(2)} s → ${(size / cpuSeconds / 1000).toFixed(0)} k chars per CPU-second)`);
  return rate;
}

const runner = NerRunner.create({ executionProvider: ep, workers: 1 });
if (!runner) throw new Error('models/ner/model.onnx is missing');
console.log(`Voile text pipeline benchmark — ${os.cpus().length} CPUs (${os.cpus()[0]?.model ?? 'unknown'}), execution provider ${ep}`);
await run('warm-up', runner, 16).catch(() => 0);
await run('rules only', undefined, 1);
await run('rules + NER, 1 worker, micro-batched (16 concurrent notes)', runner, 16);
await run('rules + NER, 1 worker, one note at a time', runner, 1);

const note2k = notes.join('\n\n').slice(0, 2048);
const lat: number[] = [];
for (let i = 0; i < 50; i++) {
  const t = performance.now();
  await detect(note2k, { lang: 'auto', model: (d) => runner.detect(d) });
  lat.push(performance.now() - t);
}
lat.sort((a, b) => a - b);
console.log(`latency of one 2 KB note: median ${lat[25]!.toFixed(1)} ms, p95 ${lat[47]!.toFixed(1)} ms`);
const mem = process.memoryUsage();
console.log(`memory: rss ${(mem.rss / 1e6).toFixed(0)} MB, heap used ${(mem.heapUsed / 1e6).toFixed(0)} MB (the worker's ONNX session is included in rss)`);
await runner.close();
