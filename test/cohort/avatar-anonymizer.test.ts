import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Bundle, Observation, Patient, Resource } from '@medplum/fhirtypes';
import { parse } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFhirAnonymizer } from '../../src/anonymize/fhir/index.js';
import type { FhirAnonymizer } from '../../src/anonymize/fhir/api.js';
import { redactingTextDeidentifier } from '../../src/anonymize/text/api.js';
import { birthDateForAge, withAvatarValues } from '../../src/cohort/avatar-anonymizer.js';
import { buildCohort } from '../../src/cohort/build.js';
import { ageAt, parseDate } from '../../src/cohort/features.js';
import { SqliteAvatarStore } from '../../src/cohort/store.js';
import type { FhirProfile } from '../../src/policy/types.js';
import { GLUCOSE, avatarPolicy, identityWith, startCohortFixture, type CohortFixture } from './support/fixture.js';

const POLICY = avatarPolicy.name;

/** Unit-test inner engine: hands back what the wrapper gave it, so the substitution itself is visible. */
function recordingEngine(): FhirAnonymizer & { seen: Resource[] } {
  const seen: Resource[] = [];
  return { seen, resourceTypes: undefined, anonymize: async (resource) => (seen.push(resource), { resource }) };
}

let fx: CohortFixture;
let store: SqliteAvatarStore;
let inCohort: string[];
let outside: string;

async function get<T>(path: string): Promise<T> {
  return (await fx.upstream.getJson(path)).body as T;
}

