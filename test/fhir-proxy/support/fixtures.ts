import type { Resource } from '@medplum/fhirtypes';

/** A small cohort with identifying values the tests look for in every response byte. */
export const IDENTIFYING_VALUES = ['Dupont', 'Marie', '+33 6 12 34 56 78', 'marie.dupont@example.fr', '12 rue des Lilas', '1970-05-12', 'IPP-884421', 'Smith', 'Alice Martin', 'pat-dupont', 'pat-smith', 'dr-martin'];

export const patientDupont: Resource = {
  resourceType: 'Patient',
  id: 'pat-dupont',
  meta: { versionId: '3', lastUpdated: '2021-02-03T10:00:00Z' },
  identifier: [{ system: 'urn:oid:1.2.250.1.71.4.2.1', value: 'IPP-884421' }],
  name: [{ family: 'Dupont', given: ['Marie'] }],
  telecom: [{ system: 'phone', value: '+33 6 12 34 56 78' }, { system: 'email', value: 'marie.dupont@example.fr' }],
  address: [{ line: ['12 rue des Lilas'], city: 'Lyon', postalCode: '69003' }],
  gender: 'female',
  birthDate: '1970-05-12',
};

export const patientSmith: Resource = {
  resourceType: 'Patient',
  id: 'pat-smith',
  meta: { versionId: '1' },
  name: [{ family: 'Smith', given: ['John'] }],
  gender: 'male',
  birthDate: '1981-11-30',
};

export const practitioner: Resource = {
  resourceType: 'Practitioner',
  id: 'dr-martin',
  name: [{ text: 'Alice Martin' }],
};

/** A type the test profile does not release: it must never leave the gateway. */
export const device: Resource = {
  resourceType: 'Device',
  id: 'dev-1',
  patient: { reference: 'Patient/pat-dupont' },
  serialNumber: 'SN-DEVICE-SECRET',
} as Resource;

export function observation(i: number, patientId: string): Resource {
  const day = String(1 + (i % 28)).padStart(2, '0');
  return {
    resourceType: 'Observation',
    id: `obs-${patientId}-${i}`,
    meta: { versionId: '1' },
    status: 'final',
    code: { coding: [{ system: 'http://loinc.org', code: '8867-4', display: 'Heart rate' }] },
    subject: { reference: `Patient/${patientId}`, display: patientId === 'pat-dupont' ? 'Marie Dupont' : 'John Smith' },
    performer: [{ reference: 'Practitioner/dr-martin', display: 'Alice Martin' }],
    effectiveDateTime: `2020-03-${day}T08:30:00+01:00`,
    valueQuantity: { value: 60 + i, unit: 'beats/min' },
    note: [{ text: 'Marie Dupont seen at 12 rue des Lilas' }],
  } as Resource;
}

export function cohort(): Resource[] {
  return [
    patientDupont,
    patientSmith,
    practitioner,
    device,
    ...Array.from({ length: 25 }, (_, i) => observation(i, 'pat-dupont')),
    ...Array.from({ length: 5 }, (_, i) => observation(i, 'pat-smith')),
  ];
}
