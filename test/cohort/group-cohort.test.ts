import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCohort } from '../../src/cohort/build.js';
import { FhirUpstream } from '../../src/upstream/fhir-upstream.js';
import { avatarPolicy, identityWith, startCohortFixture, type CohortFixture } from './support/fixture.js';

/**
 * The demo upstream has no Group: a real HTTP server in front of it answers `Group/g-1` (12 members)
 * and forwards everything else, so the Group path is exercised over HTTP end to end.
 */
let fx: CohortFixture;
let front: Server;
let upstream: FhirUpstream;
let members: string[];

beforeAll(async () => {
  fx = await startCohortFixture();
  members = fx.demo.cohort.patients.slice(10, 22).map((p) => p.id);
  const group = { resourceType: 'Group', id: 'g-1', type: 'person', actual: true, member: members.map((id) => ({ entity: { reference: `Patient/${id}` } })) };
  const demoBase = new URL(fx.demo.url);
  front = createServer((req, res) => {
    if (req.url === `${demoBase.pathname}/Group/g-1`) {
      res.writeHead(200, { 'content-type': 'application/fhir+json' }).end(JSON.stringify(group));
      return;
    }
    fetch(new URL(req.url!, demoBase.origin)).then(
      async (r) => res.writeHead(r.status, { 'content-type': 'application/fhir+json' }).end(Buffer.from(await r.arrayBuffer())),
      () => res.writeHead(502).end(),
    );
  });
  await new Promise<void>((resolve) => front.listen(0, '127.0.0.1', resolve));
  upstream = new FhirUpstream({ url: `http://127.0.0.1:${(front.address() as AddressInfo).port}${demoBase.pathname}` });
});
afterAll(async () => {
  await upstream?.close();
  await new Promise((resolve) => front?.close(resolve));
  await fx?.close();
});

describe('cohort build from a Group named by its pseudonym', () => {
  it('builds exactly the Group members', async () => {
    const identity = identityWith('secret-a');
    const pseudonym = identity.pseudonymizeId('Group', 'g-1');
    const policy = { ...avatarPolicy, avatar: { ...avatarPolicy.avatar!, cohort: { group: pseudonym } } };
    const store = fx.openStore('group.db');
    const result = await buildCohort({ policy, identity, upstream, store });
    expect(result.patients).toBe(12);
    for (const id of members) expect(store.avatarOf(policy.name, id)).toBeDefined();
    expect(store.avatarOf(policy.name, fx.demo.cohort.patients[0]!.id)).toBeUndefined();
  });

  it('a forged Group pseudonym is NOT_FOUND, and nothing is stored', async () => {
    const policy = { ...avatarPolicy, avatar: { ...avatarPolicy.avatar!, cohort: { group: 'forged-pseudonym' } } };
    const store = fx.openStore('forged.db');
    await expect(buildCohort({ policy, identity: identityWith('secret-a'), upstream, store })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect(store.build(policy.name)).toBeUndefined();
  });
});
