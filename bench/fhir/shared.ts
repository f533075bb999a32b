import { fork, type ChildProcess } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** Fixed key material of the benchmark (never a real secret): the runner derives pseudonyms from it. */
export const BENCH_SECRET = Buffer.alloc(32, 0x42);
export const BENCH_POLICY = 'demo-research';
export const BENCH_MAX_DATE_SHIFT_DAYS = 365;

const TICK_MS = 10; // USER_HZ is 100 on Linux

/** User and system CPU milliseconds so far of a process or thread, from its Linux `stat` file (10 ms ticks). */
export function statCpuMs(statPath: string): { user: number; system: number } {
  const stat = readFileSync(statPath, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return { user: Number(fields[11]) * TICK_MS, system: Number(fields[12]) * TICK_MS };
}

/** A process and its descendants (cluster workers), from /proc: the pids whose CPU a proxy costs. */
export function processTree(pid: number): number[] {
  const children = new Map<number, number[]>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const parent = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      children.set(parent, [...(children.get(parent) ?? []), Number(entry)]);
    } catch {
      // The process ended while /proc was read.
    }
  }
  const out: number[] = [];
  const visit = (p: number) => {
    out.push(p);
    for (const child of children.get(p) ?? []) visit(child);
  };
  visit(pid);
  return out;
}

/** User and system CPU milliseconds of several processes together (one that has ended counts 0). */
export function treeCpuMs(pids: readonly number[]): { user: number; system: number } {
  const total = { user: 0, system: 0 };
  for (const pid of pids) {
    try {
      const { user, system } = statCpuMs(`/proc/${pid}/stat`);
      total.user += user;
      total.system += system;
    } catch {
      // ended
    }
  }
  return total;
}

/** Idle and total jiffies of the whole machine (first line of /proc/stat): idle share = Δidle / Δtotal. */
export function machineJiffies(): { idle: number; total: number } {
  const fields = readFileSync('/proc/stat', 'utf8').split('\n')[0]!.trim().split(/\s+/).slice(1).map(Number);
  return { idle: fields[3]! + fields[4]!, total: fields.reduce((a, b) => a + b, 0) };
}

/**
 * Runs a benchmark's `main`, then stops the server processes it started (whether it succeeded or
 * not, so that no server outlives its bench) and exits 0, or 1 with `name` and the error's message.
 */
export function runBench(name: string, main: () => Promise<void>, children: readonly ChildProcess[]): void {
  const stop = () => {
    for (const child of children) if (child.exitCode === null) child.kill('SIGTERM');
  };
  main().then(
    () => {
      stop();
      process.exit(0);
    },
    (err: unknown) => {
      console.error(`${name} failed: ${err instanceof Error ? err.message : String(err)}`);
      stop();
      process.exit(1);
    },
  );
}

/** Node flags that make each bench server write a V8 CPU profile when it stops (BENCH_CPU_PROF=DIR). */
export const CPU_PROFILE_FLAGS: readonly string[] = process.env.BENCH_CPU_PROF ? ['--cpu-prof', '--cpu-prof-dir', process.env.BENCH_CPU_PROF] : [];

/**
 * Starts one role of bench/fhir/servers.ts (upstream, passthrough, floor, gateway) in its own
 * process under tsx, added to `children`; resolves with its URL and pid once it listens.
 */
export function forkServer(role: string, upstream: string | undefined, children: ChildProcess[], options: { quietStdout?: boolean } = {}): Promise<{ url: string; pid: number }> {
  return new Promise((resolve, reject) => {
    const child = fork(path.join(path.dirname(fileURLToPath(import.meta.url)), 'servers.ts'), upstream ? [role, upstream] : [role], {
      execArgv: ['--import', 'tsx', ...CPU_PROFILE_FLAGS],
      stdio: ['ignore', options.quietStdout ? 'ignore' : 'inherit', 'inherit', 'ipc'],
    });
    children.push(child);
    child.once('message', (m) => resolve({ url: (m as { url: string }).url, pid: child.pid! }));
    child.once('exit', (code) => reject(new Error(`${role} exited with code ${code}`)));
  });
}
