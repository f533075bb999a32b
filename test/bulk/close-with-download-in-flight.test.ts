import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { request } from 'undici';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { testPolicy } from '../fhir-proxy/support/policy.js';
import { startBulkGateway } from './support/stack.js';

/**
 * Regression: closing the gateway hung for the keep-alive timeout (72 s) when a file download's
 * response ended after the close had begun. A file is streamed from disk with its Content-Length,
 * so the client can hold every byte before the read stream reaches EOF and ends the response; the
 * server's close drops idle connections only, skips that one (its response is not finished), and
 * once the response ends the connection is kept alive and the close waits for it. Seen on loaded
 * machines as 60 s timeouts in failures.test.ts, whose tests close a gateway right after
 * downloading error.ndjson. Here the EOF is held until the close has begun, which forces that order.
 */
const gate = vi.hoisted(() => {
  let release!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  return { hold: false, released, release };
});

vi.mock('node:fs', async (importOriginal) => {
  const fs = await importOriginal<typeof import('node:fs')>();
  const { PassThrough } = await import('node:stream');
  const createReadStream = ((...args: Parameters<typeof fs.createReadStream>) => {
    const source = fs.createReadStream(...args);
    if (!gate.hold) return source;
    // Every byte goes through at once; the end of the stream waits for the gate.
    const held = new PassThrough();
    source.on('data', (chunk) => held.write(chunk));
    source.on('end', () => void gate.released.then(() => held.end()));
    source.on('error', (err) => held.destroy(err));
    return held;
  }) as typeof fs.createReadStream;
  return { ...fs, createReadStream };
});

let upstream: Server;
let upstreamUrl: string;

beforeAll(async () => {
  upstream = createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'application/fhir+json' });
    const entry = [{ resource: { resourceType: 'Condition', id: 'c1', subject: { reference: 'Patient/p1' }, status: 'active' } }];
    res.end(JSON.stringify({ resourceType: 'Bundle', type: 'searchset', entry }));
  });
  await new Promise<void>((resolve) => upstream.listen(0, '127.0.0.1', resolve));
  upstreamUrl = `http://127.0.0.1:${(upstream.address() as AddressInfo).port}/fhir`;
});
afterAll(async () => {
  gate.release();
  await new Promise((r) => upstream.close(r));
});

describe('closing the gateway while a download is in flight', () => {
  it('a download whose response ends after the close began does not hold the close for the keep-alive timeout', async () => {
    const g = await startBulkGateway(upstreamUrl, {}, {}, testPolicy({ resourceTypes: ['Condition'] }));
    try {
      const manifest = await g.waitForManifest(await g.kickoff('$export?_type=Condition'));
      expect(manifest.output).toHaveLength(1);

      gate.hold = true;
      // The client reads the whole file (Content-Length) while the response is still open.
      const res = await request(manifest.output[0]!.url, { headers: { 'x-test-client': 'alpha' } });
      expect(res.statusCode).toBe(200);
      const lines = (await res.body.text()).split('\n').filter((l) => l !== '');
      expect(lines).toHaveLength(1);
      expect(JSON.parse(lines[0]!).resourceType).toBe('Condition');

      const closed = g.gateway.close().then(() => 'closed' as const);
      // The response ends only once the server has stopped listening (its idle connections dropped).
      while (g.gateway.server.listening) await sleep(5);
      gate.release();
      expect(await Promise.race([closed, sleep(5_000).then(() => 'still open after 5 s' as const)])).toBe('closed');
    } finally {
      gate.release();
      // Old behaviour: the close would wait 72 s for the kept-alive connection; end it here.
      g.gateway.server.closeAllConnections();
      await g.close();
    }
  });
});
