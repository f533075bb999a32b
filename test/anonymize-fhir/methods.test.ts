import type { Observation, Patient } from '@medplum/fhirtypes';
import { describe, expect, it } from 'vitest';
import type { TextDeidentifier } from '../../src/anonymize/text/api.js';
import { anonymize, newIdentity, OBSERVATION_REQUIRED, profile } from './helpers.js';

const patient: Patient = { resourceType: 'Patient', id: 'p1', gender: 'male', birthDate: '1980-07-14', active: true, name: [{ family: 'Durand', given: ['Luc'] }] };
const obs: Observation = {
  resourceType: 'Observation',
  id: 'o1',
  status: 'final',
  code: { text: 'Poids de M. Durand' },
  subject: { reference: 'Patient/p1' },
  effectiveDateTime: '2024-01-10T10:00:00Z',
  valueQuantity: { value: 72.4, unit: 'kg' },
};

describe('keep', () => {
  it('keeps the element and everything under it', async () => {
    const out = await anonymize(profile([{ path: 'Patient.name', method: 'keep' }]), patient);
    expect(out).toMatchObject({ resourceType: 'Patient', name: [{ family: 'Durand', given: ['Luc'] }] });
    expect(out?.['gender']).toBeUndefined();
  });
});

describe('redact', () => {
  it('removes the element even when a later rule would keep it', async () => {
    const out = await anonymize(profile([{ path: 'Patient.name', method: 'redact' }, { path: 'Patient', method: 'keep' }]), patient);
    expect(out?.['name']).toBeUndefined();
    expect(out?.['gender']).toBe('male');
  });

  it('lets an earlier rule on a descendant decide for that descendant', async () => {
    const out = await anonymize(profile([{ path: 'Patient.name.family', method: 'keep' }, { path: 'Patient.name', method: 'redact' }]), patient);
    expect(out?.['name']).toEqual([{ family: 'Durand' }]);
  });
});

describe('pseudonymize', () => {
  it('turns Resource.id into the identity pseudonym, which resolves back', async () => {
    const identity = newIdentity();
    const out = await anonymize(profile([{ path: 'Resource.id', method: 'pseudonymize' }]), patient, { identity });
    expect(out?.['id']).toBe(identity.pseudonymizeId('Patient', 'p1'));
    expect(await identity.resolveId('Patient', out?.['id'] as string)).toBe('p1');
    expect(String(out?.['id']).length).toBeLessThanOrEqual(64);
  });
});

describe('dateshift', () => {
  it("shifts by the patient's offset, keeping precision", async () => {
    const identity = newIdentity();
    const out = await anonymize(profile([{ path: "nodesByType('date')", method: 'dateshift' }]), { ...patient, birthDate: '1980' }, { identity });
    expect(out?.['birthDate']).toMatch(/^\d{4}$/);
    const full = await anonymize(profile([{ path: 'Patient.birthDate', method: 'dateshift' }]), patient, { identity });
    expect(full?.['birthDate']).toBe(identity.shiftDate('1980-07-14', 'p1'));
    expect(full?.['birthDate']).not.toBe('1980-07-14');
  });

  it('shifts dates of a resource in the compartment of its subject', async () => {
    const identity = newIdentity();
    const out = await anonymize(profile([{ path: "nodesByType('dateTime')", method: 'dateshift' }, ...OBSERVATION_REQUIRED]), obs, { identity });
    expect(out?.['effectiveDateTime']).toBe(identity.shiftDate('2024-01-10T10:00:00Z', 'p1'));
  });

  it.each([
    ['redact', undefined],
    ['year', '2024'],
    ['keep', '2024-01-10T10:00:00Z'],
  ] as const)('datesOutsideCompartment=%s', async (mode, expected) => {
    const orphan = { ...obs, subject: undefined };
    const out = await anonymize(profile([{ path: "nodesByType('dateTime')", method: 'dateshift' }, ...OBSERVATION_REQUIRED], { datesOutsideCompartment: mode }), orphan);
    expect(out?.['effectiveDateTime']).toBe(expected);
  });
});

describe('generalize', () => {
  it('evaluates cases in order with %value', async () => {
    const rules = [{ path: 'Patient.birthDate', method: 'generalize' as const, cases: { '%value < @1950-01-01': "'old'", 'true': '%value.toString().substring(0,4)' } }];
    expect((await anonymize(profile(rules), patient))?.['birthDate']).toBe('1980');
    expect((await anonymize(profile(rules), { ...patient, birthDate: '1940-01-01' }))?.['birthDate']).toBe('old');
  });

  it('removes values no case matches unless otherValues is keep', async () => {
    const cases = { '%value > 100': '100' };
    const rule = { path: 'Observation.value.value', method: 'generalize' as const, cases };
    const base = [{ path: 'Observation.value', method: 'keep' as const }, ...OBSERVATION_REQUIRED];
    expect((await anonymize(profile([rule, ...base]), obs))?.['valueQuantity']).toEqual({ unit: 'kg' });
    expect((await anonymize(profile([{ ...rule, otherValues: 'keep' }, ...base]), obs))?.['valueQuantity']).toEqual({ value: 72.4, unit: 'kg' });
  });

  it('groups ages over 89', async () => {
    const cases = { '%value > 89': '90' };
    const old = { ...obs, valueQuantity: { value: 97, unit: 'a' } };
    const out = await anonymize(profile([{ path: 'Observation.value.value', method: 'generalize', cases, otherValues: 'keep' }, { path: 'Observation.value', method: 'keep' }, ...OBSERVATION_REQUIRED]), old);
    expect(out?.['valueQuantity']).toEqual({ value: 90, unit: 'a' });
  });
});

