/**
 * Regression: a PACS that dropped the connection or stalled in the middle of a WADO-RS multipart
 * body raised undici's own error through the stream: the client got a 500 INTERNAL (before the
 * headers) and `voile_upstream_errors_total{upstream="dicomweb"}` counted nothing, where the same
 * failure on a JSON body is the upstream client's 503 / 504, counted as `unavailable` / `timeout`.
 * The multipart body now fails through the upstream client as well. Real HTTP: a PACS stand-in on
 * port 0 that sends part of an answer and then drops or stalls; the plugin in a fastify instance.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import Fastify, { type FastifyInstance } from 'fastify';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { dicomwebPlugin } from '../../src/dicomweb/index.js';
import { isVoileError } from '../../src/errors.js';
import type { UpstreamErrorKind } from '../../src/upstream/client.js';
import { Tags, fixture, inject, makeIdentity, str } from './helpers.js';
import { testPolicy } from './gateway.js';

const STUDY = '1.2.826.0.1.3680043.8.498.7760.1';
const identity = makeIdentity();
const instance = inject(fixture('CT_small.dcm'), str(Tags.StudyInstanceUID, 'UI', STUDY), str(Tags.SeriesInstanceUID, 'UI', `${STUDY}.1`), str(Tags.SOPInstanceUID, 'UI', `${STUDY}.1.1`));
const boundary = 'pacs-boundary';
const head = (type = 'application/dicom') => Buffer.from(`--${boundary}\r\nContent-Type: ${type}\r\n\r\n`);

let pacs: Server;
let app: FastifyInstance;
let url: string;
const upstreamErrors: UpstreamErrorKind[] = [];

beforeAll(async () => {
  for (const uid of [STUDY, `${STUDY}.1`, `${STUDY}.1.1`]) identity.remapUid(uid);
  await identity.flush();
  pacs = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    res.writeHead(200, { 'content-type': `multipart/related; type="application/dicom"; boundary=${boundary}` });
    if (path === `/dicom-web/studies/${STUDY}`) {
      // Half an instance, then the connection drops.
      res.write(Buffer.concat([head(), instance.subarray(0, 1000)]));
      setTimeout(() => req.socket.destroy(), 50);
    } else if (path === `/dicom-web/studies/${STUDY}/series/${STUDY}.1`) {
      // One whole instance (the gateway's headers go out), then half of the next, then the drop.
      res.write(Buffer.concat([head(), instance, Buffer.from('\r\n'), head(), instance.subarray(0, 1000)]));
      setTimeout(() => req.socket.destroy(), 50);
    } else {
      // Half an instance, then nothing: the body timeout.
      res.write(Buffer.concat([head(), instance.subarray(0, 1000)]));
    }
  });
  await new Promise<void>((r) => pacs.listen(0, '127.0.0.1', r));
  app = Fastify({ logger: false });
  app.setErrorHandler((err, _request, reply) => reply.code(isVoileError(err) ? err.status : 500).send({ code: isVoileError(err) ? err.code : 'INTERNAL' }));
  app.addHook('onRequest', async (request) => {
    request.principal = { clientId: 'c', scopes: [], policy: testPolicy(identity, {}) };
  });
  await app.register(dicomwebPlugin, {
    prefix: '/dicomweb',
    upstream: { url: `http://127.0.0.1:${(pacs.address() as AddressInfo).port}/dicom-web`, timeoutMs: 1000 },
    publicBaseUrl: 'http://gateway.invalid',
    onUpstreamError: (kind) => upstreamErrors.push(kind),
  });
  await app.listen({ port: 0, host: '127.0.0.1' });
  url = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}/dicomweb`;
});
afterAll(async () => {
  await app?.close();
  pacs.closeAllConnections();
  await new Promise<void>((r) => pacs.close(() => r()));
});
beforeEach(() => {
  upstreamErrors.length = 0;
});

describe('a WADO-RS body the PACS does not finish fails through the upstream client', () => {
  it('the connection drops before any part left: 503 UPSTREAM_UNAVAILABLE, counted as unavailable', async () => {
    const res = await fetch(`${url}/studies/${identity.remapUid(STUDY)}`);
    expect(res.status).toBe(503);
    expect(await res.json()).toEqual({ code: 'UPSTREAM_UNAVAILABLE' });
    expect(upstreamErrors).toEqual(['unavailable']);
  });

  it('the connection drops after a part left: the stream breaks, counted as unavailable', async () => {
    const res = await fetch(`${url}/studies/${identity.remapUid(STUDY)}/series/${identity.remapUid(`${STUDY}.1`)}`);
    expect(res.status).toBe(200);
    await expect(res.arrayBuffer()).rejects.toThrow();
    expect(upstreamErrors).toEqual(['unavailable']);
  });

  it('the PACS stalls in the middle of the body: 504 UPSTREAM_TIMEOUT, counted as timeout', async () => {
    const res = await fetch(`${url}/studies/${identity.remapUid(STUDY)}/series/${identity.remapUid(`${STUDY}.1`)}/instances/${identity.remapUid(`${STUDY}.1.1`)}`);
    expect(res.status).toBe(504);
    expect(await res.json()).toEqual({ code: 'UPSTREAM_TIMEOUT' });
    expect(upstreamErrors).toEqual(['timeout']);
  });
});
