import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Bundle, Condition, Encounter, Patient } from '@medplum/fhirtypes';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { createFhirAnonymizer } from '../../src/anonymize/fhir/index.js';
import { redactingTextDeidentifier } from '../../src/anonymize/text/api.js';
import { withAvatarValues } from '../../src/cohort/avatar-anonymizer.js';
import { AVATAR_CONDITION_FLAG_URL, AVATAR_RESOURCE_COUNT_URL, avatarSummaryExtensions } from '../../src/cohort/avatar-summary.js';
import type { AvatarLookup, PatientAvatar, StoredBuild } from '../../src/cohort/store.js';
import type { FhirProfile } from '../../src/policy/types.js';
import { avatarPolicy, identityWith } from './support/fixture.js';

/**
 * The avatar summary (flag and count columns on the Patient) at the level of one document: what
 * each stored value becomes, and how a Bundle's Patients get theirs — or the whole document fails.
 */
const BUILD: StoredBuild = {
  policy: avatarPolicy.name,
  builtAt: '2026-01-01T00:00:00.000Z',
  referenceDate: '2025-01-01',
  columns: avatarPolicy.avatar!.columns.map((c) => ({ name: c.name, kind: c.kind })),
  parameters: { k: 5, ncp: 3, seed: 1 },
};

/** An in-memory build of two cohort patients, p1 and p2 (columns: age, sex, region, glucose, diabetes, encounters). */
function lookup(): AvatarLookup {
  const avatars = new Map<string, PatientAvatar>([
    ['p1', { values: [40, 'female', '75', 5.4, 'yes', 3], latestObservations: {} }],
    ['p2', { values: [61, 'male', '69', null, 'no', 0], latestObservations: {} }],
  ]);
  return { build: (policy) => (policy === BUILD.policy ? BUILD : undefined), avatarOf: (policy, id) => (policy === BUILD.policy ? avatars.get(id) : undefined) };
}

function strictEngine(secret = 'summary-test') {
  const identity = identityWith(secret);
  const profile = parse(readFileSync(join(process.cwd(), 'profiles/fhir/research-strict.yaml'), 'utf8')) as FhirProfile;
  return { identity, fhir: withAvatarValues(createFhirAnonymizer(profile, { identity, text: redactingTextDeidentifier }), lookup(), avatarPolicy) };
}

const patient = (id: string, extra: Partial<Patient> = {}): Patient => ({ resourceType: 'Patient', id, gender: 'other', birthDate: '1950-03-04', ...extra });
const diabetes = (id: string, subject: string): Condition => ({
  resourceType: 'Condition',
  id,
  subject: { reference: `Patient/${subject}` },
  code: { coding: [{ system: 'http://snomed.info/sct', code: '44054006' }, { system: 'http://hl7.org/fhir/sid/icd-10', code: 'E11.9' }] },
});
const encounter = (id: string, subject: string): Encounter => ({ resourceType: 'Encounter', id, status: 'finished', class: { code: 'AMB' }, subject: { reference: `Patient/${subject}` } });

describe('avatarSummaryExtensions: stored values → extensions', () => {
  const flag = { conditionFlag: 'E11.9' };
  const count = { count: 'Encounter' };
  it('maps yes/no and 1/0 flags to booleans and counts to integers', () => {
    const out = avatarSummaryExtensions([
      { source: flag, value: 'yes' },
      { source: flag, value: 0 },
      { source: count, value: 4 },
      { source: count, value: '12' },
    ]);
    expect(out.map((e) => e.extension?.[1])).toEqual([
      { url: 'present', valueBoolean: true },
      { url: 'present', valueBoolean: false },
      { url: 'count', valueInteger: 4 },
      { url: 'count', valueInteger: 12 },
    ]);
    expect(out.map((e) => e.url)).toEqual([AVATAR_CONDITION_FLAG_URL, AVATAR_CONDITION_FLAG_URL, AVATAR_RESOURCE_COUNT_URL, AVATAR_RESOURCE_COUNT_URL]);
  });

  it('a missing or unusable value gives no extension (never a guessed one); other sources give none', () => {
    expect(avatarSummaryExtensions([
      { source: flag, value: null },
      { source: flag, value: 'maybe' },
      { source: flag, value: 7 },
      { source: count, value: null },
      { source: count, value: -1 },
      { source: count, value: 'many' },
      { source: 'age', value: 40 },
      { source: { latestObservation: '2345-7' }, value: 5 },
    ])).toEqual([]);
  });
});

