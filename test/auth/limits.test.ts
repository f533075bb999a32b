import { Readable } from 'node:stream';
import Fastify, { type FastifyInstance } from 'fastify';
import { afterEach, describe, expect, it } from 'vitest';
import { requestLimitsPlugin } from '../../src/auth/limits.js';
import { installTestErrorHandler } from './error-handler.js';
import { testPolicy } from './fixtures.js';

/** Rate and size limits keyed by the bound client, limits taken from its policy. */
describe('request limits', () => {
  let app: FastifyInstance | undefined;
  afterEach(async () => app?.close());

  async function build(): Promise<FastifyInstance> {
    const instance = Fastify({ logger: false });
    installTestErrorHandler(instance);
    const limited = testPolicy('limited', undefined, { requestsPerMinute: 3, maxBodyBytes: 100 });
    // The routes are declared before the limits plugin, as in the gateway's composition root.
    await instance.register(
      async (fhir) => {
        fhir.addHook('onRequest', async (request) => {
          const client = request.headers['x-client'];
          if (typeof client === 'string') request.principal = { clientId: client, scopes: [], policy: limited };
        });
        fhir.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string' }, (_req, body, done) => done(null, body));
        fhir.get('/Patient', async () => ({ resourceType: 'Bundle', type: 'searchset' }));
        fhir.post('/Patient/_search', async (request) => ({ received: String(request.body).length }));
      },
      { prefix: '/fhir' },
    );
    instance.get('/healthz', async () => ({ ok: true }));
    await instance.register(requestLimitsPlugin, { defaultRequestsPerMinute: 5 });
    return instance;
  }

  it('limits each client to its policy rate with a clear 429 and Retry-After, other clients unaffected (regression: routes declared before the plugin)', async () => {
    app = await build();
    const codes = [];
    for (let i = 0; i < 4; i++) codes.push((await app.inject({ url: '/fhir/Patient', headers: { 'x-client': 'a' } })).statusCode);
    expect(codes).toEqual([200, 200, 200, 429]);
    const refused = await app.inject({ url: '/fhir/Patient', headers: { 'x-client': 'a' } });
    expect(refused.statusCode).toBe(429);
    expect(refused.headers['retry-after']).toBeDefined();
    expect(refused.json().issue[0].diagnostics).toContain('Too many requests for this client');
    expect((await app.inject({ url: '/fhir/Patient', headers: { 'x-client': 'b' } })).statusCode).toBe(200);
  });

  it('keys unauthenticated callers by address with the default limit, and never limits health checks', async () => {
    app = await build();
    const codes = [];
    for (let i = 0; i < 6; i++) codes.push((await app.inject({ url: '/fhir/Patient' })).statusCode);
    expect(codes).toEqual([200, 200, 200, 200, 200, 429]);
    for (let i = 0; i < 10; i++) expect((await app.inject({ url: '/healthz' })).statusCode).toBe(200);
  });

  it('refuses bodies over the policy limit with 413, declared or chunked', async () => {
    app = await build();
    const headers = { 'x-client': 'c', 'content-type': 'application/x-www-form-urlencoded' };
    const small = await app.inject({ method: 'POST', url: '/fhir/Patient/_search', headers, payload: 'gender=female' });
    expect(small.statusCode).toBe(200);
    const declared = await app.inject({ method: 'POST', url: '/fhir/Patient/_search', headers, payload: `gender=${'x'.repeat(200)}` });
    expect(declared.statusCode).toBe(413);
    expect(declared.json().issue[0].diagnostics).toContain('too large');
    const chunked = await app.inject({ method: 'POST', url: '/fhir/Patient/_search', headers, payload: Readable.from([Buffer.from('gender='), Buffer.from('x'.repeat(300))]) });
    expect(chunked.statusCode).toBe(413);
  });

  it('still refuses a GET that declares a body over the policy limit (regression: bodyless requests skip the counting stream)', async () => {
    app = await build();
    const plain = await app.inject({ method: 'GET', url: '/fhir/Patient', headers: { 'x-client': 'd' } });
    expect(plain.statusCode).toBe(200);
    const declared = await app.inject({ method: 'GET', url: '/fhir/Patient', headers: { 'x-client': 'd', 'content-type': 'text/plain' }, payload: 'x'.repeat(200) });
    expect(declared.statusCode).toBe(413);
  });
});
