/**
 * DICOMweb failures reach the gateway's metrics through the plugin's observers (the composition root
 * wires them to `voile_upstream_errors_total{upstream="dicomweb"}` and
 * `voile_anonymization_failures_total{transport="dicomweb"}`). Regression: the plugin had neither.
 * Real HTTP: a PACS stand-in on port 0 and the plugin in a fastify instance.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import Fastify, { type FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dicomwebPlugin } from '../../src/dicomweb/index.js';
import { isVoileError } from '../../src/errors.js';
import type { UpstreamErrorKind } from '../../src/upstream/client.js';
import { makeIdentity } from './helpers.js';
import { testPolicy } from './gateway.js';

let pacs: Server;
let app: FastifyInstance;
let url: string;
const upstreamErrors: UpstreamErrorKind[] = [];
let anonymizationFailures = 0;

beforeAll(async () => {
  pacs = createServer((req, res) => {
    if ((req.url ?? '').startsWith('/dicom-web/series')) {
      res.writeHead(500, { 'content-type': 'text/plain' });
      res.end('DUPONT is locked');
      return;
    }
    // A study result without its StudyInstanceUID: no RetrieveURL can be written, the answer is refused.
    res.writeHead(200, { 'content-type': 'application/dicom+json' });
    res.end(JSON.stringify([{ '00080060': { vr: 'CS', Value: ['CT'] } }]));
  });
  await new Promise<void>((r) => pacs.listen(0, '127.0.0.1', r));
  app = Fastify({ logger: false });
  app.setErrorHandler((err, _request, reply) => reply.code(isVoileError(err) ? err.status : 500).send({ code: isVoileError(err) ? err.code : 'INTERNAL' }));
  app.addHook('onRequest', async (request) => {
    request.principal = { clientId: 'c', scopes: [], policy: testPolicy(makeIdentity(), {}) };
  });
  await app.register(dicomwebPlugin, {
    prefix: '/dicomweb',
    upstream: `http://127.0.0.1:${(pacs.address() as AddressInfo).port}/dicom-web`,
    publicBaseUrl: 'http://gateway.invalid',
    onUpstreamError: (kind) => upstreamErrors.push(kind),
    onAnonymizationFailure: () => (anonymizationFailures += 1),
  });
  await app.listen({ port: 0, host: '127.0.0.1' });
  url = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}/dicomweb`;
});
afterAll(async () => {
  await app?.close();
  await new Promise<void>((r) => pacs.close(() => r()));
});

describe('DICOMweb failures are observed for metrics', () => {
  it('an upstream error status is reported by kind, and answered without its text', async () => {
    const res = await fetch(`${url}/series`);
    expect(res.status).toBe(502);
    expect(await res.text()).not.toContain('DUPONT');
    expect(upstreamErrors).toEqual(['status']);
  });

  it('a result that cannot be anonymized is refused and counted once', async () => {
    const res = await fetch(`${url}/studies`);
    expect(res.status).toBeGreaterThanOrEqual(500);
    expect(await res.json()).toEqual({ code: 'ANONYMIZATION_FAILED' });
    expect(anonymizationFailures).toBe(1);
    expect(upstreamErrors).toEqual(['status']);
  });
});
