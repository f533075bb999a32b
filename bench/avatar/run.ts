/**
 * `npm run bench:avatar`: build time and memory of an avatar build (FAMD fit, exact k-NN, weighting
 * and decoding) on synthetic tables of 30 columns: 20 numeric and 10 categorical, driven by 4
 * latent factors so that the projection has structure to find. k = 20, ncp = 5. Sizes: 10k and
 * 100k rows, and 1M with `--1m` (or BENCH_AVATAR_1M=1; KD-tree only unless `--1m-postgres`).
 *
 * Each size runs once per neighbour search, in the same run: the embedded KD-tree and PostgreSQL's
 * `cube` GiST index (a throw-away server started here from the Debian postgresql-15 binaries, or
 * BENCH_PG_URL; `--no-postgres` skips it). Each build runs in a child process so that its peak
 * memory (max RSS) is its own; the PostgreSQL server's memory is sampled from /proc meanwhile (sum
 * of Pss of the postmaster and its backends). Both searches must give the same avatars: the bench
 * compares a hash of them. Results go to bench/results/avatar.md.
 */
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateAvatarsWith, kdTreeSearch, seededRandom } from '../../src/anonymize/embedding/index.js';
import type { ColumnSpec, NeighbourSearch, Row, Table } from '../../src/anonymize/embedding/index.js';
import { postgresCubeSearch } from '../../src/cohort/postgres-neighbour-search.js';
import { postgresBinDir, startPostgres, type RunningPostgres } from '../../test/audit/postgres-server.js';
import { postmasterPid, samplePeak } from './postgres-memory.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const K = 20;
const NCP = 5;

export function syntheticTable(n: number, seed: number): Table {
  const random = seededRandom(seed);
  const gauss = (): number => Math.sqrt(-2 * Math.log(1 - random.next())) * Math.cos(2 * Math.PI * random.next());
  const columns: ColumnSpec[] = [
    ...Array.from({ length: 20 }, (_, j) => ({ name: `num${j}`, kind: 'numeric' as const })),
    ...Array.from({ length: 10 }, (_, j) => ({ name: `cat${j}`, kind: 'categorical' as const })),
  ];
  const loadings = Array.from({ length: 30 }, () => Array.from({ length: 4 }, () => gauss()));
  const rows: Row[] = new Array(n);
  const latent = new Float64Array(4);
  for (let i = 0; i < n; i++) {
    for (let f = 0; f < 4; f++) latent[f] = gauss();
    const row: Row = new Array(30);
    for (let j = 0; j < 30; j++) {
      let v = 0.5 * gauss();
      for (let f = 0; f < 4; f++) v += loadings[j]![f]! * latent[f]!;
      if (j < 20) row[j] = random.next() < 0.02 ? null : Math.round((50 + 10 * v) * 10) / 10;
      else {
        const levels = 3 + (j % 3);
        const level = Math.min(levels - 1, Math.max(0, Math.floor((v / 4 + 0.5) * levels)));
        row[j] = `L${level}`;
      }
    }
    rows[i] = row;
  }
  return { columns, rows };
}

type Backend = 'kd-tree' | 'postgres-cube';

interface Measure {
  n: number;
  backend: Backend;
  buildMs: number;
  /** Of buildMs: indexing the points and the k-NN queries. */
  indexMs: number;
  searchMs: number;
  heapMiB: number;
  rssMiB: number;
  /** sha256 of the avatars (JSON), to check that both searches gave the same ones. */
  avatarsHash: string;
  /** Peak Pss of the PostgreSQL server during the build (parent's measurement). */
  serverMiB?: number;
}

/** The search, with the time spent indexing and querying. */
function timed(search: NeighbourSearch): { search: NeighbourSearch; indexMs: () => number; searchMs: () => number } {
  let indexMs = 0;
  let searchMs = 0;
  return {
    search: {
      name: search.name,
      async index(points, dimension) {
        const t0 = performance.now();
        const index = await search.index(points, dimension);
        indexMs += performance.now() - t0;
        return {
          size: index.size,
          dimension: index.dimension,
          async neighboursOfRows(start, end, k) {
            const t1 = performance.now();
            const result = await index.neighboursOfRows(start, end, k);
            searchMs += performance.now() - t1;
            return result;
          },
          close: () => index.close(),
        };
      },
    },
    indexMs: () => Math.round(indexMs),
    searchMs: () => Math.round(searchMs),
  };
}

async function measureOne(n: number, backend: Backend): Promise<Measure> {
  const table = syntheticTable(n, 42);
  const pgUrl = process.env.BENCH_PG_URL;
  if (backend === 'postgres-cube' && !pgUrl) throw new Error('BENCH_PG_URL is not set');
  const search = timed(backend === 'kd-tree' ? kdTreeSearch : postgresCubeSearch({ connectionString: pgUrl! }));
  const t1 = performance.now();
  const result = await generateAvatarsWith(table, { k: K, ncp: NCP, seed: 7 }, search.search);
  const t2 = performance.now();
  if (result.avatars.rows.length !== n) throw new Error('wrong number of avatars');
  const usage = process.memoryUsage();
  return {
    n,
    backend,
    buildMs: Math.round(t2 - t1),
    indexMs: search.indexMs(),
    searchMs: search.searchMs(),
    heapMiB: Math.round(usage.heapUsed / 2 ** 20),
    rssMiB: Math.round(process.resourceUsage().maxRSS / 1024),
    avatarsHash: createHash('sha256').update(JSON.stringify(result.avatars.rows)).digest('hex'),
  };
}

