/**
 * `BENCH_BASELINE_TREE=DIR npx tsx bench/fhir/ab.ts`: CPU per request of this tree's gateway against
 * another tree's (e.g. `git archive <commit> | tar -x -C DIR` with `node_modules` linked in), both
 * built with `assembleGateway` in ONE process and driven in alternating rounds through fastify's
 * `inject` (no client socket), against one demo upstream in a child process.
 *
 * Why: on a shared 2-core machine, separate processes measured minutes apart (bench/fhir/cpu.ts)
 * move by ±20–30 % between runs; alternating both trees round by round in one process moves them
 * alike, and differences of 5–10 % become visible. The figure includes the `inject` client's own
 * cost (the same for both), so it reads higher than cpu.ts; compare the two trees, not absolutes.
 *
 * Prints the CPU of the whole process (every thread) and of its main thread, the one serving requests.
 *
 * BENCH_SCENARIO: read (default), search1 (`_count=1`), search (50 entries). BENCH_ROUNDS (default 10),
 * BENCH_REQUESTS per round (default 300; use ~60 for search).
 */
import { fork } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance } from 'fastify';
import { generateCohort } from '../../src/demo/cohort.js';
import { Identity } from '../../src/identity/index.js';
import { MemoryMappingStore } from '../../src/store/mapping-store.js';
import { BENCH_MAX_DATE_SHIFT_DAYS, BENCH_POLICY, BENCH_SECRET, statCpuMs } from './shared.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const thisTree = path.resolve(here, '../..');
const baselineTree = process.env.BENCH_BASELINE_TREE;
const scenario = process.env.BENCH_SCENARIO ?? 'read';
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 10);
const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 300);
const CONCURRENCY = 8;
const dataDirs: string[] = [];

async function main(): Promise<void> {
  if (!baselineTree) throw new Error('set BENCH_BASELINE_TREE to the tree to compare with');
  const upstreamUrl = await startUpstream();
  const trees = [
    { name: 'baseline', dir: path.resolve(baselineTree) },
    { name: 'this tree', dir: thisTree },
  ];
  const apps = [];
  for (const tree of trees) apps.push({ ...tree, app: await build(tree.dir, upstreamUrl) });
  const paths = pathsFor(scenario);
  for (const { app } of apps) await drive(app, paths, REQUESTS * 3); // warm-up (JIT, caches)
  const perRequest = new Map<string, number[]>();
  const mainThread = new Map<string, number[]>();
  for (let round = 0; round < ROUNDS; round++) {
    // ABBA order: the tree measured second in a round read ~4 % lower in an A/A run (same code twice).
    for (const { name, app } of round % 2 === 0 ? apps : [...apps].reverse()) {
      const before = process.cpuUsage();
      const beforeMain = mainThreadCpuMs();
      await drive(app, paths, REQUESTS);
      const used = process.cpuUsage(before);
      perRequest.set(name, [...(perRequest.get(name) ?? []), (used.user + used.system) / 1000 / REQUESTS]);
      mainThread.set(name, [...(mainThread.get(name) ?? []), (mainThreadCpuMs() - beforeMain) / REQUESTS]);
    }
  }
  const quartiles = (values: number[]) => {
    const sorted = [...values].sort((a, b) => a - b);
    const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!.toFixed(3);
    return `min ${at(0)} q1 ${at(0.25)} median ${at(0.5)}`;
  };
  for (const [name, values] of perRequest) {
    // The process figure counts every thread (audit writer, libuv's pool for log writes); the main
    // thread's is what bounds one gateway process's throughput.
    process.stderr.write(`${scenario} ${name}: CPU ms per request ${quartiles(values)}; main thread ${quartiles(mainThread.get(name)!)} (${ROUNDS} rounds)\n`);
  }
}

/** The gateway of `tree` as `voile serve` assembles it (bench/fhir/servers.ts does the same per process). */
async function build(tree: string, upstreamUrl: string): Promise<FastifyInstance> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'voile-ab-'));
  dataDirs.push(dataDir);
  const policiesDir = path.join(dataDir, 'policies');
  mkdirSync(policiesDir);
  const policy = readFileSync(path.join(tree, 'policies', `${BENCH_POLICY}.yaml`), 'utf8');
  writeFileSync(path.join(policiesDir, `${BENCH_POLICY}.yaml`), `${policy}\nlimits:\n  requestsPerMinute: 100000000\n`);
  const { assembleGateway } = (await import(path.join(tree, 'src/cli/gateway.ts'))) as typeof import('../../src/cli/gateway.js');
  const { validateConfig } = (await import(path.join(tree, 'src/config/load.ts'))) as typeof import('../../src/config/load.js');
  const config = validateConfig(
    {
      publicBaseUrl: 'http://127.0.0.1:8080',
      upstream: { fhir: { url: upstreamUrl, connections: 64 } },
      identity: { domains: { demo: { secret: `base64:${BENCH_SECRET.toString('base64')}` } } },
      store: { sqlite: { path: path.join(dataDir, 'voile.db') } },
      policies: { dir: policiesDir, profilesDir: path.join(tree, 'profiles'), only: [BENCH_POLICY] },
      auth: { mode: 'none', policy: BENCH_POLICY },
      logging: { level: 'info' },
    },
    'bench configuration',
  );
  const { app } = await assembleGateway({ baseDir: tree, env: {}, config });
  await app.ready();
  return app;
}

/** CPU milliseconds of this process's main thread so far (its own stat file, Linux). */
function mainThreadCpuMs(): number {
  const { user, system } = statCpuMs(`/proc/self/task/${process.pid}/stat`);
  return user + system;
}

function pathsFor(name: string): string[] {
  if (name === 'read') {
    const identity = new Identity(BENCH_SECRET, { store: new MemoryMappingStore(), maxDateShiftDays: BENCH_MAX_DATE_SHIFT_DAYS });
    return generateCohort().patients.map((p) => `/fhir/Patient/${identity.pseudonymizeId('Patient', p.id)}`);
  }
  const count = name === 'search1' ? 1 : 50;
  return ['', 'category=vital-signs&', 'category=laboratory&'].map((q) => `/fhir/Observation?${q}_count=${count}`);
}

async function drive(app: FastifyInstance, paths: readonly string[], requests: number): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next < requests) {
        const response = await app.inject({ method: 'GET', url: paths[next++ % paths.length]!, remoteAddress: '127.0.0.1' });
        if (response.statusCode !== 200) throw new Error(`status ${response.statusCode}`);
      }
    }),
  );
}

function startUpstream(): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = fork(path.join(here, 'servers.ts'), ['upstream'], { execArgv: ['--import', 'tsx'], stdio: ['ignore', 'ignore', 'inherit', 'ipc'] });
    process.on('exit', () => child.kill('SIGTERM'));
    child.once('message', (m) => resolve((m as { url: string }).url));
    child.once('exit', (code) => reject(new Error(`upstream exited with code ${code}`)));
  });
}

main().then(
  () => {
    for (const dir of dataDirs) rmSync(dir, { recursive: true, force: true });
    process.exit(0);
  },
  (err: unknown) => {
    process.stderr.write(`bench ab failed: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exit(1);
  },
);
