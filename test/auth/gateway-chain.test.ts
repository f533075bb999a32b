import { Writable } from 'node:stream';
import { Client } from 'fhir-kit-client';
import type { LoggerOptions } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditPlugin } from '../../src/audit/hook.js';
import { createAuthenticator } from '../../src/auth/authenticator.js';
import { requestLimitsPlugin } from '../../src/auth/limits.js';
import type { PolicyRegistry } from '../../src/policy/runtime.js';
import { buildGateway } from '../../src/server/app.js';
import { MemoryAuditStore } from '../../src/store/audit-store.js';
import { cohort, IDENTIFYING_VALUES } from '../fhir-proxy/support/fixtures.js';
import { startFakeFhirServer, type FakeFhirServer } from '../fhir-proxy/support/fake-fhir-server.js';
import { testPolicy } from '../fhir-proxy/support/policy.js';
import { startAuthServer, type TestAuthServer } from '../helpers/oidc.js';

const AUDIENCE = 'https://voile.chain.test/fhir';

/**
 * The whole chain as the composition root assembles it: a partner gets a token from a real
 * authorization server (SMART Backend Services), calls the gateway with a real FHIR client library,
 * the gateway validates the token, binds the policy, serves, limits and audits — and its logs
 * carry neither the data nor the token.
 */
describe('token → gateway → audit, with a FHIR client library', () => {
  let as: TestAuthServer;
  let upstream: FakeFhirServer;
  let gatewayUrl: string;
  let close: () => Promise<void>;
  const store = new MemoryAuditStore();
  const logLines: string[] = [];
  const research = testPolicy({ name: 'research' });
  const bound = { ...research, policy: { ...research.policy, bind: { clients: ['partner-app'] }, limits: { requestsPerMinute: 1000 } } };
  const registry: PolicyRegistry = { get: (n) => (n === 'research' ? bound : undefined), all: () => [bound] };

  beforeAll(async () => {
    as = await startAuthServer({ audience: AUDIENCE, clients: [{ clientId: 'partner-app', scope: 'system/Observation.rs system/Patient.rs' }] });
    upstream = await startFakeFhirServer(cohort());
    const stream = new Writable({
      write(chunk, _enc, done) {
        logLines.push(String(chunk));
        done();
      },
    });
    const app = await buildGateway({
      publicBaseUrl: 'http://gateway.invalid',
      upstream: { fhir: { url: upstream.url, timeoutMs: 2000 } },
      registry,
      authenticate: createAuthenticator({ mode: 'jwt', audience: AUDIENCE, issuers: [{ issuer: as.issuer }] }, registry),
      logger: { level: 'trace', stream } as unknown as LoggerOptions,
    });
    await app.register(requestLimitsPlugin, {});
    await app.register(auditPlugin, { store });
    await app.listen({ port: 0, host: '127.0.0.1' });
    gatewayUrl = `http://127.0.0.1:${(app.server.address() as { port: number }).port}`;
    close = () => app.close();
  });
  afterAll(async () => {
    await close?.();
    await upstream?.close();
    await as?.close();
  });

  it('serves a search to fhir-kit-client with a real token and audits it without identifiers', async () => {
    const token = await as.token('partner-app', 'system/Observation.rs system/Patient.rs');
    const client = new Client({ baseUrl: `${gatewayUrl}/fhir`, bearerToken: token });
    const pseudonym = research.identity.patientPseudonym('pat-dupont');
    const bundle = (await client.search({ resourceType: 'Observation', searchParams: { subject: `Patient/${pseudonym}`, _count: '5' } })) as { entry?: unknown[] };
    expect(bundle.entry?.length).toBeGreaterThan(0);

    const records = (await store.query({ limit: 100 })).map((r) => r.record);
    const search = records.find((r) => r.interaction === 'search' && r.status === 200);
    expect(search).toMatchObject({ clientId: 'partner-app', policy: 'research', resourceType: 'Observation', outcome: '0' });
    expect(search!.returned.Observation).toBe(5);
    expect(search!.upstreamLatencyMs).not.toBeNull();
    expect(JSON.stringify(records)).not.toContain(pseudonym);

    const logs = logLines.join('');
    expect(logs.length).toBeGreaterThan(0);
    for (const value of [...IDENTIFYING_VALUES, pseudonym, token, token.split('.')[1]!]) expect(logs).not.toContain(value);
  });

  it('audits and logs a refused token without the token', async () => {
    const forged = `${(await as.token('partner-app', 'system/Patient.rs')).slice(0, -4)}AAAA`;
    const res = await fetch(`${gatewayUrl}/fhir/Patient?gender=female`, { headers: { authorization: `Bearer ${forged}` } });
    expect(res.status).toBe(401);
    const records = (await store.query({ limit: 100 })).map((r) => r.record);
    expect(records.at(-1)).toMatchObject({ clientId: null, status: 401, errorCode: 'UNAUTHENTICATED' });
    expect(logLines.join('')).not.toContain(forged.split('.')[1]!);
  });
});
