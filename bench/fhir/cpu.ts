/**
 * `npx tsx bench/fhir/cpu.ts`: CPU time per request of each proxy process, the figure to optimise
 * on a shared, noisy machine (wall-clock throughput moves with the other processes' load; the
 * CPU a process spends per request does not, much).
 *
 * Starts the same children as `npm run bench:fhir` (bench/fhir/servers.ts), drives each proxy
 * for BENCH_SECONDS (default 4) after a warm-up, and reads the child's user + system time from
 * /proc/<pid>/stat (Linux) before and after. Prints CPU ms per request and the gateway / pass-through
 * CPU ratio per scenario. BENCH_CPU_PROF=DIR writes a V8 CPU profile per server process.
 */
import { fork, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateCohort } from '../../src/demo/cohort.js';
import { Identity } from '../../src/identity/index.js';
import { MemoryMappingStore } from '../../src/store/mapping-store.js';
import { drive } from './load.js';
import { BENCH_MAX_DATE_SHIFT_DAYS, BENCH_SECRET, statCpuMs } from './shared.js';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 4);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 8);
const here = path.dirname(fileURLToPath(import.meta.url));
const children: ChildProcess[] = [];

async function main(): Promise<void> {
  const upstream = await start('upstream');
  const [passThrough, gateway] = await Promise.all([start('passthrough', upstream.url), start('gateway', upstream.url)]);
  const identity = new Identity(BENCH_SECRET, { store: new MemoryMappingStore(), maxDateShiftDays: BENCH_MAX_DATE_SHIFT_DAYS });
  const patients = generateCohort().patients.map((p) => p.id);
  const searches = ['_count=50', 'category=vital-signs&_count=50', 'category=laboratory&_count=50'].map((q) => `/fhir/Observation?${q}`);
  const scenarios = [
    { name: 'read Patient', passThrough: patients.map((id) => `/fhir/Patient/${id}`), gateway: patients.map((id) => `/fhir/Patient/${identity.pseudonymizeId('Patient', id)}`) },
    { name: 'search Observation, 50 entries', passThrough: searches, gateway: searches },
  ];
  for (const scenario of scenarios) {
    const perRequest: { total: number; system: number }[] = [];
    for (const [proxy, paths] of [[passThrough, scenario.passThrough], [gateway, scenario.gateway]] as const) {
      await drive(new URL(proxy.url).origin, paths, CONCURRENCY, 1.5);
      const before = statCpuMs(`/proc/${proxy.pid}/stat`);
      const result = await drive(new URL(proxy.url).origin, paths, CONCURRENCY, SECONDS);
      const after = statCpuMs(`/proc/${proxy.pid}/stat`);
      if (result.errors > 0) throw new Error(`${result.errors} failed requests`);
      perRequest.push({ total: (after.user + after.system - before.user - before.system) / result.requests, system: (after.system - before.system) / result.requests });
    }
    const [p, g] = perRequest as [{ total: number; system: number }, { total: number; system: number }];
    // The system part is mostly loopback socket work, which both proxies pay per hop.
    console.log(
      `${scenario.name}: pass-through ${p.total.toFixed(3)} ms CPU/req (system ${p.system.toFixed(3)}), gateway ${g.total.toFixed(3)} ms CPU/req (system ${g.system.toFixed(3)}) (×${(g.total / p.total).toFixed(2)})`,
    );
  }
}


function start(role: string, upstream?: string): Promise<{ url: string; pid: number }> {
  return new Promise((resolve, reject) => {
    const child = fork(path.join(here, 'servers.ts'), upstream ? [role, upstream] : [role], {
      execArgv: ['--import', 'tsx', ...(process.env.BENCH_CPU_PROF ? ['--cpu-prof', '--cpu-prof-dir', process.env.BENCH_CPU_PROF] : [])],
      stdio: ['ignore', role === 'gateway' ? 'ignore' : 'inherit', 'inherit', 'ipc'],
    });
    children.push(child);
    child.once('message', (m) => resolve({ url: (m as { url: string }).url, pid: child.pid! }));
    child.once('exit', (code) => reject(new Error(`${role} exited with code ${code}`)));
  });
}

main().then(
  () => {
    for (const child of children) child.kill('SIGTERM');
    process.exit(0);
  },
  (err: unknown) => {
    console.error(`bench cpu failed: ${err instanceof Error ? err.message : String(err)}`);
    for (const child of children) child.kill('SIGTERM');
    process.exit(1);
  },
);
