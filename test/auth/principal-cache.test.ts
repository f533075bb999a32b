import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAuthenticator } from '../../src/auth/authenticator.js';
import { PrincipalCache } from '../../src/auth/principal-cache.js';
import type { Principal } from '../../src/auth/principal.js';
import type { PolicyRegistry } from '../../src/policy/runtime.js';
import { testPolicy } from '../fhir-proxy/support/policy.js';
import { startAuthServer, type TestAuthServer } from '../helpers/oidc.js';

/**
 * The authenticator remembers the principal of a validated token (src/auth/principal-cache.ts):
 * the same token skips verification and binding, but never outlives its `exp` or the TTL, and a
 * refused token is never remembered.
 */
const AUDIENCE = 'https://voile.cache.test/fhir';
const now = () => Math.floor(Date.now() / 1000);
const request = (token: string) => ({ headers: { authorization: `Bearer ${token}` }, socket: { remoteAddress: '10.0.0.1' } });
const codeOf = (err: unknown) => (err as { code?: string }).code;

describe('principal cache', () => {
  let as: TestAuthServer;
  const research = testPolicy({ name: 'research' });
  const bound = { ...research, policy: { ...research.policy, bind: { clients: ['minted-client'] } } };
  const registry: PolicyRegistry = { get: (n) => (n === 'research' ? bound : undefined), all: () => [bound] };

  beforeAll(async () => {
    as = await startAuthServer({ audience: AUDIENCE, clients: [] });
  });
  afterAll(async () => {
    await as?.close();
  });

  it('answers the same Principal for the same token, and another one for another token', async () => {
    const authenticate = createAuthenticator({ mode: 'jwt', audience: AUDIENCE, issuers: [{ issuer: as.issuer }] }, registry);
    const token = await as.mint();
    const first = await authenticate(request(token));
    expect(first.clientId).toBe('minted-client');
    expect(await authenticate(request(token))).toBe(first);
    expect(await authenticate(request(await as.mint()))).not.toBe(first);
  });

  it('stops accepting a cached token at its exp', async () => {
    const authenticate = createAuthenticator({ mode: 'jwt', audience: AUDIENCE, clockToleranceSeconds: 0, issuers: [{ issuer: as.issuer }] }, registry);
    const token = await as.mint({ exp: now() + 2 });
    await expect(authenticate(request(token))).resolves.toBeDefined();
    await new Promise((resolve) => setTimeout(resolve, 2100));
    expect(codeOf(await authenticate(request(token)).catch((e: unknown) => e))).toBe('UNAUTHENTICATED');
  });

  it('does not remember a refused token', async () => {
    const authenticate = createAuthenticator({ mode: 'jwt', audience: AUDIENCE, issuers: [{ issuer: as.issuer }] }, registry);
    const unbound = await as.mint({ client_id: 'nobody', sub: 'nobody' });
    expect(codeOf(await authenticate(request(unbound)).catch((e: unknown) => e))).toBe('NO_POLICY');
    expect(codeOf(await authenticate(request(unbound)).catch((e: unknown) => e))).toBe('NO_POLICY');
  });

  it('keeps an entry at most the TTL, never past exp, and at most `limit` entries', () => {
    const principal = { clientId: 'c' } as Principal;
    const cache = new PrincipalCache({ ttlMs: 1000, limit: 2 });
    const t = 1_000_000_000_000;
    cache.set('a', principal, t / 1000 + 3600, t);
    expect(cache.get('a', t + 999)).toBe(principal);
    expect(cache.get('a', t + 1000)).toBeUndefined();
    cache.set('b', principal, t / 1000 + 0.5, t);
    expect(cache.get('b', t + 499)).toBe(principal);
    expect(cache.get('b', t + 500)).toBeUndefined();
    cache.set('c', principal, undefined, t);
    expect(cache.get('c', t)).toBeUndefined();
    cache.set('d', principal, t / 1000 + 3600, t);
    cache.set('e', principal, t / 1000 + 3600, t);
    cache.set('f', principal, t / 1000 + 3600, t);
    expect(cache.size).toBe(2);
    expect(cache.get('d', t)).toBeUndefined();
    expect(cache.get('f', t)).toBe(principal);
  });
});
