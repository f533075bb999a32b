import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cohort } from './support/fixtures.js';
import { startFakeFhirServer, type FakeFhirServer } from './support/fake-fhir-server.js';
import { startGateway } from './support/gateway.js';
import { testPolicy } from './support/policy.js';

/** Upstream TLS is always verified: an untrusted certificate is an unavailable upstream, a configured CA works. */
const dir = path.resolve(process.cwd(), 'test/fhir-proxy/support/tls');
const cert = readFileSync(path.join(dir, 'upstream-cert.pem'), 'utf8');
const key = readFileSync(path.join(dir, 'upstream-key.pem'), 'utf8');
const policy = testPolicy();
const smith = policy.identity.pseudonymizeId('Patient', 'pat-smith');
let upstream: FakeFhirServer;

beforeAll(async () => {
  upstream = await startFakeFhirServer(cohort(), '/fhir/R4', { cert, key });
});
afterAll(async () => upstream?.close());

describe('upstream TLS', () => {
  it('refuses a self-signed upstream certificate (503, nothing relayed)', async () => {
    const gw = await startGateway(upstream.url, policy);
    try {
      const res = await fetch(`${gw.url}/fhir/Patient/${smith}`);
      expect(res.status).toBe(503);
      expect(upstream.requests).toHaveLength(0);
    } finally {
      await gw.close();
    }
  });

  it('trusts the upstream when its CA is configured', async () => {
    const gw = await startGateway(upstream.url, policy, { upstream: { fhir: { url: upstream.url, ca: cert, timeoutMs: 2000 } } });
    try {
      const res = await fetch(`${gw.url}/fhir/Patient/${smith}`);
      expect(res.status).toBe(200);
      expect(((await res.json()) as { id: string }).id).toBe(smith);
    } finally {
      await gw.close();
    }
  });
});