async function glucoseObservations(patientId: string): Promise<Observation[]> {
  const bundle = await get<Bundle>(`Observation?subject=Patient/${patientId}&code=${encodeURIComponent(`http://loinc.org|${GLUCOSE}`)}&_count=200`);
  return (bundle.entry ?? []).map((e) => e.resource as Observation);
}

beforeAll(async () => {
  fx = await startCohortFixture();
  // The cohort: every demo patient but the first, so that one patient stays outside it.
  const ids = fx.demo.cohort.patients.map((p) => p.id);
  outside = ids[0]!;
  inCohort = ids.slice(1);
  const policy = { ...avatarPolicy, avatar: { ...avatarPolicy.avatar!, cohort: { search: `Patient?_id=${inCohort.join(',')}` } } };
  store = fx.openStore();
  await buildCohort({ policy, identity: identityWith('secret-a'), upstream: fx.upstream, store });
});
afterAll(async () => {
  await fx?.close();
});

describe('withAvatarValues: avatar mode before the rule profile', () => {
  it("gives a cohort patient the avatar's gender, age at the reference date and postal region", async () => {
    const inner = recordingEngine();
    const fhir = withAvatarValues(inner, store, avatarPolicy);
    let checked = 0;
    for (const id of inCohort.slice(0, 15)) {
      const real = await get<Patient>(`Patient/${id}`);
      const avatar = store.avatarOf(POLICY, id)!.values;
      const out = (await fhir.anonymize(real)).resource as Patient;
      if (typeof avatar[1] === 'string') expect(out.gender).toBe(avatar[1]);
      else expect(out.gender).toBeUndefined();
      if (typeof avatar[0] === 'number') {
        expect(ageAt(out.birthDate, parseDate('2025-01-01')!)).toBe(avatar[0]);
        checked++;
      } else expect(out.birthDate).toBeUndefined();
      for (const address of out.address ?? []) {
        if (address.postalCode !== undefined) expect(address.postalCode.slice(0, 2)).toBe(avatar[2]);
      }
      // The caller's resource is never mutated (it is the real one).
      expect(real).toEqual(await get<Patient>(`Patient/${id}`));
    }
    expect(checked).toBeGreaterThan(10);
  });

  it("puts the avatar's value on the patient's latest Observation of the code and withholds the patient's other Observations of that code", async () => {
    const fhir = withAvatarValues(recordingEngine(), store, avatarPolicy);
    let checked = 0;
    let withheld = 0;
    for (const id of inCohort) {
      const avatar = store.avatarOf(POLICY, id)!;
      const latestId = avatar.latestObservations['glucose'];
      if (latestId === undefined) continue;
      for (const observation of await glucoseObservations(id)) {
        const out = (await fhir.anonymize(observation)).resource as Observation;
        if (observation.id === latestId) {
          if (typeof avatar.values[3] === 'number') {
            expect(out.valueQuantity?.value).toBe(avatar.values[3]);
            expect(out.valueQuantity?.unit).toBe(observation.valueQuantity?.unit);
            checked++;
          } else {
            // The avatar has no value here (its neighbours mostly had none): the value is removed.
            expect(out.valueQuantity).toBeUndefined();
          }
        } else {
          // Earlier real values of the code would give the real one away beside the avatar's.
          expect(out).toBeUndefined();
          withheld++;
        }
      }
      if (checked >= 8 && withheld > 0) break;
    }
    expect(checked).toBeGreaterThan(0);
    expect(withheld).toBeGreaterThan(0);
  });

  it('leaves a patient outside the cohort unchanged, alone or in a Bundle with cohort patients', async () => {
    const inner = recordingEngine();
    const fhir = withAvatarValues(inner, store, avatarPolicy);
    const real = await get<Patient>(`Patient/${outside}`);
    expect((await fhir.anonymize(real)).resource).toBe(real);
    const member = await get<Patient>(`Patient/${inCohort[0]}`);
    const bundle: Bundle = { resourceType: 'Bundle', type: 'searchset', entry: [{ resource: real }, { resource: member }] };
    const out = (await fhir.anonymize(bundle)).resource as Bundle;
    expect(out.entry![0]!.resource).toBe(real);
    expect(out.entry![1]!.resource).not.toBe(member);
    expect((out.entry![1]!.resource as Patient).gender).toBe(store.avatarOf(POLICY, inCohort[0]!)!.values[1] ?? undefined);
  });

  it('a policy without an avatar section gets the rule profile untouched', () => {
    const inner = recordingEngine();
    const { avatar: _avatar, ...plain } = avatarPolicy;
    void _avatar;
    expect(withAvatarValues(inner, store, plain)).toBe(inner);
  });

  it('then the rule profile applies: research-strict releases the avatar year of birth and region', async () => {
    const profile = parse(readFileSync(join(process.cwd(), 'profiles/fhir/research-strict.yaml'), 'utf8')) as FhirProfile;
    const identity = identityWith('secret-a');
    const fhir = withAvatarValues(createFhirAnonymizer(profile, { identity, text: redactingTextDeidentifier }), store, avatarPolicy);
    const id = inCohort.find((p) => typeof store.avatarOf(POLICY, p)!.values[0] === 'number' && (store.avatarOf(POLICY, p)!.values[0] as number) < 80)!;
    const avatar = store.avatarOf(POLICY, id)!.values;
    const out = (await fhir.anonymize(await get<Patient>(`Patient/${id}`))).resource as Patient;
    expect(out.id).not.toBe(id);
    expect(out.gender).toBe(avatar[1]);
    expect(out.birthDate).toBe(birthDateForAge(avatar[0]!, '2025-01-01')!.slice(0, 4));
    const postal = (out.address ?? []).map((a) => a.postalCode).filter((p) => p !== undefined);
    for (const p of postal) expect(p).toBe(avatar[2]);
  });

  it('restart: reopening the SQLite file gives the same avatar values', async () => {
    const before = await Promise.all(inCohort.slice(0, 10).map(async (id) => (await withAvatarValues(recordingEngine(), store, avatarPolicy).anonymize(await get<Patient>(`Patient/${id}`))).resource));
    const reopened = new SqliteAvatarStore(join(fx.dir, 'voile.db'));
    try {
      const fhir = withAvatarValues(recordingEngine(), reopened, avatarPolicy);
      const after = await Promise.all(inCohort.slice(0, 10).map(async (id) => (await fhir.anonymize(await get<Patient>(`Patient/${id}`))).resource));
      expect(after).toEqual(before);
    } finally {
      reopened.close();
    }
  });
});

describe('withAvatarValues fails closed', () => {
  it('a store that cannot be read gives ANONYMIZATION_FAILED, never the real resource', async () => {
    const inner = recordingEngine();
    const broken = {
      build: () => {
        throw new Error('disk I/O error on row of patient p1');
      },
      avatarOf: () => {
        throw new Error('disk I/O error on row of patient p1');
      },
    };
    const fhir = withAvatarValues(inner, broken, avatarPolicy);
    const error = await fhir.anonymize({ resourceType: 'Patient', id: 'p1', gender: 'male' }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'ANONYMIZATION_FAILED' });
    expect((error as Error).message).not.toContain('p1');
    expect(inner.seen).toHaveLength(0);
  });
});

describe('birthDateForAge', () => {
  it('gives exactly the requested age at the reference date', () => {
    for (const ref of ['2025-01-01', '2024-02-29', '2025-07-31', '2025-12-31']) {
      for (const age of [0, 1, 17, 45, 89]) expect(ageAt(birthDateForAge(age, ref), parseDate(ref)!)).toBe(age);
    }
  });
  it('a missing or invalid age gives no date', () => {
    expect(birthDateForAge(null, '2025-01-01')).toBeUndefined();
    expect(birthDateForAge('x', '2025-01-01')).toBeUndefined();
    expect(birthDateForAge(-1, '2025-01-01')).toBeUndefined();
  });
});
