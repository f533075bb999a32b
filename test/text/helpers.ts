import { Identity } from '../../src/identity/index.js';
import { MemoryMappingStore } from '../../src/store/mapping-store.js';

export function testIdentity(seed = 7): Identity {
  return new Identity(Buffer.alloc(32, seed), { store: new MemoryMappingStore() });
}
