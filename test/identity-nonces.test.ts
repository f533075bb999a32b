import { describe, expect, it } from 'vitest';
import { Identity } from '../src/identity/index.js';
import { MemoryMappingStore } from '../src/store/mapping-store.js';

// GCM nonces come from a pool refilled from the CSPRNG 256 at a time: across refills, every
// token must still carry its own nonce and open to its own value.
describe('sealed and encrypted values carry a nonce of their own', () => {
  it('across several refills of the nonce pool: no nonce repeats, every token opens', () => {
    const identity = new Identity(Buffer.alloc(32, 7), { store: new MemoryMappingStore() });
    const nonces = new Set<string>();
    for (let i = 0; i < 700; i++) {
      const encrypted = identity.encrypt(`value ${i}`);
      const sealed = identity.seal({ i }, 60, 'aud');
      for (const token of [encrypted, sealed]) nonces.add(Buffer.from(token, 'base64url').subarray(0, 12).toString('hex'));
      expect(identity.decrypt(encrypted)).toBe(`value ${i}`);
      expect(identity.unseal(sealed, 'aud')).toEqual({ i });
    }
    expect(nonces.size).toBe(1400);
  });
});
