import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { cohort, IDENTIFYING_VALUES } from './support/fixtures.js';
import { outcome, send, startFakeFhirServer, type FakeFhirServer } from './support/fake-fhir-server.js';
import { startGateway, type RunningGateway } from './support/gateway.js';
import { testPolicy } from './support/policy.js';

/** Failures after (or instead of) the upstream call: always the gateway's own error, never upstream bytes. */
let upstream: FakeFhirServer;
let gw: RunningGateway;
const policy = testPolicy({ failWhen: (r) => r.id === 'obs-pat-dupont-7' });
const dupont = policy.identity.pseudonymizeId('Patient', 'pat-dupont');

beforeAll(async () => {
  upstream = await startFakeFhirServer(cohort());
  gw = await startGateway(upstream.url, policy);
});
afterAll(async () => {
  await gw?.close();
  await upstream?.close();
});
afterEach(() => {
  upstream.override = undefined;
});

async function get(path: string) {
  const res = await fetch(`${gw.url}${path}`);
  const text = await res.text();
  return { status: res.status, text, body: JSON.parse(text) as any };
}

function expectNoLeak(text: string) {
  for (const value of [...IDENTIFYING_VALUES, 'Traceback', 'ORA-00942', 'upstream-secret']) expect(text).not.toContain(value);
}

describe('upstream errors are sanitised', () => {
  it('turns an upstream 500 whose OperationOutcome quotes PHI into a 502 without that text', async () => {
    upstream.override = (_req, res) => {
      send(res, 500, outcome('Traceback: patient Marie Dupont born 1970-05-12, IPP-884421, ORA-00942 upstream-secret'));
      return true;
    };
    const r = await get(`/fhir/Patient/${dupont}`);
    expect(r.status).toBe(502);
    expect(r.body).toMatchObject({ resourceType: 'OperationOutcome', issue: [{ severity: 'fatal', code: 'transient' }] });
    expectNoLeak(r.text);
  });

  it('maps an upstream 404 with diagnostics to a plain 404', async () => {
    upstream.override = (_req, res) => {
      send(res, 404, outcome('Patient Marie Dupont (IPP-884421) was deleted'));
      return true;
    };
    const r = await get(`/fhir/Patient/${dupont}`);
    expect(r.status).toBe(404);
    expect(r.body.issue[0].diagnostics).toBe('Resource not found');
    expectNoLeak(r.text);
  });

  it('maps an upstream 410 to 404', async () => {
    upstream.override = (_req, res) => {
      send(res, 410, outcome('gone'));
      return true;
    };
    expect((await get(`/fhir/Patient/${dupont}`)).status).toBe(404);
  });

  it('refuses a 200 that is not JSON, without relaying it', async () => {
    upstream.override = (_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html' });
      res.end('<html>Marie Dupont upstream-secret</html>');
      return true;
    };
    const r = await get(`/fhir/Patient/${dupont}`);
    expect(r.status).toBe(502);
    expectNoLeak(r.text);
  });

  it('refuses a 200 of another resource type than the one read', async () => {
    upstream.override = (_req, res) => {
      send(res, 200, outcome('Marie Dupont'));
      return true;
    };
    const r = await get(`/fhir/Patient/${dupont}`);
    expect(r.status).toBe(502);
    expectNoLeak(r.text);
  });

  it('answers 504 when the upstream does not answer in time', async () => {
    upstream.override = () => true; // never responds; the gateway's timeout is 2 s
    const r = await get(`/fhir/Patient/${dupont}`);
    expect(r.status).toBe(504);
    expect(r.body.issue[0].code).toBe('timeout');
  });
});

describe('upstream transport', () => {
  it('retries an idempotent GET once when the connection drops', async () => {
    let calls = 0;
    upstream.override = (_req, res) => {
      calls += 1;
      if (calls > 1) return false;
      res.socket?.destroy();
      return true;
    };
    const r = await get(`/fhir/Patient/${dupont}`);
    expect(r.status).toBe(200);
    expect(calls).toBe(2);
  });

  it('refuses an upstream response over the size limit with 502', async () => {
    const small = await startGateway(upstream.url, policy, { upstream: { fhir: { url: upstream.url, maxResponseBytes: 2048 } } });
    try {
      const ok = await fetch(`${small.url}/fhir/Patient/${dupont}`);
      expect(ok.status).toBe(200);
      const res = await fetch(`${small.url}/fhir/Observation?subject=Patient/${dupont}&_count=10`);
      expect(res.status).toBe(502);
      expectNoLeak(await res.text());
    } finally {
      await small.close();
    }
  });
});

describe('anonymization failures', () => {
  it('fails the whole search with 500 and no data when one entry cannot be anonymized', async () => {
    const before = await (await fetch(`${gw.url}/metrics`)).text();
    const r = await get(`/fhir/Observation?subject=Patient/${dupont}&_count=10`);
    expect(r.status).toBe(500);
    expect(r.body).toMatchObject({ resourceType: 'OperationOutcome', issue: [{ code: 'processing' }] });
    expect(r.text).not.toContain('Observation');
    expect(r.text).not.toContain(dupont);
    expectNoLeak(r.text);
    const after = await (await fetch(`${gw.url}/metrics`)).text();
    expect(counter(after, 'voile_anonymization_failures_total{transport="fhir"}')).toBe(counter(before, 'voile_anonymization_failures_total{transport="fhir"}') + 1);
  });

  it('a search page whose entries all fail counts one failure, not one per entry', async () => {
    const failing = await startGateway(upstream.url, testPolicy({ failWhen: (r) => r.resourceType === 'Observation' }));
    try {
      const metric = 'voile_anonymization_failures_total{transport="fhir"}';
      const res = await fetch(`${failing.url}/fhir/Observation?_count=20`);
      expect(res.status).toBe(500);
      expectNoLeak(await res.text());
      expect(counter(await (await fetch(`${failing.url}/metrics`)).text(), metric)).toBe(1);
    } finally {
      await failing.close();
    }
  });

  it('fails a read with 500 when the resource cannot be anonymized', async () => {
    const obs = policy.identity.pseudonymizeId('Observation', 'obs-pat-dupont-7');
    const r = await get(`/fhir/Observation/${obs}`);
    expect(r.status).toBe(500);
    expect(r.text).not.toContain('8867-4');
  });
});

describe('upstream down', () => {
  it('answers 503 when the upstream refuses connections', async () => {
    const dead = await startFakeFhirServer([]);
    const deadUrl = dead.url;
    await dead.close();
    const gw2 = await startGateway(deadUrl, policy);
    try {
      const r = await fetch(`${gw2.url}/fhir/Patient/${dupont}`);
      expect(r.status).toBe(503);
      expect(((await r.json()) as any).issue[0].code).toBe('transient');
      const ready = await fetch(`${gw2.url}/readyz`);
      expect(ready.status).toBe(503);
      const metrics = await (await fetch(`${gw2.url}/metrics`)).text();
      expect(metrics).toMatch(/voile_upstream_errors_total\{upstream="fhir",kind="unavailable"\} [1-9]/);
    } finally {
      await gw2.close();
    }
  });
});

function counter(text: string, series: string): number {
  const line = text.split('\n').find((l) => l.startsWith(`${series} `));
  return line === undefined ? 0 : Number(line.slice(series.length + 1));
}
