/**
 * Memory of a local PostgreSQL server while a benchmark runs: the sum of the proportional set
 * size (Pss, so shared buffers are counted once, not once per backend) of the postmaster and its
 * children, read from /proc. Needs to run as the server's user or root (Linux only).
 */
import { readdirSync, readFileSync } from 'node:fs';

/** The postmaster listening on `port` (found by its command line), or undefined. */
export function postmasterPid(port: number): number | undefined {
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const args = readFileSync(`/proc/${entry}/cmdline`, 'utf8').split('\0');
      if (args[0]?.endsWith('/postgres') && args.includes('-p') && args[args.indexOf('-p') + 1] === String(port)) return Number(entry);
    } catch {
      /* the process went away */
    }
  }
  return undefined;
}

function parentOf(pid: string): number | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
  } catch {
    return undefined;
  }
}

function pssKiB(pid: number | string): number {
  try {
    const match = /^Pss:\s+(\d+) kB/m.exec(readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8'));
    return match ? Number(match[1]) : 0;
  } catch {
    return 0;
  }
}

/** Current Pss of the server in KiB. */
export function serverPssKiB(postmaster: number): number {
  let total = pssKiB(postmaster);
  for (const entry of readdirSync('/proc')) {
    if (/^\d+$/.test(entry) && parentOf(entry) === postmaster) total += pssKiB(entry);
  }
  return total;
}

/** Samples the server's Pss every `intervalMs` until stopped; returns the peak in MiB. */
export function samplePeak(postmaster: number, intervalMs = 200): () => number {
  let peak = serverPssKiB(postmaster);
  const timer = setInterval(() => {
    peak = Math.max(peak, serverPssKiB(postmaster));
  }, intervalMs);
  return () => {
    clearInterval(timer);
    peak = Math.max(peak, serverPssKiB(postmaster));
    return Math.round(peak / 1024);
  };
}
