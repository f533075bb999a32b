import { connect } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { rawGet, rawRequest } from './raw-http.js';
import { expectNothingIdentifying, startHostileStack, type HostileStack } from './support.js';

/**
 * Hostile requests from a client holding a valid token: malformed paths, injected headers, URLs
 * aimed elsewhere, oversized and slow requests, malformed bodies. Each gets a clear error from the
 * gateway, without calling the upstream and without anything identifying in the answer.
 */
let stack: HostileStack;
let token: string;
const SCOPE = 'system/Observation.rs system/Patient.rs';

beforeAll(async () => {
  stack = await startHostileStack([{ clientId: 'partner', scope: SCOPE }], { research: { clients: ['partner'] } });
  token = await stack.as.token('partner', SCOPE);
});
afterAll(async () => stack?.close());
beforeEach(() => {
  stack.upstream.requests.length = 0;
});

const auth = () => ({ Authorization: `Bearer ${token}` });

function expectCleanRefusal(res: { status: number; body?: unknown; text?: string }, statuses: number[], label: string) {
  expect(statuses, `${label} → ${res.status}`).toContain(res.status);
  expect(stack.upstream.requests, `${label} reached the upstream`).toHaveLength(0);
  expectNothingIdentifying(typeof res.text === 'string' ? res.text : String(res.body ?? ''));
}

describe('paths', () => {
  it('path traversal, encoded slashes, backslashes and NUL in FHIR paths', async () => {
    for (const path of [
      '/fhir/Patient/../Observation',
      '/fhir/Patient/%2e%2e/Observation',
      '/fhir/Patient%2FObservation',
      '/fhir/Patient/pat-dupont%2F..%2F..%2Fmetadata',
      '/fhir/Patient/..%5C..%5Cetc',
      '/fhir//Patient',
      '/fhir/Patient/a%00b',
      '/fhir/./Patient',
    ]) {
      expectCleanRefusal(await rawGet(stack.url, path, auth()), [400, 404], path);
    }
  });

  it('absolute URLs in the path', async () => {
    for (const path of ['/fhir/http://169.254.169.254/latest', '/fhir/Patient/http:%2F%2Fevil.example%2FPatient%2F1', 'http://evil.example/fhir/Patient']) {
      expectCleanRefusal(await rawGet(stack.url, path, auth()), [400, 404], path);
    }
  });
});

describe('headers', () => {
  it('CRLF injected through the query never becomes a response header', async () => {
    const res = await rawGet(stack.url, '/fhir/Patient?gender=female%0d%0aSet-Cookie:%20stolen=1%0d%0a', auth());
    expect(res.status).toBeGreaterThanOrEqual(200);
    expect(res.head.toLowerCase()).not.toContain('set-cookie');
    expect(res.head).not.toContain('stolen');
  });

  it('bare LF, NUL and obsolete line folding in request headers are refused by the HTTP parser', async () => {
    const host = new URL(stack.url).host;
    for (const bytes of [
      `GET /fhir/Patient HTTP/1.1\r\nHost: ${host}\r\nAuthorization: Bearer ${token}\r\nX-Evil: a\nInjected: 1\r\nConnection: close\r\n\r\n`,
      `GET /fhir/Patient HTTP/1.1\r\nHost: ${host}\r\nAuthorization: Bearer ${token}\r\nX-Evil: a\u0000b\r\nConnection: close\r\n\r\n`,
      `GET /fhir/Patient HTTP/1.1\r\nHost: ${host}\r\nAuthorization: Bearer\r\n ${token}\r\nConnection: close\r\n\r\n`,
    ]) {
      const res = await rawRequest(stack.url, bytes);
      expect([400, 401]).toContain(res.status);
      expect(stack.upstream.requests).toHaveLength(0);
    }
  });

  it('a hostile Host or X-Forwarded-Host does not steer the links the gateway writes', async () => {
    const res = await rawGet(stack.url, `/fhir/Observation?subject=Patient/${stack.research.identity.patientPseudonym('pat-dupont')}&_count=2`, {
      ...auth(),
      'X-Forwarded-Host': 'evil.example',
      'X-Forwarded-Proto': 'https',
    });
    expect(res.status).toBe(200);
    expect(res.body).not.toContain('evil.example');
    const withHost = await rawRequest(
      stack.url,
      `GET /fhir/Observation?subject=Patient/${stack.research.identity.patientPseudonym('pat-dupont')}&_count=2 HTTP/1.1\r\nHost: evil.example\r\nAuthorization: Bearer ${token}\r\nConnection: close\r\n\r\n`,
    );
    expect(withHost.body).not.toContain('evil.example');
  });

  it('oversized headers are refused (431) before authentication or routing', async () => {
    const res = await rawGet(stack.url, '/fhir/Patient?gender=female', { ...auth(), 'X-Padding': 'x'.repeat(32 * 1024) });
    expectCleanRefusal(res, [431, 400], 'oversized header');
  });
});

