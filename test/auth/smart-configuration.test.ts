import Fastify, { type FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { smartConfigurationPlugin } from '../../src/auth/smart-configuration.js';
import { startAuthServer, type TestAuthServer } from '../helpers/oidc.js';

describe('/.well-known/smart-configuration', () => {
  let as: TestAuthServer;
  const apps: FastifyInstance[] = [];
  beforeAll(async () => {
    as = await startAuthServer({ audience: 'https://voile.test', clients: [{ clientId: 'x', scope: 'system/Patient.rs' }] });
  });
  afterAll(async () => {
    for (const app of apps) await app.close();
    await as?.close();
  });

  async function build(options: Parameters<typeof smartConfigurationPlugin>[1]) {
    const app = Fastify({ logger: false });
    await app.register(smartConfigurationPlugin, options);
    apps.push(app);
    return app;
  }

  it('advertises the configured authorization server from its discovery metadata, at the root and under /fhir', async () => {
    const app = await build({ auth: { mode: 'jwt', audience: 'https://voile.test', issuers: [{ issuer: as.issuer }] } });
    for (const url of ['/.well-known/smart-configuration', '/fhir/.well-known/smart-configuration']) {
      const res = await app.inject({ url });
      expect(res.statusCode).toBe(200);
      const body = res.json();
      expect(body.issuer).toBe(as.issuer);
      expect(body.token_endpoint).toBe(as.tokenEndpoint);
      expect(body.jwks_uri).toBe(as.jwksUri);
      expect(body.grant_types_supported).toEqual(['client_credentials']);
      expect(body.token_endpoint_auth_methods_supported).toEqual(['private_key_jwt']);
      expect(body.capabilities).toContain('permission-v2');
      expect(body.introspection_endpoint).toMatch(/^http:\/\/127\.0\.0\.1/);
    }
  });

  it('takes explicit endpoints over discovery', async () => {
    const app = await build({ auth: { mode: 'jwt', audience: 'a', issuers: [{ issuer: 'https://as.example', jwksUri: 'https://as.example/keys' }], smart: { tokenEndpoint: 'https://as.example/token' } } });
    const body = (await app.inject({ url: '/.well-known/smart-configuration' })).json();
    expect(body).toMatchObject({ issuer: 'https://as.example', token_endpoint: 'https://as.example/token', jwks_uri: 'https://as.example/keys' });
  });

  it('answers 503 rather than a guess when the authorization server cannot be reached or none is configured', async () => {
    const unreachable = await build({ auth: { mode: 'jwt', audience: 'a', issuers: [{ issuer: 'http://127.0.0.1:9' }], httpTimeoutMs: 500 } });
    expect((await unreachable.inject({ url: '/.well-known/smart-configuration' })).statusCode).toBe(503);
    const demo = await build({ auth: { mode: 'none', policy: 'demo' } });
    expect((await demo.inject({ url: '/.well-known/smart-configuration' })).statusCode).toBe(503);
  });
});
