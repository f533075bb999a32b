/**
 * Back-pressure of the one WADO-RS streaming loop (src/dicomweb/stream.ts): when the client stops
 * reading, the gateway stops writing (write() === false → wait for drain) and so stops reading the
 * upstream, whose own writes then block; when the client reads again everything arrives. Real HTTP
 * on port 0 at both ends; the client is a raw socket that pauses.
 */
import { createServer, type Server } from 'node:http';
import { connect } from 'node:net';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeIdentity } from './helpers.js';
import { startGateway, testPolicy } from './gateway.js';

const BOUNDARY = 'frames-boundary';
const FRAME_BYTES = 1024 * 1024;
const FRAMES = 64;
const STUDY = '1.2.826.0.1.3680043.8.498.61';

describe('WADO-RS streaming keeps back-pressure', () => {
  let pacs: Server;
  let upstreamWritten = 0;
  let upstreamDone = false;
  const identity = makeIdentity();
  let gateway: Awaited<ReturnType<typeof startGateway>>;

  beforeAll(async () => {
    pacs = createServer((req, res) => {
      if ((req.url ?? '').includes('/metadata')) {
        res.writeHead(200, { 'content-type': 'application/dicom+json' });
        res.end(JSON.stringify([{ '00080060': { vr: 'CS', Value: ['CT'] } }]));
        return;
      }
      res.writeHead(200, { 'content-type': `multipart/related; type="application/octet-stream"; boundary=${BOUNDARY}` });
      const frame = Buffer.alloc(FRAME_BYTES, 7);
      let sent = 0;
      const pump = () => {
        while (sent < FRAMES) {
          const chunk = Buffer.concat([Buffer.from(`--${BOUNDARY}\r\nContent-Type: application/octet-stream\r\n\r\n`), frame, Buffer.from('\r\n')]);
          sent++;
          upstreamWritten += FRAME_BYTES;
          if (!res.write(chunk)) {
            res.once('drain', pump);
            return;
          }
        }
        res.end(`--${BOUNDARY}--\r\n`, () => (upstreamDone = true));
      };
      pump();
    });
    await new Promise<void>((r) => pacs.listen(0, '127.0.0.1', r));
    gateway = await startGateway(`http://127.0.0.1:${(pacs.address() as AddressInfo).port}/dicom-web`, testPolicy(identity, { allowPixelData: true }));
  });
  afterAll(async () => {
    await gateway?.app.close();
    pacs?.closeAllConnections();
    await new Promise<void>((r) => pacs.close(() => r()));
  });

  it('a client that stops reading stops the upstream; reading again delivers every frame', async () => {
    const uids = [STUDY, `${STUDY}.1`, `${STUDY}.1.1`].map((uid) => identity.remapUid(uid));
    await identity.flush();
    const { hostname, port, pathname } = new URL(gateway.url);
    const path = `${pathname}/studies/${uids[0]}/series/${uids[1]}/instances/${uids[2]}/frames/1`;
    const socket = connect(Number(port), hostname);
    let received = 0;
    const ended = new Promise<void>((resolve) => socket.on('end', resolve));
    socket.on('data', (chunk: Buffer) => (received += chunk.length));
    socket.pause();
    socket.write(`GET ${path} HTTP/1.1\r\nHost: ${hostname}\r\nAccept: multipart/related; type="application/octet-stream"\r\nConnection: close\r\n\r\n`);
    // Let both pipes fill: kernel buffers and stream buffers hold a few MiB, not 64.
    await new Promise((r) => setTimeout(r, 1500));
    const writtenWhilePaused = upstreamWritten;
    expect(upstreamDone).toBe(false);
    expect(writtenWhilePaused).toBeLessThan((FRAMES * FRAME_BYTES) / 2);
    socket.resume();
    await ended;
    expect(upstreamDone).toBe(true);
    expect(received).toBeGreaterThan(FRAMES * FRAME_BYTES);
  });
});