describe('perturb', () => {
  it('adds bounded, deterministic noise and rounds', async () => {
    const p = profile([{ path: 'Observation.value as Quantity', method: 'perturb', span: 5, rangeType: 'fixed', roundTo: 1 }, { path: 'Observation.value', method: 'keep' }, ...OBSERVATION_REQUIRED]);
    const a = (await anonymize(p, obs))?.['valueQuantity'] as { value: number; unit: string };
    const b = (await anonymize(p, obs))?.['valueQuantity'] as { value: number };
    expect(a.unit).toBe('kg');
    expect(Math.abs(a.value - 72.4)).toBeLessThanOrEqual(5);
    expect(Math.round(a.value * 10) / 10).toBe(a.value);
    expect(b.value).toBe(a.value);
  });

  it('proportional noise stays within span × |value|', async () => {
    const p = profile([{ path: 'Observation.value.value', method: 'perturb', span: 0.1, rangeType: 'proportional' }, ...OBSERVATION_REQUIRED]);
    for (const value of [10, 250, 1000]) {
      const out = (await anonymize(p, { ...obs, valueQuantity: { value } }))?.['valueQuantity'] as { value: number };
      expect(Math.abs(out.value - value)).toBeLessThanOrEqual(value * 0.1 + 0.01);
    }
  });
});

describe('substitute', () => {
  it('replaces a primitive or a complex element with the given value', async () => {
    const out = await anonymize(profile([{ path: 'Patient.name', method: 'substitute', replaceWith: { family: 'Anonyme' } }, { path: 'Patient.gender', method: 'substitute', replaceWith: 'unknown' }]), patient);
    expect(out?.['name']).toEqual([{ family: 'Anonyme' }]);
    expect(out?.['gender']).toBe('unknown');
  });
});

describe('cryptoHash', () => {
  it('replaces a value by its keyed hash', async () => {
    const identity = newIdentity();
    const out = await anonymize(profile([{ path: 'Patient.name.family', method: 'cryptoHash' }]), patient, { identity });
    expect(out?.['name']).toEqual([{ family: identity.cryptoHash('Durand') }]);
  });
});

describe('encrypt', () => {
  it('replaces a value by a ciphertext the identity layer decrypts', async () => {
    const identity = newIdentity();
    const out = await anonymize(profile([{ path: 'Patient.name.family', method: 'encrypt' }]), patient, { identity });
    const token = (out?.['name'] as { family: string }[])[0]!.family;
    expect(token).not.toContain('Durand');
    expect(identity.decrypt(token)).toBe('Durand');
  });
});

describe('text', () => {
  it('passes free text through the text hook with the patient and format', async () => {
    const calls: unknown[] = [];
    const text: TextDeidentifier = {
      async deidentify(value, ctx) {
        calls.push(ctx);
        return value.replace('Durand', '[NOM]');
      },
    };
    const out = await anonymize(profile([{ path: "nodesByType('CodeableConcept').text", method: 'text' }, ...OBSERVATION_REQUIRED]), obs, { text });
    expect(out?.['code']).toEqual({ text: 'Poids de M. [NOM]' });
    expect(calls).toEqual([{ format: 'plain', patientId: 'p1' }]);
  });

  it('removes the text when the hook returns undefined (the default redacting hook)', async () => {
    // With a coding, code (required) is left without its text, not empty (the resource would then not be released).
    const coding = [{ system: 'http://loinc.org', code: '29463-7' }];
    const rules = [{ path: "nodesByType('CodeableConcept').text", method: 'text' as const }, { path: 'Observation.status', method: 'keep' as const }, { path: 'Observation.code.coding', method: 'keep' as const }];
    const out = await anonymize(profile(rules), { ...obs, code: { ...obs.code, coding } });
    expect(out).toEqual({ resourceType: 'Observation', status: 'final', code: { coding }, meta: expect.anything() });
  });

  it('drops an element whose mandatory text went (Annotation.text)', async () => {
    const withNote = { ...obs, note: [{ text: 'appeler M. Durand', time: '2024-01-10' }] };
    const out = await anonymize(profile([{ path: 'Observation.note.text', method: 'text' }, { path: 'Observation.note', method: 'keep' }]), withNote);
    expect(out?.['note']).toBeUndefined();
  });
});
