import type { Bundle, Condition, DiagnosticReport, DocumentReference, Encounter, ImagingStudy, MedicationRequest, Observation, Patient } from '@medplum/fhirtypes';

/** Realistic raw resources of one patient, with every kind of identifying value the engine must handle. */
export const PATIENT_ID = 'pat-8842';

export const patient = {
  resourceType: 'Patient',
  id: PATIENT_ID,
  meta: { versionId: '3', lastUpdated: '2024-03-02T09:15:00.000Z', source: 'urn:hospital:ehr#42', tag: [{ system: 'urn:x', code: 'vip' }] },
  text: { status: 'generated', div: '<div xmlns="http://www.w3.org/1999/xhtml">Jeanne Dupont, née le 12/04/1961</div>' },
  extension: [{ url: 'http://hl7.org/fhir/us/core/StructureDefinition/us-core-birthsex', valueCode: 'F' }],
  identifier: [{ system: 'urn:oid:1.2.250.1.213.1.4.8', value: '2610475123456', type: { text: 'NIR' } }],
  active: true,
  name: [{ use: 'official', family: 'Dupont', given: ['Jeanne', 'Marie'], prefix: ['Mme'] }],
  telecom: [{ system: 'phone', value: '+33 6 12 34 56 78' }, { system: 'email', value: 'jeanne.dupont@example.fr' }],
  gender: 'female',
  birthDate: '1961-04-12',
  _birthDate: { extension: [{ url: 'http://hl7.org/fhir/StructureDefinition/patient-birthTime', valueDateTime: '1961-04-12T06:30:00+01:00' }] },
  address: [{ use: 'home', line: ['12 rue des Lilas'], city: 'Lyon', postalCode: '69003', state: 'Auvergne-Rhône-Alpes', country: 'FR' }],
  maritalStatus: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/v3-MaritalStatus', code: 'M' }] },
  photo: [{ contentType: 'image/jpeg', data: 'aGVsbG8=' }],
  contact: [{ name: { family: 'Dupont', given: ['Paul'] }, telecom: [{ system: 'phone', value: '+33 6 98 76 54 32' }] }],
  generalPractitioner: [{ reference: 'Practitioner/gp-77', display: 'Dr Martin Leroy' }],
  managingOrganization: { reference: 'https://ehr.example.org/fhir/Organization/chu-lyon', display: 'CHU de Lyon' },
} as Patient;

export const observation: Observation = {
  resourceType: 'Observation',
  id: 'obs-1',
  meta: { lastUpdated: '2024-03-02T09:20:00Z' },
  text: { status: 'generated', div: '<div xmlns="http://www.w3.org/1999/xhtml">Glycémie de Jeanne Dupont</div>' },
  status: 'final',
  category: [{ coding: [{ system: 'http://terminology.hl7.org/CodeSystem/observation-category', code: 'laboratory' }] }],
  code: { coding: [{ system: 'http://loinc.org', code: '2345-7', display: 'Glucose [Mass/volume] in Serum or Plasma' }], text: 'Glycémie Mme Dupont' },
  subject: { reference: `Patient/${PATIENT_ID}`, display: 'Jeanne Dupont' },
  encounter: { reference: 'Encounter/enc-1' },
  effectiveDateTime: '2024-03-01T08:00:00+01:00',
  issued: '2024-03-01T10:12:00.000Z',
  performer: [{ reference: 'Practitioner/lab-9', display: 'Dr Bernard' }],
  valueQuantity: { value: 1.08, unit: 'g/L', system: 'http://unitsofmeasure.org', code: 'g/L' },
  note: [{ authorString: 'Dr Bernard', time: '2024-03-01T11:00:00+01:00', text: 'Patiente Jeanne Dupont à jeun, appeler au 06 12 34 56 78' }],
  referenceRange: [{ low: { value: 0.7, unit: 'g/L' }, high: { value: 1.1, unit: 'g/L' } }],
};

export const condition: Condition = {
  resourceType: 'Condition',
  id: 'cond-1',
  clinicalStatus: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/condition-clinical', code: 'active' }] },
  verificationStatus: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/condition-ver-status', code: 'confirmed' }] },
  code: { coding: [{ system: 'http://hl7.org/fhir/sid/icd-10', code: 'E11.9', display: 'Type 2 diabetes mellitus without complications' }] },
  subject: { reference: `Patient/${PATIENT_ID}` },
  onsetDateTime: '2015-06-20',
  recordedDate: '2015-07-01T14:00:00+02:00',
  asserter: { reference: 'Practitioner/gp-77', display: 'Dr Martin Leroy' },
};

