/**
 * Streaming behaviour of WADO-RS retrieval, against a scripted upstream (a real HTTP server on port
 * 0 that writes multipart parts when the test says so): parts reach the client one by one before the
 * upstream has finished, and a part that cannot be de-identified after the headers went out breaks
 * the connection instead of sending anything raw.
 */
import { type IncomingMessage, type ServerResponse, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { request } from 'undici';
import { Tags, readPart10 } from '../../src/anonymize/dicom/index.js';
import { boundaryOf, readMultipart } from '../../src/dicomweb/index.js';
import { MemoryAuditStore } from '../../src/store/audit-store.js';
import { inject, fixture, makeIdentity, str, valueAt } from './helpers.js';
import { INJECTED, injectedFile } from './injected.js';
import { startGateway, testPolicy } from './gateway.js';

const BOUNDARY = 'upstream-boundary';
const STUDY = '1.2.826.0.1.3680043.8.498.42';

function part(body: Buffer): Buffer {
  return Buffer.concat([Buffer.from(`--${BOUNDARY}\r\nContent-Type: application/dicom\r\nContent-Location: http://pacs.internal/x\r\n\r\n`), body, Buffer.from('\r\n')]);
}

async function* once(bytes: Buffer): AsyncGenerator<Buffer> {
  yield bytes;
}

let closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const close of closers.reverse()) await close();
  closers = [];
});

async function scriptedUpstream(handler: (res: ServerResponse, req: IncomingMessage) => void): Promise<string> {
  const server = createServer((req, res) => {
    res.writeHead(200, { 'content-type': `multipart/related; type="application/dicom"; boundary=${BOUNDARY}` });
    handler(res, req);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  closers.push(() => new Promise<void>((r) => server.close(() => r())));
  closers.push(async () => server.closeAllConnections());
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}/dicom-web`;
}

describe('WADO-RS streaming', () => {
  it('delivers the first instance while the upstream is still holding back the second', async () => {
    const identity = makeIdentity();
    let releaseSecond!: () => void;
    const secondReleased = new Promise<void>((r) => (releaseSecond = r));
    const upstream = await scriptedUpstream((res) => {
      // The next part's boundary and headers go out too: multipart only ends a part at the next boundary.
      res.write(part(inject(injectedFile(), str(Tags.SOPInstanceUID, 'UI', `${STUDY}.1`))));
      res.write(`--${BOUNDARY}\r\nContent-Type: application/dicom\r\n\r\n`);
      void secondReleased.then(() => {
        res.write(inject(injectedFile(), str(Tags.SOPInstanceUID, 'UI', `${STUDY}.2`)));
        res.end(`\r\n--${BOUNDARY}--\r\n`);
      });
    });
    const gw = await startGateway(upstream, testPolicy(identity, {}));
    closers.push(() => gw.app.close());
    const study = identity.remapUid(INJECTED.studyUid);
    await identity.flush();
    const res = await request(`${gw.url}/studies/${study}`, { headers: { accept: 'multipart/related; type="application/dicom"' } });
    expect(res.statusCode).toBe(200);
    const firstSop = Buffer.from(identity.remapUid(`${STUDY}.1`));
    const received: Buffer[] = [];
    let released = false;
    for await (const chunk of res.body) {
      received.push(chunk as Buffer);
      // The first instance is on the wire while the upstream still holds the second: a gateway that
      // buffered the study would never get here, and this test would time out.
      if (!released && Buffer.concat(received).includes(firstSop)) {
        released = true;
        releaseSecond();
      }
    }
    expect(released).toBe(true);
    const sops: string[] = [];
    for await (const p of readMultipart(once(Buffer.concat(received)), boundaryOf(String(res.headers['content-type']))!)) {
      expect(p.body.includes(Buffer.from(INJECTED.patientName))).toBe(false);
      expect(p.body.includes(Buffer.from('pacs.internal'))).toBe(false);
      sops.push(valueAt(readPart10(p.body).dataset, Tags.SOPInstanceUID)!);
    }
    expect(sops).toEqual([identity.remapUid(`${STUDY}.1`), identity.remapUid(`${STUDY}.2`)]);
  });

  it('breaks the connection when a later part cannot be de-identified; no raw byte reaches the client', async () => {
    const identity = makeIdentity();
    const broken = Buffer.concat([Buffer.alloc(128), Buffer.from('DICM'), Buffer.from(`not dicom at all ${INJECTED.patientName}`)]);
    const upstream = await scriptedUpstream((res) => {
      res.write(part(injectedFile()));
      res.write(part(broken));
      res.end(`--${BOUNDARY}--\r\n`);
    });
    const audit = new MemoryAuditStore();
    const gw = await startGateway(upstream, testPolicy(identity, {}), audit);
    closers.push(() => gw.app.close());
    const study = identity.remapUid(INJECTED.studyUid);
    await identity.flush();
    const res = await request(`${gw.url}/studies/${study}`, { headers: { accept: 'multipart/related; type="application/dicom"' } });
    expect(res.statusCode).toBe(200);
    const received: Buffer[] = [];
    await expect(
      (async () => {
        for await (const chunk of res.body) received.push(chunk as Buffer);
      })(),
    ).rejects.toThrow();
    const bytes = Buffer.concat(received);
    expect(bytes.includes(Buffer.from(INJECTED.patientName))).toBe(false);
    expect(bytes.includes(Buffer.from('not dicom at all'))).toBe(false);
    // The audit record says the stream broke, and why, though its status line said 200.
    let records = await audit.query({ limit: 10 });
    for (let i = 0; i < 100 && records.length === 0; i++) {
      await new Promise((r) => setTimeout(r, 20));
      records = await audit.query({ limit: 10 });
    }
    expect(records.map((r) => r.record)).toEqual([
      expect.objectContaining({ interaction: 'dicomweb-retrieve', route: '/dicomweb/studies/:study', status: 200, errorCode: 'UPSTREAM_BAD_RESPONSE', returned: { ImagingStudy: 1 } }),
    ]);
  });

  it('answers a clean error, not a stream, when the first part already fails', async () => {
    const identity = makeIdentity();
    const upstream = await scriptedUpstream((res) => {
      res.end(Buffer.concat([part(fixture('MR_truncated.dcm')), Buffer.from(`--${BOUNDARY}--\r\n`)]));
    });
    const gw = await startGateway(upstream, testPolicy(identity, {}));
    closers.push(() => gw.app.close());
    const study = identity.remapUid(STUDY);
    await identity.flush();
    const res = await request(`${gw.url}/studies/${study}`, { headers: { accept: 'multipart/related; type="application/dicom"' } });
    expect(res.statusCode).toBe(502);
    expect(await res.body.json()).toEqual({ code: 'UPSTREAM_BAD_RESPONSE', message: 'The upstream response is malformed' });
  });
});
