/**
 * Child-process entry of the FHIR benchmark: one server per process, so the load generator, the
 * upstream, the pass-through proxy and the gateway do not share an event loop (which would make
 * each one's cost show up in the others' latencies).
 *
 *   upstream                 the embedded demo FHIR server with the default cohort
 *   passthrough <upstream>   a plain proxy (undici pool, no anonymization)
 *   gateway <upstream>       the Voile gateway, demo-research policy (research-strict profile)
 *
 * Each child reports `{ url }` to its parent over IPC once it listens, then serves until killed.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { Pool } from 'undici';
import { startDemoUpstream } from '../../src/demo/upstream.js';
import { loadPolicyRegistry } from '../../src/policy/registry.js';
import { buildGateway, fixedPolicyAuthenticator } from '../../src/server/app.js';
import { MemoryMappingStore } from '../../src/store/mapping-store.js';
import { BENCH_POLICY, BENCH_SECRET } from './shared.js';

const [role, upstreamUrl] = process.argv.slice(2);

async function main(): Promise<string> {
  switch (role) {
    case 'upstream':
      return (await startDemoUpstream()).url;
    case 'passthrough':
      return startPassThrough(requireArg(upstreamUrl));
    case 'gateway':
      return startGateway(requireArg(upstreamUrl));
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

async function startGateway(upstream: string): Promise<string> {
  const registry = loadPolicyRegistry({
    policiesDir: path.resolve(process.cwd(), 'policies'),
    profilesDir: path.resolve(process.cwd(), 'profiles'),
    store: new MemoryMappingStore(),
    only: [BENCH_POLICY],
    secretOf: () => BENCH_SECRET,
  });
  const policy = registry.get(BENCH_POLICY)!;
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const port = (probe.address() as AddressInfo).port;
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  const app = await buildGateway({
    publicBaseUrl: `http://127.0.0.1:${port}`,
    upstream: { fhir: { url: upstream, connections: 64 } },
    registry,
    authenticate: fixedPolicyAuthenticator(policy),
    logger: false,
  });
  await app.listen({ port, host: '127.0.0.1' });
  return `http://127.0.0.1:${port}/fhir`;
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
