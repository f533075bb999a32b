/**
 * `npm run bench:fhir` (`tsx bench/fhir/run.ts`): FHIR proxy cost, measured in one run.
 *
 * Starts, each in its own process, the embedded demo upstream (120-patient cohort), a plain
 * pass-through proxy (undici, no anonymization) and the Voile gateway as the product runs it
 * (compiled first, then `node dist/cli/main.js serve`: bench/fhir/product-gateway.ts; demo-research
 * policy, i.e. the research-strict profile), then drives each proxy with the same closed-loop load: reads of
 * Patient resources, and 50-entry Observation searches. Prints throughput and p50/p99 latency of
 * each, the gateway / pass-through throughput ratio and the p99 latency the gateway adds to a
 * 50-entry bundle, and writes them to bench/results/fhir.md.
 *
 * Two phases in one run: throughput at BENCH_CONCURRENCY concurrent requests, then latency with one
 * request at a time (BENCH_LATENCY_SECONDS per measurement), where the latency a proxy adds is its own
 * work and not the queue behind other requests on a 2-core machine.
 *
 * Each measurement is cut into BENCH_SLICES slices, pass-through and gateway alternated (ABBA…), so
 * that a change of the shared machine's load during the run falls on both sides: the ratio printed
 * is the median of the slice pairs' ratios, with their range; req/s and latencies pool the slices.
 *
 * Options (environment): BENCH_SECONDS (default 10) per throughput measurement, BENCH_CONCURRENCY
 * (default 16), BENCH_LATENCY_SECONDS (default 6; 0 skips the one-client phase), BENCH_WARMUP_SECONDS
 * (default 3), BENCH_SLICES (default 5).
 */
import type { ChildProcess } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { drive, percentile, type LoadResult } from './load.js';
import { buildProduct, startProductGateway } from './product-gateway.js';
import { benchScenarios } from './scenarios.js';
import { BENCH_POLICY, CPU_PROFILE_FLAGS, forkServer, runBench } from './shared.js';

const SECONDS = positive('BENCH_SECONDS', 10);
const CONCURRENCY = positive('BENCH_CONCURRENCY', 16);
const WARMUP_SECONDS = positive('BENCH_WARMUP_SECONDS', 3);
const LATENCY_SECONDS = nonNegative('BENCH_LATENCY_SECONDS', 6);
const SLICES = Math.round(positive('BENCH_SLICES', 5));
const here = path.dirname(fileURLToPath(import.meta.url));
const children: ChildProcess[] = [];

interface Measured {
  readonly concurrency: number;
  readonly scenario: string;
  readonly target: 'pass-through' | 'gateway';
  /** The slices pooled. */
  readonly result: LoadResult;
  /** Throughput of each slice, in the order measured (slice i of both targets forms a pair). */
  readonly sliceRates: readonly number[];
}

async function main(): Promise<void> {
  buildProduct();
  const upstream = (await forkServer('upstream', undefined, children)).url;
  const [passThrough, gateway] = await Promise.all([forkServer('passthrough', upstream, children).then((s) => s.url), startGateway(upstream)]);
  console.log(`upstream ${upstream}\npass-through ${passThrough}\ngateway ${gateway}\n`);

  const scenarios = benchScenarios();

  const phases: [concurrency: number, seconds: number][] = [[CONCURRENCY, SECONDS]];
  if (LATENCY_SECONDS > 0 && CONCURRENCY !== 1) phases.push([1, LATENCY_SECONDS]);
  const measured: Measured[] = [];
  for (const [concurrency, seconds] of phases) {
    for (const scenario of scenarios) {
      const targets = [
        ['pass-through', passThrough, scenario.passThrough],
        ['gateway', gateway, scenario.gateway],
      ] as const;
      for (const [, base, paths] of targets) {
        await check(base, paths, scenario.entries);
        await drive(origin(base), paths, concurrency, WARMUP_SECONDS);
      }
      const slices = new Map<string, LoadResult[]>(targets.map(([target]) => [target, []]));
      for (let i = 0; i < SLICES; i++) {
        // ABBA: neither side always runs first, right after the other's load.
        for (const [target, base, paths] of i % 2 === 0 ? targets : [...targets].reverse()) {
          slices.get(target)!.push(await drive(origin(base), paths, concurrency, seconds / SLICES));
        }
      }
      for (const [target] of targets) {
        const parts = slices.get(target)!;
        const result = pool(parts);
        measured.push({ concurrency, scenario: scenario.name, target, result, sliceRates: parts.map((r) => r.requests / r.seconds) });
        console.log(`${scenario.name} via ${target}, ${concurrency} client(s): ${summary(result)}`);
      }
    }
  }
  const report = render(measured);
  console.log(`\n${report}`);
  const out = path.resolve(here, '../results/fhir.md');
  mkdirSync(path.dirname(out), { recursive: true });
  writeFileSync(out, report);
  console.log(`written to ${path.relative(process.cwd(), out)}`);
}

/** Every path answers 200 (with the expected number of entries) before anything is timed. */
async function check(base: string, paths: readonly string[], entries: number | undefined): Promise<void> {
  for (const p of paths.slice(0, 5)) {
    const res = await fetch(`${origin(base)}${p}`);
    const body = (await res.json()) as { entry?: unknown[] };
    if (res.status !== 200) throw new Error(`benchmark request failed with HTTP ${res.status}`);
    if (entries !== undefined && body.entry?.length !== entries) {
      throw new Error(`expected ${entries} entries, got ${body.entry?.length ?? 0}`);
    }
  }
}