function runChild(n: number, backend: Backend, env: NodeJS.ProcessEnv): Promise<Measure> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--max-old-space-size=8192', '--import', 'tsx', fileURLToPath(import.meta.url), '--child', String(n), backend], {
      env,
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (out += chunk));
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolve(JSON.parse(out) as Measure) : reject(new Error(`benchmark child exited with ${code}`))));
  });
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

async function main(): Promise<void> {
  const child = process.argv.indexOf('--child');
  if (child >= 0) {
    process.stdout.write(JSON.stringify(await measureOne(Number(process.argv[child + 1]), process.argv[child + 2] as Backend)));
    return;
  }
  const oneMillion = process.argv.includes('--1m') || process.env.BENCH_AVATAR_1M === '1';
  const sizes = [10_000, 100_000, ...(oneMillion ? [1_000_000] : [])];
  const withPostgres = !process.argv.includes('--no-postgres') && (process.env.BENCH_PG_URL !== undefined || postgresBinDir() !== undefined);
  let server: RunningPostgres | undefined;
  let pgUrl = process.env.BENCH_PG_URL;
  if (withPostgres && pgUrl === undefined) {
    server = await startPostgres();
    pgUrl = server.connectionString;
  }
  const postmaster = server ? postmasterPid(Number(new URL(server.connectionString).port)) : undefined;
  const results: Measure[] = [];
  try {
    for (const n of sizes) {
      const backends: Backend[] = ['kd-tree', ...(withPostgres && (n < 1_000_000 || process.argv.includes('--1m-postgres')) ? (['postgres-cube'] as const) : [])];
      for (const backend of backends) {
        const stopSampling = backend === 'postgres-cube' && postmaster !== undefined ? samplePeak(postmaster) : undefined;
        const m = await runChild(n, backend, { ...process.env, ...(pgUrl !== undefined && { BENCH_PG_URL: pgUrl }) });
        if (stopSampling) m.serverMiB = stopSampling();
        results.push(m);
        process.stdout.write(`${n} rows, ${backend}: build ${seconds(m.buildMs)} (k-NN ${seconds(m.indexMs + m.searchMs)}), max RSS ${m.rssMiB} MiB${m.serverMiB !== undefined ? `, PostgreSQL ${m.serverMiB} MiB` : ''}\n`);
      }
    }
  } finally {
    await server?.stop();
  }
  const sameAvatars = (m: Measure) => {
    const reference = results.find((r) => r.n === m.n && r.backend === 'kd-tree');
    return m.backend === 'kd-tree' ? '(reference)' : reference?.avatarsHash === m.avatarsHash ? 'yes' : '**no**';
  };
  const table = [
    '| rows × columns | neighbour search | avatar build (fit + k-NN + decode) | of which k-NN: index + queries | rows/s | Node max RSS | PostgreSQL peak (Pss) | same avatars as KD-tree | goal |',
    '|---|---|---|---|---|---|---|---|---|',
    ...results.map(
      (m) =>
        `| ${m.n.toLocaleString('en')} × 30 | ${m.backend} | ${seconds(m.buildMs)} | ${seconds(m.indexMs)} + ${seconds(m.searchMs)} | ${Math.round(m.n / (m.buildMs / 1000)).toLocaleString('en')} | ${m.rssMiB} MiB | ${m.serverMiB !== undefined ? `${m.serverMiB} MiB` : m.backend === 'kd-tree' ? '—' : 'not measured'} | ${sameAvatars(m)} | ${m.n === 100_000 ? (m.buildMs < 60_000 ? '< 60 s: met' : '< 60 s: **missed**') : ''} |`,
    ),
  ].join('\n');
  const load = os.loadavg().map((l) => l.toFixed(1)).join(' / ');
  const md = `# Avatar build benchmark

Generated by \`npm run bench:avatar\` (bench/avatar/run.ts) on ${new Date().toISOString().slice(0, 10)}: Node ${process.version}, ${os.cpus().length} CPU(s) (${os.cpus()[0]?.model ?? 'unknown'}); load average at the end ${load}.
Synthetic table: 20 numeric columns (2 % missing) and 10 categorical columns (3–5 levels) driven by 4 latent
factors; FAMD, k = ${K}, ncp = ${NCP}, 'avatar' weighting. Max RSS includes the input table (JS rows) and the avatars.
Generating the synthetic input is not counted in the build time. Times are wall-clock: on a machine shared
with other jobs they include waiting for a CPU.

Neighbour search: \`kd-tree\` is the embedded default (single thread, in the Node process);
\`postgres-cube\` is PostgreSQL 15's contrib cube extension with a GiST index on a local throw-away server
(${withPostgres ? 'started by the bench, fsync off' : 'not run'}), 256 rows per query, 2 connections in parallel. The PostgreSQL
column is the peak of the server's summed Pss (postmaster and backends, shared buffers counted once),
sampled every 200 ms. "Same avatars" compares a SHA-256 of the avatar rows with the KD-tree's.

${table}
`;
  mkdirSync(path.resolve(here, '../results'), { recursive: true });
  writeFileSync(path.resolve(here, '../results/avatar.md'), md);
  process.stdout.write(md);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await main();
