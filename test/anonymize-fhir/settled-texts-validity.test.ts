import { validateResource } from '@medplum/core';
import type { Resource } from '@medplum/fhirtypes';
import { beforeAll, describe, expect, it } from 'vitest';
import { ensureFhirSchema } from '../../src/anonymize/fhir/r4-definitions.js';
import type { FhirProfile } from '../../src/policy/types.js';
import { anonymize, profile } from './helpers.js';
import { REMOVING_HOOKS, securityCodes } from './removing-hooks.js';

// A text the hook removes is settled away after the walk decided (sync hook) or after the texts
// came back (async hook). What that settlement leaves must be as valid as what the walk leaves,
// and the same on both paths.

beforeAll(() => ensureFhirSchema());

const LOINC = 'http://loinc.org';

describe('a required element emptied by a removed text takes its parent with it', () => {
  const p: FhirProfile = profile([
    { path: 'Observation.status', method: 'keep' },
    { path: 'Observation.code.coding', method: 'keep' },
    { path: 'Observation.code.text', method: 'text' },
    { path: 'Observation.component.code.text', method: 'text' },
    { path: 'Observation.component.value', method: 'keep' },
    { path: 'DocumentReference.status', method: 'keep' },
    { path: 'DocumentReference.content.attachment.title', method: 'text' },
  ]);

  it.each(REMOVING_HOOKS)('a component whose code had its text only goes whole, its array with it (%s)', async (_name, text) => {
    const observation = {
      resourceType: 'Observation',
      status: 'final',
      code: { coding: [{ system: LOINC, code: '85354-9' }] },
      component: [{ code: { text: 'systolic, said Mr Dupont' }, valueQuantity: { value: 120 } }],
    } as Resource;
    const out = await anonymize(p, observation, { text });
    expect(() => validateResource(out as unknown as Resource)).not.toThrow();
    expect(out).toEqual({ resourceType: 'Observation', status: 'final', code: { coding: [{ system: LOINC, code: '85354-9' }] }, meta: expect.anything() });
    expect(securityCodes(out)).toContain('REDACTED');
  });

  it.each(REMOVING_HOOKS)('only the component that lost its code goes (%s)', async (_name, text) => {
    const observation = {
      resourceType: 'Observation',
      status: 'final',
      code: { coding: [{ system: LOINC, code: '85354-9' }] },
      component: [
        { code: { text: 'systolic' }, valueQuantity: { value: 120 } },
        { code: { coding: [{ system: LOINC, code: '8462-4' }], text: 'diastolic' }, valueQuantity: { value: 80 } },
      ],
    } as Resource;
    const withCoding = profile([...p.rules, { path: 'Observation.component.code.coding', method: 'keep' }]);
    const out = await anonymize(withCoding, observation, { text });
    expect(() => validateResource(out as unknown as Resource)).not.toThrow();
    expect(out?.['component']).toEqual([{ code: { coding: [{ system: LOINC, code: '8462-4' }] }, valueQuantity: { value: 80 } }]);
  });

  it.each(REMOVING_HOOKS)('a resource that lost a required element is not released, not even as a shell of its type (%s)', async (_name, text) => {
    const observation = { resourceType: 'Observation', status: 'final', code: { text: 'seen by Dr Martin' } } as Resource;
    expect(await anonymize(p, observation, { text })).toBeUndefined();
    // content (1..*) whose only attachment (1..1) had its title only: the content goes, then the resource.
    const document = { resourceType: 'DocumentReference', status: 'current', content: [{ attachment: { title: 'letter to Dr Martin' } }] } as Resource;
    expect(await anonymize(p, document, { text })).toBeUndefined();
  });
});

describe('a primitive array whose text goes stays aligned with its _name array', () => {
  // A FHIRPath rule gives one value a text rule; the others are kept with their extensions.
  const p: FhirProfile = profile([
    { path: "Patient.name.given.where($this = 'Jeanne')", method: 'text' },
    { path: 'Patient.name.given', method: 'keep' },
    { path: 'Patient.name.given.extension', method: 'keep' },
    { path: "nodesByType('Extension').url", method: 'keep' },
    { path: "nodesByType('Extension').value", method: 'keep' },
    { path: 'Patient.gender', method: 'keep' },
  ]);
  const extension = { extension: [{ url: 'http://e.org/initial', valueString: 'M' }] };

  it.each(REMOVING_HOOKS)('the value that went goes from both arrays, the extension stays with its value (%s)', async (_name, text) => {
    const patient = { resourceType: 'Patient', gender: 'female', name: [{ given: ['Jeanne', 'Marie', 'Paule'], _given: [null, extension, null] }] } as unknown as Resource;
    const out = await anonymize(p, patient, { text });
    expect(() => validateResource(out as unknown as Resource)).not.toThrow();
    expect(out?.['name']).toEqual([{ given: ['Marie', 'Paule'], _given: [extension, null] }]);
  });
});
