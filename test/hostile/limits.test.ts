import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { requestLimitsPlugin } from '../../src/auth/limits.js';
import { expectNothingIdentifying, startHostileStack, type HostileStack } from './support.js';

/**
 * Flooding and oversized requests through the assembled gateway (limits registered after the
 * routes, as the composition root does): refused with a clear 429 / 413 before any upstream call.
 */
let stack: HostileStack;
const tokens: Record<string, string> = {};
const SCOPE = 'system/Observation.rs system/Patient.rs';

beforeAll(async () => {
  stack = await startHostileStack(
    [
      { clientId: 'flooder', scope: SCOPE },
      { clientId: 'neighbour', scope: SCOPE },
    ],
    { research: { clients: ['flooder', 'neighbour'] }, limits: { requestsPerMinute: 3, maxBodyBytes: 256 } },
    async (app) => {
      await app.register(requestLimitsPlugin, {});
    },
  );
  tokens.flooder = await stack.as.token('flooder', SCOPE);
  tokens.neighbour = await stack.as.token('neighbour', SCOPE);
});
afterAll(async () => stack?.close());
beforeEach(() => {
  stack.upstream.requests.length = 0;
});

describe('limits through the gateway', () => {
  it('a flooding client gets 429 with Retry-After before any upstream call; another client of the same policy is unaffected', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 3; i++) statuses.push((await stack.call('/fhir/Patient?gender=female', { token: tokens.flooder })).status);
    expect(statuses).toEqual([200, 200, 200]);
    const upstreamCalls = stack.upstream.requests.length;
    const refused = await stack.call('/fhir/Patient?gender=female', { token: tokens.flooder });
    expect(refused.status).toBe(429);
    expect(refused.headers.get('retry-after')).not.toBeNull();
    expect(refused.body.resourceType).toBe('OperationOutcome');
    expect(refused.body.issue[0].code).toBe('throttled');
    expect(stack.upstream.requests.length).toBe(upstreamCalls);
    expectNothingIdentifying(refused.text);
    expect((await stack.call('/fhir/Patient?gender=female', { token: tokens.neighbour })).status).toBe(200);
  });

  it('a body over the policy limit is refused with 413 before any upstream call', async () => {
    const res = await stack.call('/fhir/Observation/_search', {
      token: tokens.neighbour,
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: `code=${'1'.repeat(1000)}`,
    });
    expect(res.status).toBe(413);
    expect(res.body.resourceType).toBe('OperationOutcome');
    expect(stack.upstream.requests).toHaveLength(0);
  });
});
