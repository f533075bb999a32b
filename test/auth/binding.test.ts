import { describe, expect, it } from 'vitest';
import { bindPolicy } from '../../src/auth/binding.js';
import { testPolicy, testRegistry } from './fixtures.js';

const token = (clientId: string, scopes: string[] = [], claims: Record<string, unknown> = {}) => ({ clientId, scopes, claims });

describe('policy binding', () => {
  const byClient = testPolicy('by-client', { clients: ['app-a'] });
  const byScope = testPolicy('by-scope', { scopes: ['system/Patient.rs'] });
  const byClaim = testPolicy('by-claim', { claims: { org: 'lab-42', role: 'research' } });
  const both = testPolicy('client-and-scope', { clients: ['app-b'], scopes: ['system/Observation.rs'] });
  const registry = testRegistry(byClient, byScope, byClaim, both, testPolicy('unbound'));

  it('binds by client id', () => {
    expect(bindPolicy(registry, token('app-a')).policy?.name).toBe('by-client');
  });

  it('binds by scope and by claims (all claims must match; array claims contain the value)', () => {
    expect(bindPolicy(registry, token('x', ['system/Patient.rs'])).policy?.name).toBe('by-scope');
    expect(bindPolicy(registry, token('x', [], { org: 'lab-42', role: ['research', 'admin'] })).policy?.name).toBe('by-claim');
    expect(bindPolicy(registry, token('x', [], { org: 'lab-42' })).policy).toBeUndefined();
  });

  it('needs every criterion a binding states', () => {
    expect(bindPolicy(registry, token('app-b', ['system/Observation.rs'])).policy?.name).toBe('client-and-scope');
    expect(bindPolicy(registry, token('app-b', [])).policy).toBeUndefined();
  });

  it('prefers the more specific binding', () => {
    expect(bindPolicy(registry, token('app-a', ['system/Patient.rs'])).policy?.name).toBe('by-client');
  });

  it('refuses to choose between equally specific bindings', () => {
    const r = testRegistry(testPolicy('one', { clients: ['dup'] }), testPolicy('two', { clients: ['dup'] }));
    expect(bindPolicy(r, token('dup'))).toEqual({ policy: undefined, reason: 'ambiguous' });
  });

  it('binds nobody when nothing matches', () => {
    expect(bindPolicy(registry, token('stranger', ['system/Condition.rs']))).toEqual({ policy: undefined, reason: 'none' });
  });
});
