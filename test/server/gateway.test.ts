import { Writable } from 'node:stream';
import type { FastifyRequest } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { VoileError } from '../../src/errors.js';
import { fixedPolicyAuthenticator } from '../../src/server/app.js';
import { startFakeFhirServer, type FakeFhirServer } from '../fhir-proxy/support/fake-fhir-server.js';
import { cohort, IDENTIFYING_VALUES } from '../fhir-proxy/support/fixtures.js';
import { startGateway, type RunningGateway } from '../fhir-proxy/support/gateway.js';
import { testPolicy } from '../fhir-proxy/support/policy.js';

/** The fastify app around the FHIR routes: health, metrics, error formats, limits, logs. */
let upstream: FakeFhirServer;
let gw: RunningGateway;
const logs: string[] = [];
const policy = testPolicy();
const dupont = policy.identity.pseudonymizeId('Patient', 'pat-dupont');

beforeAll(async () => {
  upstream = await startFakeFhirServer(cohort());
  const stream = new Writable({
    write(chunk, _enc, done) {
      logs.push(String(chunk));
      done();
    },
  });
  gw = await startGateway(upstream.url, policy, {
    logger: { level: 'info', stream } as never,
    limits: { bodyLimitBytes: 1024 },
  });
});
afterAll(async () => {
  await gw?.close();
  await upstream?.close();
});

describe('health', () => {
  it('/healthz answers ok without calling the upstream', async () => {
    const before = upstream.requests.length;
    const res = await fetch(`${gw.url}/healthz`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'ok' });
    expect(upstream.requests.length).toBe(before);
  });

  it('/readyz checks the upstream', async () => {
    const res = await fetch(`${gw.url}/readyz`);
    expect(res.status).toBe(200);
    expect(upstream.requests.at(-1)?.path).toBe('/fhir/R4/metadata');
  });
});

describe('errors outside /fhir', () => {
  it('are plain JSON and do not echo the path', async () => {
    const res = await fetch(`${gw.url}/nothing/Dupont`);
    expect(res.status).toBe(404);
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    const text = await res.text();
    expect(JSON.parse(text)).toEqual({ error: 'NOT_FOUND', message: 'Not found' });
    expect(text).not.toContain('Dupont');
  });
});

describe('limits', () => {
  it('refuses a body over the limit with 413', async () => {
    const res = await fetch(`${gw.url}/fhir/Observation/_search`, {
      method: 'POST',
      body: `code=${'x'.repeat(4096)}`,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect(res.status).toBe(413);
    expect(((await res.json()) as any).issue[0].code).toBe('too-costly');
  });
});

describe('metrics', () => {
  it('exposes request counts by route pattern, latency histograms, and no PHI or pseudonym in labels', async () => {
    await fetch(`${gw.url}/fhir/Patient/${dupont}`);
    await fetch(`${gw.url}/fhir/Patient?name=Dupont`);
    await fetch(`${gw.url}/fhir/Observation?subject=Patient/${dupont}`);
    const res = await fetch(`${gw.url}/metrics`);
    expect(res.headers.get('content-type')).toMatch(/^text\/plain/);
    const text = await res.text();
    expect(text).toMatch(/voile_http_requests_total\{method="GET",route="\/fhir\/:type\/:id",status="200"\} [1-9]/);
    expect(text).toMatch(/voile_http_requests_total\{method="GET",route="\/fhir\/:type",status="400"\} [1-9]/);
    expect(text).toMatch(/voile_http_request_duration_seconds_bucket\{method="GET",route="\/fhir\/:type",le="\+Inf"\} [1-9]/);
    expect(text).toContain('# TYPE voile_anonymization_failures_total counter');
    expect(text).not.toContain(dupont);
    for (const value of IDENTIFYING_VALUES) expect(text).not.toContain(value);
  });
});

describe('logs', () => {
  it('carry route patterns and codes, never query values, ids or pseudonyms', async () => {
    await fetch(`${gw.url}/fhir/Patient?family=Dupont&birthdate=1970-05-12`);
    await fetch(`${gw.url}/fhir/Patient/${dupont}`);
    await fetch(`${gw.url}/fhir/Observation/_search`, { method: 'POST', body: '{"x": "Marie Dupont"', headers: { 'content-type': 'application/json' } });
    const all = logs.join('');
    expect(all).toContain('"route":"/fhir/:type"');
    expect(all).toContain('"code":"SEARCH_PARAM_REFUSED"');
    expect(all).toContain('"code":"MALFORMED_JSON"');
    expect(all).not.toContain(dupont);
    for (const value of IDENTIFYING_VALUES) expect(all).not.toContain(value);
  });
});

describe('fixedPolicyAuthenticator', () => {
  const authenticate = fixedPolicyAuthenticator(policy);
  const from = (remoteAddress: string) => ({ socket: { remoteAddress } }) as unknown as FastifyRequest;

  it('serves loopback callers with the demo principal', async () => {
    for (const address of ['127.0.0.1', '::1', '::ffff:127.0.0.1']) {
      expect(await authenticate(from(address))).toMatchObject({ clientId: 'anonymous-demo', scopes: ['system/*.rs'], policy });
    }
  });

  it('refuses any other caller', async () => {
    await expect(authenticate(from('10.0.0.7'))).rejects.toBeInstanceOf(VoileError);
    await expect(authenticate(from('10.0.0.7'))).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
  });
});
