import type { Resource } from '@medplum/fhirtypes';
import { describe, expect, it } from 'vitest';
import { ageAt, extractFeatures, latestObservation, parseDate, patientIdOf } from '../../src/cohort/features.js';
import type { AvatarSection } from '../../src/policy/types.js';

const ref = parseDate('2025-06-15')!;

function glucose(id: string, at: string, value: number | undefined): Resource {
  return {
    resourceType: 'Observation',
    id,
    status: 'final',
    code: { coding: [{ system: 'http://loinc.org', code: '2345-7' }] },
    subject: { reference: 'Patient/p1' },
    effectiveDateTime: at,
    ...(value !== undefined && { valueQuantity: { value, unit: 'mg/dL' } }),
  } as Resource;
}

describe('feature extractors', () => {
  it('age: completed years at the reference date, any date precision', () => {
    expect(ageAt('1980-06-15', ref)).toBe(45);
    expect(ageAt('1980-06-16', ref)).toBe(44);
    expect(ageAt('1980', ref)).toBe(45);
    expect(ageAt('2030-01-01', ref)).toBeNull();
    expect(ageAt(undefined, ref)).toBeNull();
  });

  it('latestObservation: latest with a numeric value, ties by id, other systems ignored', () => {
    const other = { ...glucose('z', '2030-01-01', 1), code: { coding: [{ system: 'http://example.org', code: '2345-7' }] } } as Resource;
    const observations = [glucose('a', '2024-01-01', 100), glucose('c', '2024-05-01T10:00:00Z', 120), glucose('b', '2024-05-01T10:00:00Z', 130), glucose('d', '2025-01-01', undefined), other];
    expect(latestObservation(observations, '2345-7')).toEqual({ id: 'c', value: 120 });
    expect(latestObservation(observations.slice().reverse(), '2345-7')).toEqual({ id: 'c', value: 120 });
    expect(latestObservation([], '2345-7')).toBeUndefined();
  });

  it('patientIdOf: Patient id, subject or patient reference, relative or absolute', () => {
    expect(patientIdOf({ resourceType: 'Patient', id: 'p1' })).toBe('p1');
    expect(patientIdOf({ resourceType: 'Observation', subject: { reference: 'Patient/p2' } } as Resource)).toBe('p2');
    expect(patientIdOf({ resourceType: 'Observation', subject: { reference: 'https://ehr/fhir/Patient/p3/_history/2' } } as Resource)).toBe('p3');
    expect(patientIdOf({ resourceType: 'AllergyIntolerance', patient: { reference: 'Patient/p4' } } as Resource)).toBe('p4');
    expect(patientIdOf({ resourceType: 'Observation', subject: { reference: 'Group/g1' } } as Resource)).toBeUndefined();
  });

  it('extractFeatures: one cell per column, missing values as null, flags and counts', () => {
    const section: AvatarSection = {
      cohort: { search: 'Patient?' },
      referenceDate: '2025-06-15',
      k: 2,
      ncp: 2,
      columns: [
        { name: 'age', kind: 'numeric', source: 'age' },
        { name: 'sex', kind: 'categorical', source: 'gender' },
        { name: 'region', kind: 'categorical', source: 'postalRegion' },
        { name: 'glucose', kind: 'numeric', source: { latestObservation: '2345-7' } },
        { name: 'hba1c', kind: 'numeric', source: { latestObservation: '4548-4' } },
        { name: 'htn', kind: 'categorical', source: { conditionFlag: 'I10' } },
        { name: 'htnNum', kind: 'numeric', source: { conditionFlag: 'I10' } },
        { name: 'visits', kind: 'numeric', source: { count: 'Encounter' } },
      ],
    };
    const patient = { resourceType: 'Patient', id: 'p1', birthDate: '1970-01-02', gender: 'female', address: [{ postalCode: '75012' }] } as Resource;
    const condition = { resourceType: 'Condition', subject: { reference: 'Patient/p1' }, code: { coding: [{ code: 'I10' }] } } as Resource;
    const encounter = { resourceType: 'Encounter', subject: { reference: 'Patient/p1' } } as Resource;
    const { row, latestObservations } = extractFeatures(section, {
      patient,
      observations: [glucose('o1', '2024-01-01', 99)],
      conditions: [condition],
      counted: new Map([['Encounter', [encounter, encounter]]]),
    });
    expect(row).toEqual([55, 'female', '75', 99, null, 'yes', 1, 2]);
    expect(latestObservations).toEqual({ glucose: 'o1' });
  });
});
