/**
 * Latency of one clinical note through the gateway: `GET /fhir/Observation?status=final` on the
 * gateway as `voile serve` assembles it (policy research-text, loopback auth), whose upstream
 * answers a one-entry Bundle: an Observation holding the note in valueString; the gateway de-identifies it (rules + NER model) on
 * the way back. Sequential requests, after a warm-up (the model's worker starts on first use).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { assembleGateway } from '../../src/cli/gateway.js';
import { validateConfig } from '../../src/config/load.js';

export interface GatewayLatency {
  medianMs: number;
  p95Ms: number;
  runs: number;
}

export async function gatewayNoteLatency(note: string, runs = 50): Promise<GatewayLatency> {
  const observation = { resourceType: 'Observation', id: 'note-1', status: 'final', code: { text: 'Clinical note' }, subject: { reference: 'Patient/p-1' }, valueString: note };
  const bundle = JSON.stringify({ resourceType: 'Bundle', type: 'searchset', total: 1, entry: [{ fullUrl: 'http://upstream/fhir/Observation/note-1', resource: observation, search: { mode: 'match' } }] });
  const upstream = createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'application/fhir+json' });
    res.end(bundle);
  });
  await new Promise<void>((resolve) => upstream.listen(0, '127.0.0.1', resolve));
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'voile-text-bench-'));
  const { app } = await assembleGateway({
    baseDir: dataDir,
    env: {},
    config: validateConfig(
      {
        upstream: { fhir: { url: `http://127.0.0.1:${(upstream.address() as AddressInfo).port}/fhir` } },
        identity: { domains: { research: { secret: `hex:${'5a'.repeat(32)}` } } },
        store: { sqlite: { path: 'voile.db' } },
        policies: { only: ['research-text'] },
        auth: { mode: 'none', policy: 'research-text' },
        logging: { level: 'silent' },
      },
      'bench configuration',
    ),
  });
  try {
    await app.listen({ host: '127.0.0.1', port: 0 });
    const url = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}/fhir/Observation?status=final`;
    const once = async () => {
      const t = performance.now();
      const res = await fetch(url);
      const body = (await res.json()) as { entry?: { resource?: { valueString?: string } }[] };
      const value = body.entry?.[0]?.resource?.valueString;
      if (res.status !== 200 || typeof value !== 'string' || value === note) throw new Error(`the gateway did not de-identify the note (status ${res.status})`);
      return performance.now() - t;
    };
    for (let i = 0; i < 5; i++) await once();
    const times: number[] = [];
    for (let i = 0; i < runs; i++) times.push(await once());
    times.sort((a, b) => a - b);
    return { medianMs: times[Math.floor(runs / 2)]!, p95Ms: times[Math.ceil(runs * 0.95) - 1]!, runs };
  } finally {
    await app.close();
    await new Promise<void>((resolve) => upstream.close(() => resolve()));
    rmSync(dataDir, { recursive: true, force: true });
  }
}
