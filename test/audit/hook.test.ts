import type { Bundle } from '@medplum/fhirtypes';
import Fastify, { type FastifyInstance } from 'fastify';
import { afterEach, describe, expect, it } from 'vitest';
import { auditPlugin, noteUpstreamLatency } from '../../src/audit/hook.js';
import { VoileError } from '../../src/errors.js';
import { MemoryAuditStore } from '../../src/store/audit-store.js';
import { installTestErrorHandler } from '../auth/error-handler.js';
import { testPolicy } from '../auth/fixtures.js';

const NAME = 'Dupont-Moreau';
const REAL_ID = 'real-patient-8841';
const PSEUDONYM = 'aPseudonymOfPatient';

describe('audit hook', () => {
  let app: FastifyInstance | undefined;
  afterEach(async () => app?.close());

  async function build(store: MemoryAuditStore): Promise<FastifyInstance> {
    const instance = Fastify({ logger: false });
    installTestErrorHandler(instance);
    await instance.register(auditPlugin, { store });
    const policy = testPolicy('research');
    instance.addHook('onRequest', async (request) => {
      if (request.headers.authorization === 'Bearer good') request.principal = { clientId: 'app-a', scopes: ['system/*.rs'], policy };
      else if (request.url.startsWith('/fhir')) throw new VoileError('UNAUTHENTICATED', 'The access token is not valid');
    });
    instance.get('/fhir/:type', async (request) => {
      noteUpstreamLatency(request, 4);
      noteUpstreamLatency(request, 3);
      const bundle: Bundle = {
        resourceType: 'Bundle',
        type: 'searchset',
        entry: [
          { resource: { resourceType: 'Observation', id: PSEUDONYM, status: 'final', code: { text: 'hr' } } },
          { resource: { resourceType: 'Observation', id: 'o2', status: 'final', code: { text: 'hr' } } },
          { resource: { resourceType: 'Patient', id: PSEUDONYM, name: [{ family: 'Anonymous' }] } },
        ],
      };
      return bundle;
    });
    instance.get('/fhir/:type/:id', async () => {
      throw new VoileError('ANONYMIZATION_FAILED', 'The response could not be anonymized');
    });
    instance.get('/healthz', async () => ({ ok: true }));
    return instance;
  }

  it('records client, policy, interaction, returned types and counts, outcome and latency', async () => {
    const store = new MemoryAuditStore();
    app = await build(store);
    const res = await app.inject({ url: `/fhir/Observation?subject=Patient/${PSEUDONYM}&name=${NAME}`, headers: { authorization: 'Bearer good' } });
    expect(res.statusCode).toBe(200);
    const [row] = await store.query({ limit: 10 });
    const r = row!.record;
    expect(r).toMatchObject({ clientId: 'app-a', policy: 'research', method: 'GET', interaction: 'search', route: '/fhir/:type', resourceType: 'Observation', status: 200, outcome: '0', errorCode: null, returned: { Observation: 2, Patient: 1 }, upstreamLatencyMs: 7 });
    expect(r.durationMs).toBeGreaterThan(0);
    expect(Date.parse(r.recorded)).not.toBeNaN();
  });

  it('never stores the URL, a query value, an id or a pseudonym', async () => {
    const store = new MemoryAuditStore();
    app = await build(store);
    await app.inject({ url: `/fhir/Observation?subject=Patient/${PSEUDONYM}&name=${NAME}`, headers: { authorization: 'Bearer good' } });
    await app.inject({ url: `/fhir/Patient/${REAL_ID}`, headers: { authorization: 'Bearer good' } });
    const all = JSON.stringify(await store.query({ limit: 10 }));
    for (const secret of [NAME, REAL_ID, PSEUDONYM, 'subject=']) expect(all).not.toContain(secret);
  });

  it('records refusals and failures with their Voile code, and nothing as returned', async () => {
    const store = new MemoryAuditStore();
    app = await build(store);
    await app.inject({ url: '/fhir/Observation' });
    await app.inject({ url: `/fhir/Patient/${REAL_ID}`, headers: { authorization: 'Bearer good' } });
    const [refused, failed] = (await store.query({ limit: 10 })).map((r) => r.record);
    expect(refused).toMatchObject({ clientId: null, status: 401, outcome: '4', errorCode: 'UNAUTHENTICATED', returned: {} });
    expect(failed).toMatchObject({ clientId: 'app-a', interaction: 'read', status: 500, outcome: '12', errorCode: 'ANONYMIZATION_FAILED', returned: {} });
  });

  it('does not audit health checks', async () => {
    const store = new MemoryAuditStore();
    app = await build(store);
    await app.inject({ url: '/healthz' });
    expect(await store.query({ limit: 10 })).toEqual([]);
  });
});
