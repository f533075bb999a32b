/**
 * Regression: the Bulk plugin opened its own upstream pool without the gateway's metrics observer,
 * and DICOMweb's upstream client had no metrics at all, so their upstream failures never reached
 * `/metrics`. Assembled as `voile serve` assembles it (assembleGateway), in front of a FHIR server
 * and a PACS that both answer 500 with bodies quoting data: the failures are counted, labelled
 * by upstream and kind only, and no upstream byte reaches the metrics or the client.
 */
import { mkdtempSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assembleGateway } from '../../src/cli/gateway.js';
import { validateConfig } from '../../src/config/load.js';

const LEAK = 'Jeanne Moreau-Lefebvre 1948-05-02';
let fhir: Server;
let pacs: Server;
let app: FastifyInstance;
let base: string;

async function serve(handler: Parameters<typeof createServer>[1]): Promise<Server> {
  const server = createServer(handler);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return server;
}
const portOf = (server: Server) => (server.address() as AddressInfo).port;

beforeAll(async () => {
  const failing: Parameters<typeof createServer>[1] = (_req, res) => {
    res.writeHead(500, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ diagnostics: LEAK }));
  };
  fhir = await serve(failing);
  pacs = await serve(failing);
  ({ app } = await assembleGateway({
    baseDir: mkdtempSync(join(tmpdir(), 'voile-shared-upstream-')),
    env: { VOILE_SECRET_RESEARCH: 'hex:' + '44'.repeat(32) },
    config: validateConfig({
      upstream: {
        fhir: { url: `http://127.0.0.1:${portOf(fhir)}/fhir`, timeoutMs: 2000 },
        dicomweb: { url: `http://127.0.0.1:${portOf(pacs)}/dicom-web`, timeoutMs: 2000 },
      },
      identity: { domains: { research: { secretEnv: 'VOILE_SECRET_RESEARCH' } } },
      store: { sqlite: { path: 'data/voile.db' } },
      policies: { only: ['research-partner'] },
      auth: { mode: 'none', policy: 'research-partner' },
      logging: { level: 'silent' },
    }),
  }));
  await app.listen({ host: '127.0.0.1', port: 0 });
  base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await app?.close();
  for (const server of [fhir, pacs]) await new Promise<void>((r) => (server ? server.close(() => r()) : r()));
});

async function metricValue(upstream: string, kind: string): Promise<number> {
  const text = await (await fetch(`${base}/metrics`)).text();
  expect(text).not.toContain(LEAK);
  const line = text.split('\n').find((l) => l.startsWith(`voile_upstream_errors_total{upstream="${upstream}",kind="${kind}"}`));
  return line === undefined ? 0 : Number(line.split(' ').pop());
}

describe('Bulk and DICOMweb use the gateway\'s upstream client and metrics', () => {
  it('a bulk job failing on the FHIR upstream is counted with the proxy\'s upstream errors', async () => {
    const before = await metricValue('fhir', 'status');
    const kickoff = await fetch(`${base}/fhir/$export?_type=Observation`, { headers: { prefer: 'respond-async' } });
    expect(kickoff.status).toBe(202);
    const statusUrl = kickoff.headers.get('content-location')!;
    let manifest: { output: unknown[]; error: { url: string }[] } | undefined;
    for (let i = 0; i < 200 && manifest === undefined; i++) {
      const res = await fetch(statusUrl);
      if (res.status === 200) manifest = (await res.json()) as typeof manifest;
      else await new Promise((r) => setTimeout(r, 25));
    }
    expect(manifest?.output).toEqual([]);
    expect(manifest?.error).toHaveLength(1);
    expect(await (await fetch(manifest!.error[0]!.url)).text()).not.toContain(LEAK);
    expect(await metricValue('fhir', 'status')).toBeGreaterThan(before);
  });

  it('a DICOMweb upstream failure is a clean 502 and is counted under upstream="dicomweb"', async () => {
    const before = await metricValue('dicomweb', 'status');
    const res = await fetch(`${base}/dicomweb/studies`, { headers: { accept: 'application/dicom+json' } });
    expect(res.status).toBe(502);
    expect(await res.text()).not.toContain(LEAK);
    expect(await metricValue('dicomweb', 'status')).toBe(before + 1);
  });
});