export const encounter: Encounter = {
  resourceType: 'Encounter',
  id: 'enc-1',
  identifier: [{ system: 'urn:hospital:nda', value: 'NDA-2024-0042' }],
  status: 'finished',
  class: { system: 'http://terminology.hl7.org/CodeSystem/v3-ActCode', code: 'AMB' },
  type: [{ coding: [{ system: 'http://snomed.info/sct', code: '185349003' }], text: 'Consultation Mme Dupont' }],
  subject: { reference: `Patient/${PATIENT_ID}` },
  participant: [{ individual: { reference: 'Practitioner/gp-77', display: 'Dr Martin Leroy' } }],
  period: { start: '2024-03-01T07:45:00+01:00', end: '2024-03-01T09:00:00+01:00' },
  serviceProvider: { reference: 'Organization/chu-lyon' },
};

export const medicationRequest: MedicationRequest = {
  resourceType: 'MedicationRequest',
  id: 'mr-1',
  status: 'active',
  intent: 'order',
  medicationCodeableConcept: { coding: [{ system: 'http://www.nlm.nih.gov/research/umls/rxnorm', code: '860975', display: 'metformin 500 MG' }] },
  subject: { reference: `Patient/${PATIENT_ID}`, display: 'Jeanne Dupont' },
  encounter: { reference: 'Encounter/enc-1' },
  authoredOn: '2024-03-01',
  requester: { reference: 'Practitioner/gp-77' },
  dosageInstruction: [{ text: 'Un comprimé matin et soir (Mme Dupont)', timing: { repeat: { frequency: 2, period: 1, periodUnit: 'd' } }, doseAndRate: [{ doseQuantity: { value: 500, unit: 'mg' } }] }],
  dispenseRequest: { numberOfRepeatsAllowed: 3, validityPeriod: { start: '2024-03-01', end: '2024-06-01' } },
};

export const documentReference: DocumentReference = {
  resourceType: 'DocumentReference',
  id: 'doc-1',
  status: 'current',
  type: { coding: [{ system: 'http://loinc.org', code: '11488-4', display: 'Consult note' }] },
  subject: { reference: `Patient/${PATIENT_ID}` },
  date: '2024-03-01T09:30:00+01:00',
  author: [{ reference: 'Practitioner/gp-77' }],
  description: 'Compte rendu de consultation de Jeanne Dupont',
  content: [{ attachment: { contentType: 'text/plain', data: 'Sm VhbmUgRHVwb250'.replace(' ', ''), title: 'CR Dupont', url: 'https://ehr.example.org/docs/991' } }],
  context: { encounter: [{ reference: 'Encounter/enc-1' }], period: { start: '2024-03-01T07:45:00+01:00' } },
};

export const diagnosticReport: DiagnosticReport = {
  resourceType: 'DiagnosticReport',
  id: 'dr-1',
  status: 'final',
  code: { coding: [{ system: 'http://loinc.org', code: '24323-8', display: 'Comprehensive metabolic panel' }] },
  subject: { reference: `Patient/${PATIENT_ID}` },
  effectiveDateTime: '2024-03-01T08:00:00+01:00',
  issued: '2024-03-01T12:00:00Z',
  result: [{ reference: 'Observation/obs-1' }],
  conclusion: 'Glycémie limite chez Mme Dupont, 63 ans.',
};

export const imagingStudy: ImagingStudy = {
  resourceType: 'ImagingStudy',
  id: 'img-1',
  identifier: [{ system: 'urn:dicom:uid', value: 'urn:oid:1.2.250.1.59.3.1.7' }],
  status: 'available',
  subject: { reference: `Patient/${PATIENT_ID}` },
  started: '2024-02-28T14:10:00+01:00',
  numberOfSeries: 1,
  numberOfInstances: 1,
  series: [{ uid: '1.2.250.1.59.3.1.7.1', number: 1, modality: { system: 'http://dicom.nema.org/resources/ontology/DCM', code: 'CT' }, instance: [{ uid: '1.2.250.1.59.3.1.7.1.1', sopClass: { system: 'urn:ietf:rfc:3986', code: 'urn:oid:1.2.840.10008.5.1.4.1.1.2' } }] }],
};

export const searchBundle: Bundle = {
  resourceType: 'Bundle',
  id: 'search-1',
  type: 'searchset',
  total: 3,
  link: [{ relation: 'self', url: `https://ehr.example.org/fhir/Observation?subject=Patient/${PATIENT_ID}` }],
  entry: [
    { fullUrl: `https://ehr.example.org/fhir/Patient/${PATIENT_ID}`, resource: patient, search: { mode: 'include' } },
    { fullUrl: 'https://ehr.example.org/fhir/Observation/obs-1', resource: observation, search: { mode: 'match', score: 1 } },
    { fullUrl: 'https://ehr.example.org/fhir/Condition/cond-1', resource: condition, search: { mode: 'match' } },
  ],
};

export const allResources = [patient, observation, condition, encounter, medicationRequest, documentReference, diagnosticReport, imagingStudy];
