/**
 * `npx tsx bench/fhir/cpu.ts`: CPU time per request of each proxy process, the figure to optimise
 * on a shared, noisy machine (wall-clock throughput moves with the other processes' load; the
 * CPU a process spends per request does not, much).
 *
 * Starts the same children as `npm run bench:fhir` (bench/fhir/servers.ts; the gateway compiled and
 * started as the product runs it, bench/fhir/product-gateway.ts), drives each proxy
 * for BENCH_SECONDS (default 4) after a warm-up, and reads the child's user + system time from
 * /proc/<pid>/stat (Linux) before and after. Prints CPU ms per request and the gateway / pass-through
 * CPU ratio per scenario, and per measurement the CPU the upstream and the load generator (this process)
 * spent per request and how idle the machine was: at 0 % idle the sum of the three bounds throughput.
 * BENCH_GATEWAY_PROCESSES=N runs the gateway as N cluster workers (counted together; from the sources under tsx,
 * servers.ts). BENCH_FLOOR=1 also
 * measures a bare fastify proxy that parses and re-serializes the upstream JSON (servers.ts `floor`).
 * BENCH_CPU_PROF=DIR writes a V8 CPU profile per server process.
 */
import type { ChildProcess } from 'node:child_process';
import { drive } from './load.js';
import { buildProduct, startProductGateway } from './product-gateway.js';
import { benchScenarios } from './scenarios.js';
import { CPU_PROFILE_FLAGS, forkServer, machineJiffies, processTree, runBench, treeCpuMs } from './shared.js';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 4);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 8);
const children: ChildProcess[] = [];

async function main(): Promise<void> {
  const clustered = Number(process.env.BENCH_GATEWAY_PROCESSES ?? 1) > 1;
  if (!clustered) buildProduct();
  const upstream = await start('upstream');
  const [passThrough, gateway] = await Promise.all([start('passthrough', upstream.url), clustered ? start('gateway', upstream.url) : startGateway(upstream.url)]);
  // BENCH_FLOOR=1: also a bare fastify proxy that parses and re-serializes (servers.ts `floor`).
  const floor = process.env.BENCH_FLOOR === '1' ? await start('floor', upstream.url) : undefined;
  const scenarios = benchScenarios();
  for (const scenario of scenarios) {
    const perRequest: { total: number; system: number }[] = [];
    const targets: [string, { url: string; pid: number }, readonly string[]][] = [
      ['pass-through', passThrough, scenario.passThrough],
      ['gateway', gateway, scenario.gateway],
      ...(floor ? [['fastify parse + stringify', floor, scenario.passThrough] as [string, { url: string; pid: number }, readonly string[]]] : []),
    ];
    for (const [name, proxy, paths] of targets) {
      await drive(new URL(proxy.url).origin, paths, CONCURRENCY, 1.5);
      // The proxy's whole process tree (cluster workers with BENCH_GATEWAY_PROCESSES), the upstream
      // and this process (the load generator): on a saturated machine their sum bounds throughput.
      const proxyPids = processTree(proxy.pid);
      const sample = () => {
        const proxyCpu = treeCpuMs(proxyPids);
        return { proxy: both(proxyCpu), system: proxyCpu.system, upstream: both(treeCpuMs([upstream.pid])), load: both(treeCpuMs([process.pid])), machine: machineJiffies() };
      };
      const before = sample();
      const result = await drive(new URL(proxy.url).origin, paths, CONCURRENCY, SECONDS);
      const after = sample();
      if (result.errors > 0) throw new Error(`${result.errors} failed requests`);
      const n = result.requests;
      if (proxy !== floor) perRequest.push({ total: (after.proxy - before.proxy) / n, system: (after.system - before.system) / n });
      const idle = (after.machine.idle - before.machine.idle) / (after.machine.total - before.machine.total);
      console.log(
        `  ${scenario.name} via ${name}: ${(n / result.seconds).toFixed(0)} req/s; CPU ms per request: proxy ${((after.proxy - before.proxy) / n).toFixed(3)}, upstream ${((after.upstream - before.upstream) / n).toFixed(3)}, load generator ${((after.load - before.load) / n).toFixed(3)}; machine idle ${(idle * 100).toFixed(1)} %`,
      );
    }
    const [p, g] = perRequest as [{ total: number; system: number }, { total: number; system: number }];
    // The system part is mostly loopback socket work, which both proxies pay per hop.
    console.log(
      `${scenario.name}: pass-through ${p.total.toFixed(3)} ms CPU/req (system ${p.system.toFixed(3)}), gateway ${g.total.toFixed(3)} ms CPU/req (system ${g.system.toFixed(3)}) (×${(g.total / p.total).toFixed(2)})`,
    );
  }
}

function both(cpu: { user: number; system: number }): number {
  return cpu.user + cpu.system;
}

async function startGateway(upstream: string): Promise<{ url: string; pid: number }> {
  const { url, child } = await startProductGateway(upstream, CPU_PROFILE_FLAGS);
  children.push(child);
  return { url, pid: child.pid! };
}

runBench('bench cpu', main, children);

/** A bench server process; the in-process gateway's request logs are discarded (as the product gateway's are). */
function start(role: string, upstream?: string): Promise<{ url: string; pid: number }> {
  return forkServer(role, upstream, children, { quietStdout: role === 'gateway' });
}
