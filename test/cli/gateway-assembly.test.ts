import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assembleGateway } from '../../src/cli/gateway.js';
import { validateConfig } from '../../src/config/load.js';
import { startAuthServer, type TestAuthServer } from '../helpers/oidc.js';

/**
 * The composition root as `voile serve` runs it, with a real authorization server: the DICOM scope
 * guards /dicomweb before the PACS is called, the audit trail is readable with the admin scope, and
 * SMART discovery advertises the issuer.
 */
const AUDIENCE = 'https://voile.test';
let as: TestAuthServer;
let pacs: Server;
let pacsHits = 0;
let app: FastifyInstance;
let base: string;

beforeAll(async () => {
  pacs = createServer((_req, res) => {
    pacsHits++;
    res.writeHead(200, { 'content-type': 'application/dicom+json' });
    res.end('[]');
  });
  await new Promise<void>((r) => pacs.listen(0, '127.0.0.1', r));
  as = await startAuthServer({ audience: AUDIENCE, clients: [{ clientId: 'research-partner', scope: 'system/Observation.rs system/ImagingStudy.rs voile/audit.read' }] });
  const { app: gateway } = await assembleGateway({
    baseDir: mkdtempSync(join(tmpdir(), 'voile-assembly-')),
    env: { VOILE_SECRET_RESEARCH: 'hex:' + '33'.repeat(32) },
    config: validateConfig({
      upstream: {
        fhir: { url: 'http://127.0.0.1:9/fhir', timeoutMs: 1000 },
        dicomweb: { url: `http://127.0.0.1:${(pacs.address() as AddressInfo).port}/dicom-web` },
      },
      identity: { domains: { research: { secretEnv: 'VOILE_SECRET_RESEARCH' } } },
      store: { sqlite: { path: 'data/voile.db' } },
      policies: { only: ['research-partner'] },
      auth: { mode: 'jwt', audience: AUDIENCE, issuers: [{ issuer: as.issuer }] },
      logging: { level: 'silent' },
    }),
  });
  app = gateway;
  await app.listen({ host: '127.0.0.1', port: 0 });
  base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await app?.close();
  await as?.close();
  await new Promise<void>((r) => (pacs ? pacs.close(() => r()) : r()));
});

describe('the assembled gateway (voile serve)', () => {
  it('refuses /dicomweb to a token without the DICOM scope, before any PACS call', async () => {
    const token = await as.token('research-partner', 'system/Observation.rs');
    const res = await fetch(`${base}/dicomweb/studies`, { headers: { authorization: `Bearer ${token}` } });
    expect(res.status).toBe(403);
    expect(res.headers.get('www-authenticate')).toContain('insufficient_scope');
    expect(pacsHits).toBe(0);
  });

  it('serves /dicomweb to a token holding it', async () => {
    const token = await as.token('research-partner', 'system/ImagingStudy.rs');
    const res = await fetch(`${base}/dicomweb/studies?limit=5`, { headers: { authorization: `Bearer ${token}`, accept: 'application/dicom+json' } });
    expect(res.status).toBe(200);
    expect(pacsHits).toBe(1);
  });

  it('answers 401 without a token, and lets the admin scope read the audit trail of those requests', async () => {
    expect((await fetch(`${base}/fhir/Observation`)).status).toBe(401);
    const admin = await as.token('research-partner', 'voile/audit.read');
    const res = await fetch(`${base}/admin/audit?_format=ndjson`, { headers: { authorization: `Bearer ${admin}` } });
    expect(res.status).toBe(200);
    const events = (await res.text()).trim().split('\n').map((l) => JSON.parse(l));
    expect(events.length).toBeGreaterThanOrEqual(3);
    expect(events.every((e) => e.resourceType === 'AuditEvent')).toBe(true);
  });

  it('advertises the authorization server in SMART discovery', async () => {
    const res = await fetch(`${base}/.well-known/smart-configuration`);
    expect(res.status).toBe(200);
    const body = (await res.json()) as { issuer?: string; token_endpoint?: string };
    expect(body.token_endpoint).toBe(as.tokenEndpoint);
  });
});
