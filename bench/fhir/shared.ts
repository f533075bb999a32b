import { readFileSync } from 'node:fs';

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