describe('withAvatarValues on a Bundle: summaries, withheld resources, fail closed', () => {
  it("puts each cohort patient's summary on its own Patient and leaves out its flagged Conditions and Encounters", async () => {
    const { identity, fhir } = strictEngine();
    const bundle: Bundle = {
      resourceType: 'Bundle',
      type: 'collection',
      entry: [patient('px'), patient('p1'), diabetes('c1', 'p1'), encounter('e1', 'p1'), patient('p2'), diabetes('c9', 'px'), encounter('e9', 'px')].map((resource) => ({ resource })),
    };
    const out = (await fhir.anonymize(bundle)).resource as Bundle;
    const resources = (out.entry ?? []).map((e) => e.resource!);
    const byId = (id: string) => resources.find((r) => r.resourceType === 'Patient' && r.id === identity.patientPseudonym(id)) as Patient;
    expect(byId('px').extension).toBeUndefined();
    expect(byId('p1').extension).toEqual([
      { url: AVATAR_CONDITION_FLAG_URL, extension: [{ url: 'code', valueCode: 'E11.9' }, { url: 'present', valueBoolean: true }] },
      { url: AVATAR_RESOURCE_COUNT_URL, extension: [{ url: 'resourceType', valueCode: 'Encounter' }, { url: 'count', valueInteger: 3 }] },
    ]);
    expect(byId('p2').extension?.map((e) => e.extension?.[1])).toEqual([{ url: 'present', valueBoolean: false }, { url: 'count', valueInteger: 0 }]);
    // p1's Condition and Encounter are withheld; px (outside the cohort) keeps its own.
    expect(resources.map((r) => r.resourceType).sort()).toEqual(['Condition', 'Encounter', 'Patient', 'Patient', 'Patient']);
    expect(resources.find((r) => r.resourceType === 'Condition')!.id).toBe(identity.pseudonymizeId('Condition', 'c9'));
  });

  it('a Bundle whose Patients the profile drops cannot be matched to summaries: ANONYMIZATION_FAILED, no document', async () => {
    const { fhir } = strictEngine();
    // research-strict drops a resource carrying a modifierExtension it does not know.
    const dropped = patient('px', { modifierExtension: [{ url: 'https://example.org/unknown-modifier', valueBoolean: true }] });
    const bundle: Bundle = { resourceType: 'Bundle', type: 'collection', entry: [{ resource: dropped }, { resource: patient('p1') }] };
    const error = await fhir.anonymize(bundle).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'ANONYMIZATION_FAILED' });
    expect((error as Error).message).not.toMatch(/p1|px/);
  });

  it('a withheld resource on its own is dropped, as the profile drops a type it does not release', async () => {
    const { fhir } = strictEngine();
    expect((await fhir.anonymize(diabetes('c1', 'p1'))).resource).toBeUndefined();
    expect((await fhir.anonymize(encounter('e1', 'p2'))).resource).toBeUndefined();
    expect((await fhir.anonymize(encounter('e9', 'px'))).resource).toBeDefined();
  });

  it("a cohort patient's resource that contains a flagged Condition is withheld whole (a contained one cannot be cut out)", async () => {
    const { fhir } = strictEngine();
    const observation = (subject: string) => ({
      resourceType: 'Observation' as const,
      id: `o-${subject}`,
      status: 'final' as const,
      code: { coding: [{ system: 'http://loinc.org', code: '8867-4' }] },
      subject: { reference: `Patient/${subject}` },
      contained: [{ ...diabetes('cc', subject), subject: { reference: `Patient/${subject}` } }],
      derivedFrom: [{ reference: '#cc' }],
    });
    expect((await fhir.anonymize(observation('p1'))).resource).toBeUndefined();
    expect((await fhir.anonymize(observation('px'))).resource).toBeDefined();
  });
});
