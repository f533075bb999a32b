import type { ServerResponse } from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Patient } from '@medplum/fhirtypes';
import { request } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cohort, IDENTIFYING_VALUES, patientDupont } from '../fhir-proxy/support/fixtures.js';
import { startFakeFhirServer, type FakeFhirServer } from '../fhir-proxy/support/fake-fhir-server.js';
import { startGateway } from '../fhir-proxy/support/gateway.js';
import { testPolicy } from '../fhir-proxy/support/policy.js';

/**
 * Regression: closing the gateway waited the keep-alive timeout (72 s) for a response that was in
 * flight when the close began. Node's server close drops idle connections only; it skips one whose
 * response is still being produced, and once that response ends the connection is kept alive, so
 * the close waits for it. Bulk had its own fix (test/bulk/close-with-download-in-flight.test.ts);
 * every route shares the hazard. Here a FHIR read's upstream answer is held until the gateway has
 * stopped listening, which forces that order: the read must still complete whole, and the close
 * must not wait for its connection.
 */
let upstream: FakeFhirServer;
const policy = testPolicy();

beforeAll(async () => {
  upstream = await startFakeFhirServer(cohort());
});
afterAll(async () => {
  await upstream?.close();
});

describe('closing the gateway while a FHIR read is in flight', () => {
  it('completes the read with its whole body and closes without waiting for the keep-alive timeout', async () => {
    const gw = await startGateway(upstream.url, policy);
    let held: ServerResponse | undefined;
    let arrived!: () => void;
    const upstreamReached = new Promise<void>((resolve) => (arrived = resolve));
    upstream.override = (req, res) => {
      if (req.path !== '/fhir/R4/Patient/pat-dupont') return false;
      held = res;
      arrived();
      return true;
    };
    const release = () => {
      if (held === undefined || held.writableEnded) return;
      held.writeHead(200, { 'content-type': 'application/fhir+json' });
      held.end(JSON.stringify(patientDupont));
    };
    try {
      const id = policy.identity.pseudonymizeId('Patient', 'pat-dupont');
      const response = request(`${gw.url}/fhir/Patient/${id}`);
      await upstreamReached;

      const closed = gw.app.close().then(() => 'closed' as const);
      // The answer comes only once the server has stopped listening (its idle connections dropped).
      while (gw.app.server.listening) await sleep(5);
      release();

      const res = await response;
      expect(res.statusCode).toBe(200);
      const text = await res.body.text();
      expect(Buffer.byteLength(text)).toBe(Number(res.headers['content-length']));
      const patient = JSON.parse(text) as Patient;
      expect(patient).toMatchObject({ resourceType: 'Patient', id, gender: 'female', birthDate: '1970' });
      for (const value of IDENTIFYING_VALUES) expect(text).not.toContain(value);

      expect(await Promise.race([closed, sleep(5_000).then(() => 'still open after 5 s' as const)])).toBe('closed');
    } finally {
      upstream.override = undefined;
      release();
      // Old behaviour: the close would wait 72 s for the kept-alive connection; end it here.
      gw.app.server.closeAllConnections();
      await gw.close();
    }
  });
});
