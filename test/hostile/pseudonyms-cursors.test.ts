import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { expectNothingIdentifying, startHostileStack, type HostileStack } from './support.js';

/**
 * Forged, foreign and replayed pseudonyms and paging cursors, with real tokens: a pseudonym or a
 * cursor is only worth something to the policy (and, for cursors, the client) it was issued to.
 */
let stack: HostileStack;
const tokens: Record<string, string> = {};
const SCOPE = 'system/Observation.rs system/Patient.rs';

beforeAll(async () => {
  stack = await startHostileStack(
    [
      { clientId: 'alice', scope: SCOPE },
      { clientId: 'bob', scope: SCOPE },
      { clientId: 'carol-other-policy', scope: SCOPE },
    ],
    { research: { clients: ['alice', 'bob'] }, other: { clients: ['carol-other-policy'] } },
  );
  for (const client of ['alice', 'bob', 'carol-other-policy']) tokens[client] = await stack.as.token(client, SCOPE);
});
afterAll(async () => stack?.close());
beforeEach(() => {
  stack.upstream.requests.length = 0;
});

async function expectStatus(client: string, path: string, status: number) {
  const res = await stack.call(path, { token: tokens[client] });
  expect(res.status, path).toBe(status);
  expect(stack.upstream.requests, `${path} reached the upstream`).toHaveLength(0);
  expectNothingIdentifying(res.text);
  return res;
}

describe('pseudonyms', () => {
  it('control: the policy pseudonym of a patient reads it', async () => {
    const res = await stack.call(`/fhir/Patient/${stack.research.identity.patientPseudonym('pat-dupont')}`, { token: tokens.alice });
    expect(res.status).toBe(200);
  });

  it('a forged pseudonym is a plain 404 without an upstream call', async () => {
    const real = stack.research.identity.patientPseudonym('pat-dupont');
    const flipped = real.slice(0, -2) + (real.endsWith('AA') ? 'AB' : 'AA');
    await expectStatus('alice', `/fhir/Patient/${flipped}`, 404);
    await expectStatus('alice', '/fhir/Patient/aAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA', 404);
  });

  it('a real id is not a pseudonym', async () => {
    await expectStatus('alice', '/fhir/Patient/pat-dupont', 404);
  });

  it('a pseudonym from another policy (foreign) is a plain 404, both ways', async () => {
    await expectStatus('alice', `/fhir/Patient/${stack.other.identity.patientPseudonym('pat-dupont')}`, 404);
    await expectStatus('carol-other-policy', `/fhir/Patient/${stack.research.identity.patientPseudonym('pat-dupont')}`, 404);
  });

  it('a pseudonym of another type does not resolve', async () => {
    await expectStatus('alice', `/fhir/Observation/${stack.research.identity.patientPseudonym('pat-dupont')}`, 404);
  });
});

describe('paging cursors', () => {
  let next: string;
  beforeAll(async () => {
    const first = await stack.call(`/fhir/Observation?subject=Patient/${stack.research.identity.patientPseudonym('pat-dupont')}&_count=5`, { token: tokens.alice });
    expect(first.status).toBe(200);
    next = (first.body.link as { relation: string; url: string }[]).find((l) => l.relation === 'next')!.url;
    expect(next).toMatch(/\/fhir\/_page\?cursor=/);
  });
  const pagePath = (url: string) => url.slice(url.indexOf('/fhir/'));

  it('control: the client it was issued to follows it, with a fresh token too', async () => {
    const fresh = await stack.as.token('alice', SCOPE);
    const res = await stack.call(pagePath(next), { token: fresh });
    expect(res.status).toBe(200);
    expect(res.body.entry.length).toBeGreaterThan(0);
  });

  it('a tampered cursor is refused without an upstream call', async () => {
    const token = new URL(next).searchParams.get('cursor')!;
    const i = Math.floor(token.length / 2);
    const tampered = token.slice(0, i) + (token[i] === 'A' ? 'B' : 'A') + token.slice(i + 1);
    const res = await expectStatus('alice', `/fhir/_page?cursor=${tampered}`, 400);
    expect(res.body.resourceType).toBe('OperationOutcome');
    await expectStatus('alice', `/fhir/_page?cursor=${'A'.repeat(64)}`, 400);
    await expectStatus('alice', '/fhir/_page?cursor=../../Patient', 400);
  });

  it('a cursor replayed by another client of the same policy is refused', async () => {
    await expectStatus('bob', pagePath(next), 400);
  });

  it('a cursor replayed by a client of another policy is refused', async () => {
    await expectStatus('carol-other-policy', pagePath(next), 400);
  });
});
