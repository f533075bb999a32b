/**
 * `npm run bench:text`:
 *   1. side by side, Voile vs Microsoft Presidio on the same documents (the hand-written dev set and
 *      EDS-Pseudo's public small test set): P/R/F1 per label (strict and overlap) and characters per
 *      second for each (bench/text/side-by-side.ts). Presidio runs in the Python venv made by
 *      `bash bench/text/presidio/setup.sh`; without it, this says so and Voile runs alone;
 *   2. throughput of Voile's pipeline on CPU: characters per second for the whole pipeline (rules +
 *      NER model in one worker thread) and for the rules alone, on the dev notes repeated to
 *      BENCH_TEXT_BYTES (1 MB by default); latency of one 2 KB note (median and p95 over 50 runs),
 *      as a pipeline call and through the gateway (bench/text/gateway-latency.ts); resident memory
 *      and heap.
 * Writes bench/results/text.md (`--no-write` to skip). `--ep cuda` runs the model with the CUDA
 * execution provider (needs its files and a GPU). `--no-presidio` skips the side-by-side.
 */
import { writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { NerRunner, type ExecutionProvider } from '../../src/anonymize/text/ner/runner.js';
import { detect } from '../../src/anonymize/text/pipeline.js';
import { devCorpus } from './dev-corpus.js';
import { gatewayNoteLatency } from './gateway-latency.js';
import { sideBySide } from './side-by-side.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const ep = (process.argv.includes('--ep') ? process.argv[process.argv.indexOf('--ep') + 1] : 'cpu') as ExecutionProvider;
const targetBytes = Number(process.env.BENCH_TEXT_BYTES ?? 1_000_000);
const write = !process.argv.includes('--no-write');
const report: string[] = [];
const say = (line: string) => (console.log(line), report.push(line));

const { notes, corpus, size } = devCorpus(targetBytes);

async function run(label: string, runner: NerRunner | undefined, concurrency: number, quiet = false): Promise<void> {
  const t0 = performance.now();
  const cpu0 = process.cpuUsage();
  for (let i = 0; i < corpus.length; i += concurrency) {
    await Promise.all(corpus.slice(i, i + concurrency).map((t) => detect(t, { lang: 'auto', model: runner ? (d) => runner.detect(d) : undefined })));
  }
  const seconds = (performance.now() - t0) / 1000;
  const cpu = process.cpuUsage(cpu0);
  const cpuSeconds = (cpu.user + cpu.system) / 1e6;
  if (!quiet) say(`| ${label} | ${(size / 1000).toFixed(0)} k | ${seconds.toFixed(2)} s | ${(size / seconds / 1000).toFixed(0)} k | ${cpuSeconds.toFixed(2)} s | ${(size / cpuSeconds / 1000).toFixed(0)} k |`);
}

const runner = NerRunner.create({ executionProvider: ep, workers: 1 });
if (!runner) throw new Error('models/ner/model.onnx is missing');
const [load1] = os.loadavg();
say(`# Text de-identification benchmark`);
say('');
say(`Produced by \`npm run bench:text\` on ${new Date().toISOString().slice(0, 10)}: ${os.cpus().length} CPUs (${os.cpus()[0]?.model ?? 'unknown'}), execution provider ${ep}, load average ${load1!.toFixed(1)} at start.`);
say('');
await run('warm-up', runner, 16, true).catch(() => undefined);
if (!process.argv.includes('--no-presidio')) {
  say('## Voile vs Presidio, same documents');
  say('');
  say(await sideBySide(runner));
}
say(`## Voile throughput (dev notes repeated to ${(size / 1000).toFixed(0)} k characters)`);
say('');
say('| pipeline | characters | wall | chars/s wall | process CPU | chars per CPU-second |');
say('|---|---:|---:|---:|---:|---:|');
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
const mem = process.memoryUsage();
say('');
say(`Latency of one 2 KB note (pipeline call): median ${lat[25]!.toFixed(1)} ms, p95 ${lat[47]!.toFixed(1)} ms.`);
say(`Memory: rss ${(mem.rss / 1e6).toFixed(0)} MB, heap used ${(mem.heapUsed / 1e6).toFixed(0)} MB (the worker's ONNX session is included in rss).`);
await runner.close();
const gateway = await gatewayNoteLatency(note2k);
say(
  `Latency of one 2 KB note through the gateway (GET /fhir/Observation?status=final, one Observation whose valueString is de-identified, policy research-text, local upstream, ${gateway.runs} sequential requests): median ${gateway.medianMs.toFixed(1)} ms, p95 ${gateway.p95Ms.toFixed(1)} ms.`,
);
say(`Load average at the end: ${os.loadavg()[0]!.toFixed(1)}.`);
if (write) writeFileSync(path.resolve(here, '../results/text.md'), report.join('\n') + '\n');
