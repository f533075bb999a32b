import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { UpstreamClient } from '../../src/upstream/client.js';
import { isVoileError } from '../../src/errors.js';

/**
 * `UpstreamClient.getBuffered` reads FHIR JSON bodies through an undici dispatch handler instead of
 * a response stream: the same outcomes as `get` + `readCapped` must hold on the paths the gateway
 * tests do not reach (large error bodies, cancellation, a body cut short).
 */
let server: Server;
let base: string;
const big = 'x'.repeat(1024 * 1024);

beforeAll(async () => {
  server = createServer((req, res) => {
    if (req.url === '/fhir/error-big') {
      res.writeHead(500, { 'content-type': 'text/plain' });
      res.end(`secret ${big}`);
    } else if (req.url === '/fhir/slow') {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.write('{"a":');
      setTimeout(() => res.end('1}'), 2000).unref();
    } else if (req.url === '/fhir/cut') {
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': '100' });
      res.write('{"a":');
      setTimeout(() => res.socket?.destroy(), 20).unref();
    } else if (req.url === '/fhir/large') {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ big }));
    } else {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end('{"resourceType":"Patient","id":"p1"}');
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/fhir`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

const client = () => new UpstreamClient({ url: base, connections: 1 }, { what: 'The upstream FHIR server', defaultTimeoutMs: 5000, defaultConnections: 1 });
const failure = (promise: Promise<unknown>) =>
  promise.then(
    () => {
      throw new Error('expected a failure');
    },
    (err: unknown) => {
      if (!isVoileError(err)) throw err;
      return err;
    },
  );

describe('UpstreamClient.getBuffered', () => {
  it('reads a 2xx body whole', async () => {
    const c = client();
    const { statusCode, body } = await c.getBuffered('/fhir/Patient/p1', 'application/json', 1024);
    expect(statusCode).toBe(200);
    expect(JSON.parse(body.toString('utf8'))).toEqual({ resourceType: 'Patient', id: 'p1' });
    await c.close();
  });

  it('fails an error status at once, never quotes its body, and the client still serves afterwards', async () => {
    const c = client();
    const err = await failure(c.getBuffered('/fhir/error-big', 'application/json', 1024));
    expect(err.code).toBe('UPSTREAM_ERROR');
    expect(JSON.stringify({ message: err.message, detail: err.detail })).not.toContain('secret');
    const { statusCode } = await c.getBuffered('/fhir/Patient/p1', 'application/json', 1024);
    expect(statusCode).toBe(200);
    await c.close();
  });

  it('fails a body over the cap as too large', async () => {
    const c = client();
    const err = await failure(c.getBuffered('/fhir/large', 'application/json', 64 * 1024));
    expect(err.code).toBe('UPSTREAM_BAD_RESPONSE');
    expect(err.message).toMatch(/size limit/);
    await c.close();
  });

  it('fails when cancelled while the body is arriving', async () => {
    const c = client();
    const controller = new AbortController();
    const pending = failure(c.getBuffered('/fhir/slow', 'application/json', 1024, controller.signal));
    setTimeout(() => controller.abort(), 50);
    const err = await pending;
    expect(err.code).toBe('UPSTREAM_UNAVAILABLE');
    expect(err.message).toBe('The upstream request was cancelled');
    await c.close();
  });

  it('fails a body cut short, without retrying it', async () => {
    const c = client();
    const err = await failure(c.getBuffered('/fhir/cut', 'application/json', 1024));
    expect(err.code).toBe('UPSTREAM_UNAVAILABLE');
    await c.close();
  });
});
