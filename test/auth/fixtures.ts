import type { Resource } from '@medplum/fhirtypes';
import { redactingTextDeidentifier } from '../../src/anonymize/text/api.js';
import { Identity } from '../../src/identity/index.js';
import type { PolicyRegistry, ResolvedPolicy } from '../../src/policy/runtime.js';
import type { Policy, PolicyBinding } from '../../src/policy/types.js';
import { MemoryMappingStore } from '../../src/store/mapping-store.js';

/**
 * Policies for auth unit tests: real Identity, and an anonymizer stand-in that returns its input
 * (auth never calls it; these tests are about who gets which policy).
 */
export function testPolicy(name: string, bind?: PolicyBinding, limits?: Policy['limits'], domain = 'test'): ResolvedPolicy {
  const identity = new Identity(new Uint8Array(32).fill(7), { store: new MemoryMappingStore() });
  const policy: Policy = { kind: 'policy', name, profile: 'none', identity: { domain }, ...(bind ? { bind } : {}), ...(limits ? { limits } : {}) };
  return {
    name,
    policy,
    identity,
    text: redactingTextDeidentifier,
    fhir: { anonymize: async (resource: Resource) => ({ resource }), resourceTypes: undefined },
  };
}

export function testRegistry(...policies: ResolvedPolicy[]): PolicyRegistry {
  const byName = new Map(policies.map((p) => [p.name, p]));
  return { get: (name) => byName.get(name), all: () => policies };
}
