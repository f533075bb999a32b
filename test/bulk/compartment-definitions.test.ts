/**
 * One loader for the R4 definitions (src/fhir/definitions.ts). Regression: the Patient
 * CompartmentDefinition was read and parsed twice (scope checks in src/auth/fhir-search.ts, Bulk
 * in src/bulk/compartment.ts) and the search parameters indexed from two places; the two readers
 * could drift apart. Both now read the one parsed definition.
 */
import { describe, expect, it } from 'vitest';
import type { Resource } from '@medplum/fhirtypes';
import { inPatientCompartment } from '../../src/auth/fhir-search.js';
import { isInPatientCompartment, patientCompartmentParams } from '../../src/bulk/compartment.js';
import { patientCompartmentDefinition, searchParamInfo } from '../../src/fhir/definitions.js';

describe('one loader for the R4 Patient compartment and search parameters', () => {
  it('parses the CompartmentDefinition once and hands out the same map', () => {
    const first = patientCompartmentDefinition();
    expect(patientCompartmentDefinition()).toBe(first);
    expect(first.get('Observation')).toEqual(expect.arrayContaining(['subject', 'performer']));
    for (const params of first.values()) expect(params).not.toContain('{def}');
  });

  it('Bulk searches a type by parameters of that same definition, and only reference ones', () => {
    const definition = patientCompartmentDefinition();
    for (const [type, params] of definition) {
      if (type === 'Patient') continue;
      for (const code of patientCompartmentParams(type)) {
        expect(params, `${type}.${code}`).toContain(code);
        expect(searchParamInfo(type, code)?.type).toBe('reference');
      }
    }
    expect(isInPatientCompartment('Observation')).toBe(true);
    expect(isInPatientCompartment('Organization')).toBe(false);
  });

  it('the scope check puts a resource in a compartment exactly when Bulk would search it there', () => {
    const observation = { resourceType: 'Observation', id: 'o1', status: 'final', code: {}, subject: { reference: 'Patient/p1' } } as Resource;
    expect(inPatientCompartment(observation, 'p1')).toBe(true);
    expect(inPatientCompartment(observation, 'p2')).toBe(false);
    expect(patientCompartmentParams('Observation')).toContain('subject');
    const organization = { resourceType: 'Organization', id: 'org' } as Resource;
    expect(inPatientCompartment(organization, 'p1')).toBe(false);
    expect(isInPatientCompartment('Organization')).toBe(false);
  });
});
