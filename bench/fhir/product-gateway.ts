/**
 * The benchmark's gateway process, started the way the product starts it: the compiled output of
 * this tree (`tsc -p tsconfig.build.json`, what `npm start` and the Docker image run), as
 * `node dist/cli/main.js serve --config FILE`, with the same configuration `bench/fhir/servers.ts`
 * used to assemble in-process: SQLite mapping store and audit trail in a fresh temporary folder, the
 * demo-research policy with a rate limit the load cannot reach (the limiter runs, and never refuses),
 * request logs at the production default level (info; discarded).
 *
 * Why not the TypeScript sources under tsx, as before the sixth round: tsx's transform made the same
 * gateway cost 8–16 % more CPU per read than its compiled output (docs/fhir-performance.md, "Sixth
 * round"), so the bench measured a slower gateway than the one users run.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createServer, type AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { BENCH_POLICY, BENCH_SECRET } from './shared.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

export interface ProductGateway {
  readonly url: string;
  readonly child: ChildProcess;
}

/**
 * Compiles a tree (default: this one) into its dist/ (as `npm start` does first), so the bench
 * measures the current sources.
 */
export function buildProduct(tree: string = root): void {
  const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
  execFileSync(process.execPath, [tsc, '-p', 'tsconfig.build.json'], { cwd: tree, stdio: 'inherit' });
}

/**
 * `voile serve` on a free loopback port, in front of `upstream`; resolves once `/healthz` answers.
 * `nodeFlags` go before the script (e.g. `--cpu-prof`); `tree` is the built tree to run (default: this
 * one). The temporary folder is removed when this process exits.
 */
export async function startProductGateway(upstream: string, nodeFlags: readonly string[] = [], tree: string = root): Promise<ProductGateway> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'voile-bench-'));
  process.on('exit', () => rmSync(dataDir, { recursive: true, force: true }));
  const policiesDir = path.join(dataDir, 'policies');
  mkdirSync(policiesDir);
  const policy = readFileSync(path.join(tree, 'policies', `${BENCH_POLICY}.yaml`), 'utf8');
  writeFileSync(path.join(policiesDir, `${BENCH_POLICY}.yaml`), `${policy}\nlimits:\n  requestsPerMinute: 100000000\n`);
  const port = await freePort();
  const configFile = path.join(dataDir, 'voile.json');
  writeFileSync(
    configFile,
    JSON.stringify({
      listen: { host: '127.0.0.1', port },
      upstream: { fhir: { url: upstream, connections: 64 } },
      identity: { domains: { demo: { secret: `base64:${BENCH_SECRET.toString('base64')}` } } },
      store: { sqlite: { path: path.join(dataDir, 'voile.db') } },
      policies: { dir: policiesDir, profilesDir: path.join(tree, 'profiles'), only: [BENCH_POLICY] },
      auth: { mode: 'none', policy: BENCH_POLICY },
      logging: { level: 'info' },
    }),
  );
  // The gateway logs one line per request (production default level): written, then discarded.
  const child = spawn(process.execPath, [...nodeFlags, 'dist/cli/main.js', 'serve', '--config', configFile], {
    cwd: tree,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const exited = new Promise<never>((_, reject) => child.once('exit', (code) => reject(new Error(`gateway exited with code ${code}`))));
  const origin = `http://127.0.0.1:${port}`;
  await Promise.race([waitUntilServing(`${origin}/healthz`), exited]);
  exited.catch(() => {}); // a later exit (SIGTERM at the end) is expected
  return { url: `${origin}/fhir`, child };
}

/** A port the kernel just handed out on loopback (released at once for the gateway to take). */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

async function waitUntilServing(url: string): Promise<void> {
  const deadline = Date.now() + 60_000;
  for (;;) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error('the gateway did not start within 60 s');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
