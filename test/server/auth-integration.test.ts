import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { VoileError } from '../../src/errors.js';
import { startFakeFhirServer, type FakeFhirServer } from '../fhir-proxy/support/fake-fhir-server.js';
import { cohort } from '../fhir-proxy/support/fixtures.js';
import { startGateway, type RunningGateway } from '../fhir-proxy/support/gateway.js';
import { testPolicy } from '../fhir-proxy/support/policy.js';

/** The `authenticate` hook: refusals become 401/403 with bearer challenges, before any upstream call. */
let upstream: FakeFhirServer;
let gw: RunningGateway;
const policy = testPolicy();

beforeAll(async () => {
  upstream = await startFakeFhirServer(cohort());
  gw = await startGateway(upstream.url, policy, {
    authenticate: async (request) => {
      const auth = request.headers.authorization;
      if (auth === undefined) throw new VoileError('UNAUTHENTICATED', 'Authentication is required');
      if (auth === 'Bearer no-policy') throw new VoileError('NO_POLICY', 'No policy is bound to this client');
      throw new VoileError('UNAUTHENTICATED', 'The access token is invalid');
    },
  });
});
afterAll(async () => {
  await gw?.close();
  await upstream?.close();
});

describe('authentication', () => {
  it('answers 401 with a bearer challenge and no upstream call', async () => {
    const res = await fetch(`${gw.url}/fhir/Patient`, { headers: { authorization: 'Bearer forged' } });
    expect(res.status).toBe(401);
    expect(res.headers.get('www-authenticate')).toMatch(/^Bearer/);
    expect(((await res.json()) as any).issue[0].code).toBe('login');
    expect(upstream.requests).toHaveLength(0);
  });

  it('answers 403 when no policy binds the client', async () => {
    const res = await fetch(`${gw.url}/fhir/Patient`, { headers: { authorization: 'Bearer no-policy' } });
    expect(res.status).toBe(403);
    expect(res.headers.get('www-authenticate')).toContain('insufficient_scope');
  });

  it('authenticates writes too, before refusing them', async () => {
    const res = await fetch(`${gw.url}/fhir/Patient`, { method: 'POST', body: '{}', headers: { 'content-type': 'application/fhir+json' } });
    expect(res.status).toBe(401);
  });

  it('leaves /healthz and /metrics open', async () => {
    expect((await fetch(`${gw.url}/healthz`)).status).toBe(200);
    expect((await fetch(`${gw.url}/metrics`)).status).toBe(200);
  });
});
