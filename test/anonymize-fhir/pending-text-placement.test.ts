import type { Observation, Patient } from '@medplum/fhirtypes';
import { describe, expect, it } from 'vitest';
import type { TextDeidentifier } from '../../src/anonymize/text/api.js';
import { anonymize, profile } from './helpers.js';

/** Upper-cases free text, and drops any text that mentions "secret" (as a redacting hook would). */
const text: TextDeidentifier = {
  async deidentify(value) {
    return value.includes('secret') ? undefined : value.toUpperCase();
  },
};

// The walk leaves a placeholder for each free text and fills them in after the text hook ran,
// visiting only the branches that hold one: these guard that every placement still lands.
describe('free text is put back where it was found, and what it emptied goes', () => {
  it('deep in an array of elements: a component left empty goes, its siblings stay as walked', async () => {
    const obs: Observation = {
      resourceType: 'Observation',
      status: 'final',
      code: { text: 'panel' },
      component: [
        { code: { text: 'systolic' }, valueQuantity: { value: 120, unit: 'mm[Hg]' } },
        { code: { text: 'secret remark' } },
        { code: { coding: [{ code: '8462-4' }] }, valueQuantity: { value: 80 } },
      ],
    };
    const out = await anonymize(
      profile([
        { path: "nodesByType('CodeableConcept').text", method: 'text' },
        { path: 'Observation.status', method: 'keep' },
        { path: 'Observation.component.code.coding', method: 'keep' },
        { path: 'Observation.component.value', method: 'keep' },
      ]),
      obs,
      { text },
    );
    expect(out?.['code']).toEqual({ text: 'PANEL' });
    expect(out?.['component']).toEqual([
      { code: { text: 'SYSTOLIC' }, valueQuantity: { value: 120, unit: 'mm[Hg]' } },
      { code: { coding: [{ code: '8462-4' }] }, valueQuantity: { value: 80 } },
    ]);
  });

  it('in an array of primitives: a dropped text leaves the array, the others are replaced in place', async () => {
    const patient: Patient = { resourceType: 'Patient', gender: 'female', address: [{ line: ['12 rue des Lilas', 'secret door code 1234'], city: 'Lyon' }] };
    const out = await anonymize(profile([{ path: 'Patient.address.line', method: 'text' }, { path: 'Patient.gender', method: 'keep' }]), patient, { text });
    expect(out?.['address']).toEqual([{ line: ['12 RUE DES LILAS'] }]);
    expect(out?.['gender']).toBe('female');
  });

  it('a mandatory text that goes takes its element with it, up to an element left empty', async () => {
    const coding = [{ system: 'http://loinc.org', code: '29463-7' }];
    const obs: Observation = {
      resourceType: 'Observation',
      status: 'final',
      code: { coding, text: 'weight' },
      note: [{ text: 'secret: call the family', time: '2024-01-10' }, { text: 'fasting', time: '2024-01-11' }],
    };
    const out = await anonymize(
      profile([
        { path: "nodesByType('Annotation').text", method: 'text' },
        { path: 'Observation.note', method: 'keep' },
        { path: 'Observation.status', method: 'keep' },
        { path: 'Observation.code.coding', method: 'keep' },
      ]),
      obs,
      { text },
    );
    expect(out?.['note']).toEqual([{ text: 'FASTING', time: expect.any(String) }]);
    expect(out?.['code']).toEqual({ coding });
  });

  it('texts of contained resources land in the contained resource', async () => {
    const obs: Observation = {
      resourceType: 'Observation',
      status: 'final',
      code: { text: 'outer' },
      contained: [{ resourceType: 'Observation', id: 'inner', status: 'final', code: { text: 'inner text' } }],
    };
    const out = await anonymize(
      profile([
        { path: "nodesByType('CodeableConcept').text", method: 'text' },
        { path: 'Observation.status', method: 'keep' },
      ]),
      obs,
      { text },
    );
    expect(out?.['code']).toEqual({ text: 'OUTER' });
    expect(out?.['contained']).toEqual([{ resourceType: 'Observation', id: 'inner', status: 'final', code: { text: 'INNER TEXT' } }]);
  });
});
