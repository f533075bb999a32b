/**
 * `BENCH_BASELINE_TREE=DIR npx tsx bench/fhir/ab-process.ts`: CPU per request of two gateways run as
 * the product runs (compiled, `node dist/cli/main.js serve`: bench/fhir/product-gateway.ts), each in
 * its own process, driven in alternating rounds (ABBA) over real sockets against one demo upstream.
 * The baseline is another tree (`git archive <commit> | tar -x -C DIR`, `node_modules` linked in; both
 * trees are compiled first) or, without BENCH_BASELINE_TREE, this tree again: then BENCH_FLAGS_A and
 * BENCH_FLAGS_B (space-separated node flags, e.g. `--max-semi-space-size=32`) tell the two apart.
 *
 * Why besides bench/fhir/ab.ts (both trees in one process, `inject`): what is global to a process —
 * V8 flags, how the code was compiled or loaded, its helper threads — is the same for both trees
 * there. Separate processes are noisier (±10 % between two processes of the same code), so read the
 * quartiles over many rounds. Prints the CPU of each gateway process (every thread, /proc) and of its
 * main thread per request: min / first quartile / median.
 *
 * BENCH_SCENARIO: read (default) or search (50 entries). BENCH_ROUNDS (default 12), BENCH_SECONDS per
 * round (default 3), BENCH_CONCURRENCY (default 16).
 */
import type { ChildProcess } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { drive } from './load.js';
import { buildProduct, startProductGateway } from './product-gateway.js';
import { benchScenarios } from './scenarios.js';
import { forkServer, runBench, statCpuMs } from './shared.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const thisTree = path.resolve(here, '../..');
const scenario = process.env.BENCH_SCENARIO ?? 'read';
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 12);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 3);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 16);
const children: ChildProcess[] = [];

interface Variant {
  readonly name: string;
  readonly tree: string;
  readonly flags: readonly string[];
}

async function main(): Promise<void> {
  const baselineTree = process.env.BENCH_BASELINE_TREE === undefined ? thisTree : path.resolve(process.env.BENCH_BASELINE_TREE);
  const flags = (name: string) => (process.env[name] ?? '').split(' ').filter((f) => f !== '');
  const variants: Variant[] = [
    { name: `baseline ${flags('BENCH_FLAGS_A').join(' ')}`.trim(), tree: baselineTree, flags: flags('BENCH_FLAGS_A') },
    { name: `this tree ${flags('BENCH_FLAGS_B').join(' ')}`.trim(), tree: thisTree, flags: flags('BENCH_FLAGS_B') },
  ];
  for (const tree of new Set(variants.map((v) => v.tree))) buildProduct(tree);
  const upstream = (await forkServer('upstream', undefined, children, { quietStdout: true })).url;
  const gateways = [];
  for (const variant of variants) {
    const { url, child } = await startProductGateway(upstream, variant.flags, variant.tree);
    children.push(child);
    gateways.push({ ...variant, origin: new URL(url).origin, pid: child.pid! });
  }
  const [read, search] = benchScenarios();
  const paths = (scenario === 'read' ? read : search).gateway;
  for (const g of gateways) await drive(g.origin, paths, CONCURRENCY, 4); // warm-up (JIT, caches)
  const cpu = (file: string) => {
    const { user, system } = statCpuMs(file);
    return user + system;
  };
  const results = new Map<string, { process: number[]; main: number[] }>();
  for (let round = 0; round < ROUNDS; round++) {
    for (const g of round % 2 === 0 ? gateways : [...gateways].reverse()) {
      const [process0, main0] = [cpu(`/proc/${g.pid}/stat`), cpu(`/proc/${g.pid}/task/${g.pid}/stat`)];
      const { requests, errors } = await drive(g.origin, paths, CONCURRENCY, SECONDS);
      const [process1, main1] = [cpu(`/proc/${g.pid}/stat`), cpu(`/proc/${g.pid}/task/${g.pid}/stat`)];
      if (errors > 0) throw new Error(`${errors} failed requests`);
      const r = results.get(g.name) ?? { process: [], main: [] };
      results.set(g.name, r);
      r.process.push((process1 - process0) / requests);
      r.main.push((main1 - main0) / requests);
    }
  }
  for (const [name, r] of results) {
    console.log(`${scenario} ${name}: CPU ms per request ${quartiles(r.process)}; main thread ${quartiles(r.main)} (${ROUNDS} rounds)`);
  }
}

function quartiles(values: number[]): string {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!.toFixed(3);
  return `min ${at(0)} q1 ${at(0.25)} median ${at(0.5)}`;
}

runBench('bench ab-process', main, children);
