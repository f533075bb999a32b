import type { Patient } from '@medplum/fhirtypes';
import { describe, expect, it } from 'vitest';
import { isVoileError } from '../../src/errors.js';
import { anonymize, profile } from './helpers.js';

const patient = {
  resourceType: 'Patient',
  id: 'p1',
  gender: 'female',
  birthDate: '1970-01-02',
  name: [{ family: 'Martin', given: ['Anne'] }],
  extension: [
    { url: 'http://example.org/ext/religion', valueString: 'X' },
    { url: 'http://example.org/ext/research-arm', valueCode: 'B' },
  ],
  unknownProperty: 'secret',
} as unknown as Patient;

describe('default deny', () => {
  it('removes every element no rule covers; resourceType stays', async () => {
    expect(await anonymize(profile([{ path: 'Patient.gender', method: 'keep' }]), patient)).toMatchObject({ resourceType: 'Patient', gender: 'female' });
    const out = await anonymize(profile([{ path: 'Patient.gender', method: 'keep' }]), patient);
    expect(Object.keys(out!).sort()).toEqual(['gender', 'meta', 'resourceType']);
  });

  it('removes empty objects and arrays left behind', async () => {
    const out = await anonymize(profile([{ path: 'Patient.name.text', method: 'keep' }]), patient);
    expect(out?.['name']).toBeUndefined();
  });

  it('removes properties that are not FHIR elements, even under a keep of the whole resource', async () => {
    const out = await anonymize(profile([{ path: 'Patient', method: 'keep' }]), patient);
    expect(out?.['unknownProperty']).toBeUndefined();
    expect(out?.['gender']).toBe('female');
  });

  it('removes unknown extensions even when their parent is kept', async () => {
    const out = await anonymize(profile([{ path: 'Patient', method: 'keep' }]), patient);
    expect(out?.['extension']).toBeUndefined();
  });

  it('keeps an extension a rule selects by url', async () => {
    const out = await anonymize(profile([{ path: "Patient.extension.where(url='http://example.org/ext/research-arm')", method: 'keep' }]), patient);
    expect(out?.['extension']).toEqual([{ url: 'http://example.org/ext/research-arm', valueCode: 'B' }]);
  });
});

describe('modifierExtension', () => {
  const withModifier = { ...patient, modifierExtension: [{ url: 'http://example.org/ext/not-really', valueBoolean: true }] } as Patient;

  it('drops the resource when an unknown modifierExtension is removed (default)', async () => {
    expect(await anonymize(profile([{ path: 'Patient', method: 'keep' }]), withModifier)).toBeUndefined();
  });

  it('fails with ANONYMIZATION_FAILED when the profile says fail', async () => {
    const err = await anonymize(profile([{ path: 'Patient', method: 'keep' }], { unknownModifierExtension: 'fail' }), withModifier).catch((e: unknown) => e);
    expect(isVoileError(err) && err.code).toBe('ANONYMIZATION_FAILED');
    expect(String((err as Error).message)).not.toContain('not-really');
  });

  it('keeps the resource when a rule keeps the modifierExtension', async () => {
    const out = await anonymize(profile([{ path: 'Patient.modifierExtension', method: 'keep' }, { path: 'Patient.gender', method: 'keep' }]), withModifier);
    expect(out?.['modifierExtension']).toEqual([{ url: 'http://example.org/ext/not-really', valueBoolean: true }]);
  });

  it('a dropped contained resource with a modifierExtension drops its container', async () => {
    const input = { resourceType: 'Observation', status: 'final', code: { text: 'x' }, contained: [{ resourceType: 'Patient', id: 'c', modifierExtension: [{ url: 'urn:m', valueBoolean: true }] }] };
    expect(await anonymize(profile([{ path: 'Observation.status', method: 'keep' }]), input as never)).toBeUndefined();
  });
});

describe('failures', () => {
  it('rejects a non-resource with ANONYMIZATION_FAILED and no data in the message', async () => {
    const err = await anonymize(profile([{ path: 'Patient', method: 'keep' }]), { resourceType: 'NotAType', secret: 'Anne Martin' } as never).catch((e: unknown) => e);
    expect(isVoileError(err) && err.code).toBe('ANONYMIZATION_FAILED');
    expect(JSON.stringify({ m: (err as Error).message, d: (err as { detail?: string }).detail })).not.toContain('Anne');
  });

  it('a failing FHIRPath case becomes ANONYMIZATION_FAILED naming the rule, not the value', async () => {
    const p = profile([{ path: 'Patient.name.family', method: 'generalize', cases: { '%value > 3': "'x'" } }]);
    const err = await anonymize(p, patient).catch((e: unknown) => e);
    expect(isVoileError(err) && err.code).toBe('ANONYMIZATION_FAILED');
    expect((err as { detail?: string }).detail).toBe('rule 0');
    expect((err as Error).message).not.toContain('Martin');
  });

  it('a malformed primitive (an object in a string slot) fails closed even under keep', async () => {
    const bad = { resourceType: 'Patient', gender: { family: 'Martin' } } as never;
    const err = await anonymize(profile([{ path: 'Patient', method: 'keep' }]), bad).catch((e: unknown) => e);
    expect(isVoileError(err) && err.code).toBe('ANONYMIZATION_FAILED');
  });

  it('only releases resource types the profile lists', async () => {
    expect(await anonymize(profile([{ path: 'Patient', method: 'keep' }], { resourceTypes: ['Observation'] }), patient)).toBeUndefined();
  });
});
