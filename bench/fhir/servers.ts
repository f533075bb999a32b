/**
 * Child-process entry of the FHIR benchmark: one server per process, so the load generator, the
 * upstream, the pass-through proxy and the gateway do not share an event loop (which would make
 * each one's cost show up in the others' latencies).
 *
 *   upstream                 the embedded demo FHIR server with the default cohort
 *   passthrough <upstream>   a plain proxy (undici pool, no anonymization)
 *   gateway <upstream>       the Voile gateway assembled in this process from the sources (under tsx), demo-research
 *                            policy (research-strict); only for BENCH_GATEWAY_PROCESSES > 1 in cpu.ts: bench:fhir and
 *                            cpu.ts otherwise start the compiled product (bench/fhir/product-gateway.ts)
 *   floor <upstream>         a bare fastify proxy that parses and re-serializes the upstream JSON (no hooks, no
 *                            anonymization): the least a JSON-rewriting proxy on this stack costs
 *
 * BENCH_GATEWAY_PROCESSES=N (default 1) runs the gateway as N node:cluster workers sharing one port
 * and one data folder, to measure whether more processes help on this machine (docs/fhir-performance.md,
 * "Fourth round": on 2 cores they did not).
 *
 * Each child reports `{ url }` to its parent over IPC once it listens, then serves until killed.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import cluster from 'node:cluster';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import Fastify from 'fastify';
import { Pool } from 'undici';
import { startDemoUpstream } from '../../src/demo/upstream.js';
import { assembleGateway } from '../../src/cli/gateway.js';
import { validateConfig, type LoadedConfig } from '../../src/config/load.js';
import { BENCH_POLICY, BENCH_SECRET } from './shared.js';

const [role, upstreamUrl] = process.argv.slice(2);

async function main(): Promise<string> {
  switch (role) {
    case 'upstream':
      return (await startDemoUpstream()).url;
    case 'passthrough':
      return startPassThrough(requireArg(upstreamUrl));
    case 'floor':
      return startFloor(requireArg(upstreamUrl));
    case 'gateway':
      return startGatewayProcesses(requireArg(upstreamUrl), Number(process.env.BENCH_GATEWAY_PROCESSES ?? 1));
    default:
      throw new Error(`unknown role ${role}`);
  }
}

/** Forwards GETs to the upstream as they are and streams the answer back: the cost of a hop. */
async function startPassThrough(upstream: string): Promise<string> {
  const target = new URL(upstream);
  const pool = new Pool(target.origin, { connections: 64, pipelining: 1 });
  const server = createServer((req, res) => {
    const suffix = (req.url ?? '/').replace(/^\/fhir/, '');
    pool
      .request({ method: 'GET', path: `${target.pathname}${suffix}`, headers: { accept: 'application/fhir+json' } })
      .then(async ({ statusCode, headers, body }) => {
        res.writeHead(statusCode, { 'content-type': String(headers['content-type'] ?? 'application/fhir+json') });
        for await (const chunk of body) res.write(chunk);
        res.end();
      })
      .catch(() => {
        res.writeHead(502).end();
      });
  });
  server.keepAliveTimeout = 60_000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}/fhir`;
}

/** fastify + undici, `JSON.parse` of the upstream body and `JSON.stringify` of the answer, nothing else. */
async function startFloor(upstream: string): Promise<string> {
  const target = new URL(upstream);
  const pool = new Pool(target.origin, { connections: 64, pipelining: 1 });
  const app = Fastify({ logger: false });
  app.get('/fhir/*', async (request, reply) => {
    const suffix = request.url.replace(/^\/fhir/, '');
    const { statusCode, body } = await pool.request({ method: 'GET', path: `${target.pathname}${suffix}`, headers: { accept: 'application/fhir+json' } });
    const parsed = JSON.parse(await body.text()) as unknown;
    return reply.code(statusCode).header('content-type', 'application/fhir+json').send(JSON.stringify(parsed));
  });
  await app.listen({ port: 0, host: '127.0.0.1' });
  return `http://127.0.0.1:${(app.server.address() as AddressInfo).port}/fhir`;
}

/** N > 1: this process forks N cluster workers (each runs `startGateway`) and answers their shared URL. */
async function startGatewayProcesses(upstream: string, processes: number): Promise<string> {
  if (processes <= 1 || !cluster.isPrimary) return startGateway(upstream);
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'voile-bench-'));
  process.on('exit', () => rmSync(dataDir, { recursive: true, force: true }));
  process.env.BENCH_GATEWAY_DATA_DIR = dataDir;
  const urls = await Promise.all(
    Array.from({ length: processes }, () => new Promise<string>((resolve) => cluster.fork().once('message', (m: { url: string }) => resolve(m.url)))),
  );
  return urls[0]!;
}

/**
 * The gateway as `voile serve` assembles it (`assembleGateway`): SQLite mapping store and audit
 * trail in a fresh temporary folder, rate limits (out of reach), bulk plugin, request logs at the production
 * default level (info; the parent discards this child's stdout).
 */
async function startGateway(upstream: string): Promise<string> {
  // A cluster worker shares its primary's folder (the primary removes it).
  const shared = process.env.BENCH_GATEWAY_DATA_DIR;
  const dataDir = shared ?? mkdtempSync(path.join(os.tmpdir(), 'voile-bench-'));
  if (shared === undefined) process.on('exit', () => rmSync(dataDir, { recursive: true, force: true }));
  // The bench policy is demo-research with a rate limit the load cannot reach: the limiter still
  // runs (and costs what it costs) on every request, but never refuses one.
  const policiesDir = path.join(dataDir, 'policies');
  mkdirSync(policiesDir, { recursive: true });
  const policy = readFileSync(path.resolve(process.cwd(), 'policies', `${BENCH_POLICY}.yaml`), 'utf8');
  writeFileSync(path.join(policiesDir, `${BENCH_POLICY}.yaml`), `${policy}\nlimits:\n  requestsPerMinute: 100000000\n`);
  const loaded: LoadedConfig = {
    baseDir: process.cwd(),
    env: {},
    config: validateConfig(
      {
        listen: { host: '127.0.0.1', port: 0 },
        upstream: { fhir: { url: upstream, connections: 64 } },
        identity: { domains: { demo: { secret: `base64:${BENCH_SECRET.toString('base64')}` } } },
        store: { sqlite: { path: path.join(dataDir, 'voile.db') } },
        policies: { dir: policiesDir, profilesDir: path.resolve(process.cwd(), 'profiles'), only: [BENCH_POLICY] },
        auth: { mode: 'none', policy: BENCH_POLICY },
        logging: { level: 'info' },
      },
      'bench configuration',
    ),
  };
  const { app } = await assembleGateway(loaded);
  await app.listen({ port: 0, host: '127.0.0.1' });
  return `http://127.0.0.1:${(app.server.address() as AddressInfo).port}/fhir`;
}

function requireArg(value: string | undefined): string {
  if (!value) throw new Error(`${role} needs the upstream URL`);
  return value;
}

main().then(
  (url) => process.send?.({ url }),
  (err: unknown) => {
    process.stderr.write(`bench server ${role} failed: ${err instanceof Error ? err.message : 'error'}\n`);
    process.exit(1);
  },
);

// A clean exit on SIGTERM lets --cpu-prof (BENCH_CPU_PROF) write its profile.
process.on('SIGTERM', () => process.exit(0));