function render(measured: Measured[]): string {
  const lines = [
    '# FHIR proxy benchmark',
    '',
    `Measured ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC by \`npm run bench:fhir\` (bench/fhir/run.ts): Node ${process.version},`,
    `${os.cpus().length} CPU(s) (${os.cpus()[0]?.model ?? 'unknown'}), load average ${os.loadavg().map((l) => l.toFixed(1)).join(' / ')} at the end.`,
    `Closed loop on loopback, ${WARMUP_SECONDS} s of warm-up of each proxy, then ${SLICES} slices of each, alternated (ABBA). upstream = embedded demo FHIR server (120 patients),`,
    `pass-through = undici proxy without anonymization, gateway = Voile compiled and started as \`voile serve\` (SQLite mappings`,
    `and audit trail, rate limits, info logs), policy ${BENCH_POLICY} (profile research-strict). Each server runs in its own process;`,
    'the upstream and the pass-through run their TypeScript under tsx (the pass-through is a few lines around undici).',
  ];
  for (const concurrency of [...new Set(measured.map((m) => m.concurrency))]) {
    lines.push('', ...phaseTables(measured.filter((m) => m.concurrency === concurrency), concurrency));
  }
  lines.push(
    '',
    'Goals (issue 2, on a 2-core machine): ratio ≥ 0.5 for the structured default profile; p99 added latency ≤ 5 ms for a',
    '50-entry bundle. With many clients the added latency is mostly queueing (each request waits for the ones ahead of it on',
    'the same cores); the one-client phase shows the latency the gateway itself adds. Figures from a shared machine (other',
    'processes running) are indicative only; compare the gateway with the pass-through of the same run.',
    '',
  );
  return lines.join('\n');
}

function phaseTables(measured: Measured[], concurrency: number): string[] {
  const find = (scenario: string, target: string) => measured.find((m) => m.scenario === scenario && m.target === target)!;
  const seconds = measured[0]?.result.seconds ?? 0;
  const lines = [
    `## ${concurrency === 1 ? 'One client at a time (latency)' : `${concurrency} concurrent clients (throughput)`}, ~${seconds.toFixed(0)} s per measurement`,
    '',
    '| scenario | via | req/s | p50 ms | p99 ms | errors |',
    '|---|---|---:|---:|---:|---:|',
    ...measured.map((m) => `| ${m.scenario} | ${m.target} | ${m.result.requests / m.result.seconds | 0} | ${fmt(percentile(m.result.latencies, 50))} | ${fmt(percentile(m.result.latencies, 99))} | ${m.result.errors} |`),
    '',
    `| scenario | throughput ratio gateway / pass-through (median of ${SLICES} alternated slice pairs) | range of the pairs | added p50 ms | added p99 ms |`,
    '|---|---:|---:|---:|---:|',
  ];
  for (const scenario of [...new Set(measured.map((m) => m.scenario))]) {
    const p = find(scenario, 'pass-through');
    const g = find(scenario, 'gateway');
    const ratios = g.sliceRates.map((rate, i) => rate / p.sliceRates[i]!).sort((a, b) => a - b);
    const range = `${ratios[0]!.toFixed(2)}–${ratios.at(-1)!.toFixed(2)}`;
    lines.push(`| ${scenario} | ${median(ratios).toFixed(2)} | ${range} | ${fmt(percentile(g.result.latencies, 50) - percentile(p.result.latencies, 50))} | ${fmt(percentile(g.result.latencies, 99) - percentile(p.result.latencies, 99))} |`);
  }
  return lines;
}

/** The slices of one target as one measurement: all requests over all the time measured. */
function pool(parts: readonly LoadResult[]): LoadResult {
  const latencies = Float64Array.from(parts.flatMap((r) => [...r.latencies])).sort();
  return {
    requests: parts.reduce((n, r) => n + r.requests, 0),
    errors: parts.reduce((n, r) => n + r.errors, 0),
    seconds: parts.reduce((n, r) => n + r.seconds, 0),
    latencies,
  };
}

function median(sorted: readonly number[]): number {
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

function summary(r: LoadResult): string {
  return `${(r.requests / r.seconds).toFixed(0)} req/s, p50 ${fmt(percentile(r.latencies, 50))} ms, p99 ${fmt(percentile(r.latencies, 99))} ms, errors ${r.errors}`;
}

async function startGateway(upstream: string): Promise<string> {
  const { url, child } = await startProductGateway(upstream, CPU_PROFILE_FLAGS);
  children.push(child);
  return url;
}

function origin(base: string): string {
  return new URL(base).origin;
}

function fmt(ms: number): string {
  return ms.toFixed(ms < 10 ? 2 : 1);
}

function positive(name: string, fallback: number): number {
  const value = Number(process.env[name] ?? fallback);
  if (!Number.isFinite(value) || value <= 0) throw new Error(`${name} must be a positive number`);
  return value;
}

function nonNegative(name: string, fallback: number): number {
  const value = Number(process.env[name] ?? fallback);
  if (!Number.isFinite(value) || value < 0) throw new Error(`${name} must be zero or a positive number`);
  return value;
}

runBench('bench:fhir', main, children);
