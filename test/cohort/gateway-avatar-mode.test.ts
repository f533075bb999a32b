import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Patient } from '@medplum/fhirtypes';
import { parse } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFhirAnonymizer } from '../../src/anonymize/fhir/index.js';
import { redactingTextDeidentifier } from '../../src/anonymize/text/api.js';
import { birthDateForAge, withAvatarValues } from '../../src/cohort/avatar-anonymizer.js';
import { buildCohort } from '../../src/cohort/build.js';
import type { AvatarStore } from '../../src/cohort/store.js';
import type { ResolvedPolicy } from '../../src/policy/runtime.js';
import type { FhirProfile } from '../../src/policy/types.js';
import { startGateway, type RunningGateway } from '../fhir-proxy/support/gateway.js';
import { avatarPolicy, identityWith, startCohortFixture, type CohortFixture } from './support/fixture.js';

/**
 * Avatar mode through the real gateway: the policy's engine is the rule engine wrapped by
 * withAvatarValues (what src/policy/registry.ts is to do for a policy with an `avatar` section).
 */
let fx: CohortFixture;
let gateway: RunningGateway;
let store: AvatarStore;
let resolved: ResolvedPolicy;
let cohort: string[];
let outside: string;

beforeAll(async () => {
  fx = await startCohortFixture();
  const ids = fx.demo.cohort.patients.map((p) => p.id);
  outside = ids[0]!;
  cohort = ids.slice(1);
  const policy = { ...avatarPolicy, avatar: { ...avatarPolicy.avatar!, cohort: { search: `Patient?_id=${cohort.join(',')}` } } };
  const identity = identityWith('secret-gw');
  store = fx.openStore();
  await buildCohort({ policy, identity, upstream: fx.upstream, store });
  const profile = parse(readFileSync(join(process.cwd(), 'profiles/fhir/research-strict.yaml'), 'utf8')) as FhirProfile;
  const rules = createFhirAnonymizer(profile, { identity, text: redactingTextDeidentifier });
  resolved = { name: policy.name, policy, identity, text: redactingTextDeidentifier, fhir: withAvatarValues(rules, store, policy) };
  gateway = await startGateway(fx.demo.url, resolved);
});
afterAll(async () => {
  await gateway?.close();
  await fx?.close();
});

async function readThroughGateway(realId: string): Promise<Patient> {
  const response = await fetch(`${gateway.url}/fhir/Patient/${resolved.identity.patientPseudonym(realId)}`);
  expect(response.status).toBe(200);
  return (await response.json()) as Patient;
}

describe('avatar mode through /fhir', () => {
  it("a cohort patient is served with the avatar's sex, year of birth and region", async () => {
    let checked = 0;
    for (const id of cohort.slice(0, 10)) {
      const avatar = store.avatarOf(resolved.name, id)!.values;
      if (typeof avatar[0] !== 'number' || avatar[0] >= 85 || typeof avatar[1] !== 'string') continue;
      const served = await readThroughGateway(id);
      expect(served.id).not.toBe(id);
      expect(served.gender).toBe(avatar[1]);
      expect(served.birthDate).toBe(birthDateForAge(avatar[0], '2025-01-01')!.slice(0, 4));
      for (const a of served.address ?? []) if (a.postalCode !== undefined) expect(a.postalCode).toBe(avatar[2]);
      checked++;
    }
    expect(checked).toBeGreaterThan(3);
  });

  it('a patient outside the cohort is served exactly as the rule profile alone serves it', async () => {
    const real = (await fx.upstream.getJson(`Patient/${outside}`)).body as Patient;
    const profile = parse(readFileSync(join(process.cwd(), 'profiles/fhir/research-strict.yaml'), 'utf8')) as FhirProfile;
    const rulesOnly = (await createFhirAnonymizer(profile, { identity: resolved.identity, text: redactingTextDeidentifier }).anonymize(real)).resource as Patient;
    const served = await readThroughGateway(outside);
    expect(served.gender).toBe(rulesOnly.gender);
    expect(served.birthDate).toBe(rulesOnly.birthDate);
    expect(served.address).toEqual(rulesOnly.address);
  });
});
