/**
 * Regression: a PACS answer DICOMweb cannot use — a QIDO array holding something that is not a data
 * set, a multipart body out of shape, a part over the size limit — was refused with
 * UPSTREAM_BAD_RESPONSE but never reached the upstream client's accounting, so
 * `voile_upstream_errors_total{upstream="dicomweb"}` did not count it (a JSON body that does not
 * parse was counted, the rest not). Each is now counted once, by kind, before and after the headers
 * of a stream alike, and the PACS's bytes never reach the client. Real HTTP: a hostile PACS stand-in
 * on port 0 and the plugin in a fastify instance (Orthanc never sends such answers).
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

const LEAK = 'DUPONT^JEANNE';
const STUDY = '1.2.826.0.1.3680043.8.498.7730.1';
const identity = makeIdentity();
const instance = inject(fixture('CT_small.dcm'), str(Tags.StudyInstanceUID, 'UI', STUDY), str(Tags.SeriesInstanceUID, 'UI', `${STUDY}.1`), str(Tags.SOPInstanceUID, 'UI', `${STUDY}.1.1`));
const boundary = 'pacs-boundary';
const multipartHeaders = { 'content-type': `multipart/related; type="application/dicom"; boundary=${boundary}` };
const part = (body: Buffer) => Buffer.concat([Buffer.from(`--${boundary}\r\nContent-Type: application/dicom\r\n\r\n`), body, Buffer.from('\r\n')]);

/** What the PACS answers, by the real study UID asked for (the gateway resolves the remapped one). */
const ANSWERS: Record<string, (res: import('node:http').ServerResponse) => void> = {
  // A QIDO array whose item is not a data set.
  '/dicom-web/studies': (res) => {
    res.writeHead(200, { 'content-type': 'application/dicom+json' });
    res.end(JSON.stringify([LEAK]));
  },
  // A multipart body that is cut before its closing delimiter.
  [`/dicom-web/studies/${STUDY}`]: (res) => {
    res.writeHead(200, multipartHeaders);
    res.end(Buffer.concat([Buffer.from(`--${boundary}\r\nContent-Type: application/dicom\r\n\r\n`), Buffer.from(LEAK)]));
  },
  // One good instance, then a part header out of shape: the stream breaks after its headers.
  [`/dicom-web/studies/${STUDY}/series/${STUDY}.1`]: (res) => {
    res.writeHead(200, multipartHeaders);
    res.end(Buffer.concat([part(instance), Buffer.from(`--${boundary}\r\n${LEAK}\r\n\r\nxx\r\n--${boundary}--\r\n`)]));
  },
  // A part over the gateway's instance size limit.
  [`/dicom-web/studies/${STUDY}/series/${STUDY}.1/instances/${STUDY}.1.1`]: (res) => {
    res.writeHead(200, multipartHeaders);
    res.end(Buffer.concat([part(Buffer.alloc(128 * 1024, 0x41)), Buffer.from(`--${boundary}--\r\n`)]));
  },
};

let pacs: Server;
let app: FastifyInstance;
let url: string;
const upstreamErrors: UpstreamErrorKind[] = [];

beforeAll(async () => {
  // The client asks for remapped UIDs, as it would after a QIDO: their mapping is stored first.
  for (const uid of [STUDY, `${STUDY}.1`, `${STUDY}.1.1`]) identity.remapUid(uid);
  await identity.flush();
  pacs = createServer((req, res) => {
    const answer = ANSWERS[new URL(req.url ?? '/', 'http://x').pathname];
    if (answer) return answer(res);
    res.writeHead(404);
    res.end();
  });
  await new Promise<void>((r) => pacs.listen(0, '127.0.0.1', r));
  app = Fastify({ logger: false });
  app.setErrorHandler((err, _request, reply) => reply.code(isVoileError(err) ? err.status : 500).send({ code: isVoileError(err) ? err.code : 'INTERNAL' }));
  app.addHook('onRequest', async (request) => {
    request.principal = { clientId: 'c', scopes: [], policy: testPolicy(identity, {}) };
  });
  await app.register(dicomwebPlugin, {
    prefix: '/dicomweb',
    upstream: `http://127.0.0.1:${(pacs.address() as AddressInfo).port}/dicom-web`,
    publicBaseUrl: 'http://gateway.invalid',
    maxInstanceBytes: 64 * 1024,
    onUpstreamError: (kind) => upstreamErrors.push(kind),
  });
  await app.listen({ port: 0, host: '127.0.0.1' });
  url = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}/dicomweb`;
});
afterAll(async () => {
  await app?.close();
  await new Promise<void>((r) => pacs.close(() => r()));
});
beforeEach(() => {
  upstreamErrors.length = 0;
});

async function refused(path: string): Promise<{ status: number; body: string }> {
  const res = await fetch(`${url}${path}`);
  return { status: res.status, body: await res.text() };
}

describe('DICOMweb bad upstream responses are counted by the upstream client', () => {
  it('a QIDO result that is not a data set: 502, counted once as bad-response', async () => {
    const { status, body } = await refused('/studies');
    expect(status).toBe(502);
    expect(body).not.toContain('DUPONT');
    expect(upstreamErrors).toEqual(['bad-response']);
  });

  it('a multipart body cut short, before any part left: 502, counted once as bad-response', async () => {
    const { status, body } = await refused(`/studies/${identity.remapUid(STUDY)}`);
    expect(status).toBe(502);
    expect(body).not.toContain('DUPONT');
    expect(upstreamErrors).toEqual(['bad-response']);
  });

  it('a malformed part after a good one: the stream breaks, counted once as bad-response', async () => {
    const res = await fetch(`${url}/studies/${identity.remapUid(STUDY)}/series/${identity.remapUid(`${STUDY}.1`)}`);
    expect(res.status).toBe(200);
    await expect(res.arrayBuffer()).rejects.toThrow();
    expect(upstreamErrors).toEqual(['bad-response']);
  });

  it('a part over the instance size limit: 502, counted once as too-large', async () => {
    const { status } = await refused(`/studies/${identity.remapUid(STUDY)}/series/${identity.remapUid(`${STUDY}.1`)}/instances/${identity.remapUid(`${STUDY}.1.1`)}`);
    expect(status).toBe(502);
    expect(upstreamErrors).toEqual(['too-large']);
  });
});
