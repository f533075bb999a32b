import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testPolicy } from '../fhir-proxy/support/policy.js';
import { startBulkGateway } from './support/stack.js';

/**
 * Regression: a Bulk job whose page held several resources the policy could not anonymize called
 * `onAnonymizationFailure` once per resource (the page's resources are anonymized together), so
 * `voile_anonymization_failures_total{transport="bulk"}` counted one failed job several times.
 * One job that fails to anonymize is one failure. Real HTTP: a FHIR server on port 0 serving a page
 * of five Conditions, every one of which the policy refuses, then a second page never reached.
 */
let upstream: Server;
let upstreamUrl: string;

beforeAll(async () => {
  upstream = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    res.writeHead(200, { 'content-type': 'application/fhir+json' });
    if (url.pathname !== '/fhir/Condition') {
      res.end(JSON.stringify({ resourceType: 'Bundle', type: 'searchset' }));
      return;
    }
    const entry = [1, 2, 3, 4, 5].map((n) => ({ resource: { resourceType: 'Condition', id: `c${n}`, subject: { reference: 'Patient/p1' } } }));
    res.end(JSON.stringify({ resourceType: 'Bundle', type: 'searchset', entry, link: [{ relation: 'next', url: `${upstreamUrl}/Condition?page=2` }] }));
  });
  await new Promise<void>((resolve) => upstream.listen(0, '127.0.0.1', resolve));
  upstreamUrl = `http://127.0.0.1:${(upstream.address() as AddressInfo).port}/fhir`;
});
afterAll(async () => {
  await new Promise((r) => upstream.close(r));
});

describe('a Bulk job that fails to anonymize is counted once', () => {
  it('five refused resources on one page: one failed job, one failure counted', async () => {
    let failures = 0;
    const refusing = testPolicy({ resourceTypes: ['Condition'], failWhen: (r) => r.resourceType === 'Condition' });
    const g = await startBulkGateway(upstreamUrl, { onAnonymizationFailure: () => (failures += 1) }, {}, refusing);
    try {
      const manifest = await g.waitForManifest(await g.kickoff('$export?_type=Condition'));
      expect(manifest.output).toEqual([]);
      expect(manifest.error).toHaveLength(1);
      expect(failures).toBe(1);
    } finally {
      await g.close();
    }
  });

  it('two failed jobs are two failures', async () => {
    let failures = 0;
    const refusing = testPolicy({ resourceTypes: ['Condition'], failWhen: (r) => r.resourceType === 'Condition' });
    const g = await startBulkGateway(upstreamUrl, { onAnonymizationFailure: () => (failures += 1) }, {}, refusing);
    try {
      for (let i = 0; i < 2; i++) await g.waitForManifest(await g.kickoff('$export?_type=Condition'));
      expect(failures).toBe(2);
    } finally {
      await g.close();
    }
  });
});
