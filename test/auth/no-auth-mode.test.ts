import { describe, expect, it } from 'vitest';
import { createAuthenticator } from '../../src/auth/index.js';
import { loadPolicyRegistry } from '../../src/policy/registry.js';
import { MemoryMappingStore } from '../../src/store/mapping-store.js';

/** Regression: `auth.mode: none` through createAuthenticator used to serve any caller, not only loopback ones. */
describe('auth mode none', () => {
  const registry = loadPolicyRegistry({ policiesDir: 'policies', profilesDir: 'profiles', store: new MemoryMappingStore(), only: ['demo-research'], secretOf: () => Buffer.alloc(32, 5) });
  const authenticate = createAuthenticator({ mode: 'none', policy: 'demo-research' }, registry);

  it('serves loopback callers with the one policy', async () => {
    for (const remoteAddress of ['127.0.0.1', '::1', '::ffff:127.0.0.1']) {
      const principal = await authenticate({ headers: {}, socket: { remoteAddress } });
      expect(principal.policy.name).toBe('demo-research');
    }
  });

  it('refuses any other caller, and a request whose address is unknown', async () => {
    await expect(authenticate({ headers: {}, socket: { remoteAddress: '10.1.2.3' } })).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
    await expect(authenticate({ headers: {} })).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
  });
});
