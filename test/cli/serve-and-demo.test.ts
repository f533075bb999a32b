import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Bundle } from '@medplum/fhirtypes';
import { afterAll, describe, expect, it } from 'vitest';
import { assembleGateway } from '../../src/cli/gateway.js';
import { loadConfigFile } from '../../src/config/load.js';
import { startDemoUpstream } from '../../src/demo/upstream.js';
import { generateCohort } from '../../src/demo/cohort.js';
import { freePort } from '../helpers/ports.js';

describe('voile serve: configuration file → running gateway', () => {
  it('serves anonymized FHIR, health, metrics and the audit trail store from one YAML file', async () => {
    const upstream = await startDemoUpstream({ cohort: generateCohort({ seed: 3, patients: 4 }) });
    const dir = mkdtempSync(join(tmpdir(), 'voile-serve-'));
    const config = join(dir, 'voile.yaml');
    const port = await freePort();
    writeFileSync(
      config,
      [
        `listen: { host: 127.0.0.1, port: ${port} }`,
        `publicBaseUrl: "http://localhost:${port}/"`,
        `upstream: { fhir: { url: "${upstream.url}", timeoutMs: 5000 } }`,
        'identity: { domains: { demo: { secretEnv: TEST_DEMO_SECRET } } }',
        'store: { sqlite: { path: data/voile.db } }',
        'policies: { only: [demo-research] }',
        'auth: { mode: none, policy: demo-research }',
        'logging: { level: silent }',
      ].join('\n'),
    );
    const { app } = await assembleGateway(loadConfigFile(config, { TEST_DEMO_SECRET: 'hex:' + '11'.repeat(32) }));
    try {
      await app.listen({ host: '127.0.0.1', port });
      const base = `http://127.0.0.1:${port}`;
      const bundle = (await (await fetch(`${base}/fhir/Patient?_count=10`)).json()) as Bundle;
      expect(bundle.resourceType).toBe('Bundle');
      expect(bundle.entry).toHaveLength(4);
      const realIds = new Set(upstream.cohort.patients.map((p) => p.id));
      for (const entry of bundle.entry ?? []) {
        const patient = entry.resource as { id: string; name?: unknown };
        expect(realIds.has(patient.id)).toBe(false);
        expect(patient.name).toBeUndefined();
        // Links point at the configured public URL (trailing slash trimmed), not at the listen address.
        expect(entry.fullUrl).toBe(`http://localhost:${port}/fhir/Patient/${patient.id}`);
      }
      expect((await fetch(`${base}/healthz`)).status).toBe(200);
      expect(await (await fetch(`${base}/metrics`)).text()).toMatch(/voile_/);
      expect((await fetch(`${base}/fhir/Patient`, { method: 'POST', body: '{}', headers: { 'content-type': 'application/fhir+json' } })).status).toBe(405);
      // Bulk $export is mounted: kick-off answers 202 with a status URL on the gateway.
      const kickoff = await fetch(`${base}/fhir/Patient/$export?_type=Patient`, { headers: { prefer: 'respond-async', accept: 'application/fhir+json' } });
      expect(kickoff.status).toBe(202);
      expect(kickoff.headers.get('content-location')).toMatch(new RegExp(`^http://localhost:${port}/fhir/`));
    } finally {
      await app.close();
      await upstream.close();
    }
  });
});

describe('voile demo (what npm start runs)', () => {
  let child: ChildProcess | undefined;
  afterAll(() => {
    child?.kill('SIGTERM');
  });

  it('starts the embedded upstream and the gateway, prints the URL, and serves the cohort anonymized', async () => {
    const port = await freePort();
    const data = mkdtempSync(join(tmpdir(), 'voile-demo-'));
    child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'demo', '--port', String(port), '--data', data], { stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout!.on('data', (chunk) => (output += String(chunk)));
    child.stderr!.on('data', (chunk) => (output += String(chunk)));
    const deadline = Date.now() + 60_000;
    while (!output.includes('Ctrl-C stops it') && Date.now() < deadline) {
      if (child.exitCode !== null) throw new Error(`demo exited early: ${output}`);
      await new Promise((r) => setTimeout(r, 200));
    }
    expect(output).toContain(`http://127.0.0.1:${port}/fhir`);
    const bundle = (await (await fetch(`http://127.0.0.1:${port}/fhir/Patient?_count=5`)).json()) as Bundle;
    expect(bundle.total).toBeGreaterThanOrEqual(100);
    expect(bundle.entry?.[0]?.resource?.id).toMatch(/^a[A-Za-z0-9\-.]+$/);
    const refused = await fetch(`http://127.0.0.1:${port}/fhir/Patient?name=Martin`);
    expect(refused.status).toBe(400);
    expect(await refused.text()).not.toContain('Martin');
    child.kill('SIGTERM');
    await new Promise((r) => child!.once('exit', r));
    expect(child.exitCode).toBe(0);
  });
});
