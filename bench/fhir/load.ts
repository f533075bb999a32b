import { Pool } from 'undici';

export interface LoadResult {
  readonly requests: number;
  readonly errors: number;
  readonly seconds: number;
  /** Latencies in milliseconds, sorted. */
  readonly latencies: Float64Array;
}

/**
 * Closed-loop load at fixed concurrency: `concurrency` workers each send a request, wait for the
 * whole body, and send the next, for `seconds`. Paths are taken round-robin from `paths`.
 */
export async function drive(origin: string, paths: readonly string[], concurrency: number, seconds: number): Promise<LoadResult> {
  const pool = new Pool(origin, { connections: concurrency, pipelining: 1 });
  const latencies: number[] = [];
  let errors = 0;
  let next = 0;
  const deadline = process.hrtime.bigint() + BigInt(Math.round(seconds * 1e9));
  const started = process.hrtime.bigint();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (process.hrtime.bigint() < deadline) {
        const path = paths[next++ % paths.length];
        const t0 = process.hrtime.bigint();
        try {
          const { statusCode, body } = await pool.request({ method: 'GET', path, headers: { accept: 'application/fhir+json' } });
          await body.arrayBuffer();
          if (statusCode !== 200) errors++;
        } catch {
          errors++;
        }
        latencies.push(Number(process.hrtime.bigint() - t0) / 1e6);
      }
    }),
  );
  const elapsed = Number(process.hrtime.bigint() - started) / 1e9;
  await pool.close();
  return { requests: latencies.length, errors, seconds: elapsed, latencies: Float64Array.from(latencies).sort() };
}

export function percentile(sorted: Float64Array, p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}