describe('URLs aimed elsewhere (SSRF)', () => {
  it('absolute URLs in reference parameters are refused, including the upstream itself', async () => {
    const upstreamRef = `${stack.upstream.url}/Patient/pat-dupont`;
    for (const value of ['http://169.254.169.254/latest/meta-data', 'http://evil.example/fhir/Patient/1', upstreamRef, 'file:///etc/passwd', '//evil.example/Patient/1']) {
      const res = await stack.call(`/fhir/Observation?subject=${encodeURIComponent(value)}`, { token });
      expectCleanRefusal(res, [400, 404], value);
    }
  });

  it('URLs in control parameters and cursors are refused', async () => {
    for (const path of [
      `/fhir/Observation?_include=${encodeURIComponent('http://evil.example/x')}`,
      `/fhir/Observation?_format=${encodeURIComponent('http://evil.example/format')}`,
      `/fhir/_page?cursor=${encodeURIComponent('http://evil.example/fhir/Patient')}`,
      `/fhir/_page?cursor=${encodeURIComponent(`${stack.upstream.url}/Patient`)}`,
    ]) {
      const res = await stack.call(path, { token });
      expectCleanRefusal(res, [400, 403, 406], path);
    }
  });
});

describe('bodies', () => {
  it('an oversized POST _search body is refused with 413 without an upstream call', async () => {
    const res = await stack.call('/fhir/Observation/_search', {
      token,
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: `code=${'x'.repeat(2 * 1024 * 1024)}`,
    });
    expectCleanRefusal(res, [413], 'oversized body');
  });

  it('malformed JSON and malformed form bodies get a clear 4xx', async () => {
    const json = await stack.call('/fhir/Observation/_search', { token, method: 'POST', headers: { 'content-type': 'application/fhir+json' }, body: '{"resourceType": "Parameters", ' });
    expectCleanRefusal(json, [400, 415], 'malformed JSON');
    expect((json.body as { resourceType?: string } | undefined)?.resourceType).toBe('OperationOutcome');
    const form = await stack.call('/fhir/Observation/_search', { token, method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'code=%zz%' });
    expectCleanRefusal(form, [400], 'malformed form');
    const create = await stack.call('/fhir/Patient', { token, method: 'POST', headers: { 'content-type': 'application/fhir+json' }, body: '{not json' });
    expectCleanRefusal(create, [405], 'write with malformed JSON');
  });

  it('a body whose length lies is refused', async () => {
    const host = new URL(stack.url).host;
    const res = await rawRequest(
      stack.url,
      `POST /fhir/Observation/_search HTTP/1.1\r\nHost: ${host}\r\nAuthorization: Bearer ${token}\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: 5\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n4\r\ncode\r\n0\r\n\r\n`,
    );
    expect([400]).toContain(res.status);
    expect(stack.upstream.requests).toHaveLength(0);
  });
});

describe('slow clients', () => {
  it('a client trickling its headers holds nothing: others are served, the upstream is not called for it, timeouts are finite', async () => {
    const { hostname, port } = new URL(stack.url);
    const slow = connect(Number(port), hostname);
    await new Promise<void>((resolve) => slow.on('connect', () => resolve()));
    slow.write('GET /fhir/Patient?gender=female HTTP/1.1\r\nHost: x\r\n');
    let dripped = 0;
    const drip = setInterval(() => {
      if (!slow.destroyed) slow.write(`X-Drip-${dripped++}: a\r\n`);
    }, 50);
    try {
      await new Promise((r) => setTimeout(r, 200));
      expect(stack.upstream.requests).toHaveLength(0);
      const other = await stack.call('/fhir/Patient?gender=female', { token });
      expect(other.status).toBe(200);
      expect(stack.upstream.requests).toHaveLength(1);
    } finally {
      clearInterval(drip);
      slow.destroy();
    }
    const server = stack.app.server;
    expect(server.headersTimeout).toBeGreaterThan(0);
    expect(server.headersTimeout).toBeLessThanOrEqual(60_000);
    expect(server.requestTimeout).toBeGreaterThan(0);
    expect(server.requestTimeout).toBeLessThanOrEqual(120_000);
  });
});
