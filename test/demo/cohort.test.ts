import { validateResource } from '@medplum/core';
import type { DocumentReference, ImagingStudy, Observation, Patient, Resource } from '@medplum/fhirtypes';
import { beforeAll, describe, expect, it } from 'vitest';
import { generateCohort, type Cohort } from '../../src/demo/cohort.js';
import { loadFhirDefinitions } from '../../src/demo/definitions.js';
import { isVoileError } from '../../src/errors.js';

let cohort: Cohort;
beforeAll(() => {
  loadFhirDefinitions();
  cohort = generateCohort();
});

const ofType = <T extends Resource>(type: T['resourceType']) => cohort.resources.filter((r): r is T => r.resourceType === type);

describe('generateCohort determinism', () => {
  it('gives the same cohort, byte for byte, for the same seed', () => {
    const again = generateCohort({ seed: 42 });
    expect(JSON.stringify(again.resources)).toBe(JSON.stringify(cohort.resources));
    expect(again.identifying).toEqual(cohort.identifying);
  });

  it('gives a different cohort for another seed', () => {
    const other = generateCohort({ seed: 7, patients: 10 });
    const ours = new Set(cohort.patients.map((p) => p.id));
    expect(other.patients.some((p) => ours.has(p.id))).toBe(false);
  });

  it('does not depend on the wall clock', () => {
    const birthDates = ofType<Patient>('Patient').map((p) => p.birthDate);
    expect(birthDates.every((d) => d !== undefined && d < '2008-01-01')).toBe(true);
  });

  it('refuses a bad size or seed with a clear error', () => {
    for (const bad of [{ patients: 0 }, { patients: 1.5 }, { patients: 100_000 }, { seed: -1 }]) {
      let caught: unknown;
      try {
        generateCohort(bad);
      } catch (err) {
        caught = err;
      }
      expect(isVoileError(caught) && caught.code === 'BAD_REQUEST').toBe(true);
    }
  });
});

describe('generateCohort content', () => {
  it('has at least 100 patients, half French and half English', () => {
    const patients = ofType<Patient>('Patient');
    expect(patients.length).toBeGreaterThanOrEqual(100);
    const french = patients.filter((p) => p.identifier?.some((i) => i.system === 'urn:oid:1.2.250.1.213.1.4.8'));
    const english = patients.filter((p) => p.identifier?.some((i) => i.system === 'http://hl7.org/fhir/sid/us-ssn'));
    expect(french.length).toBe(patients.length / 2);
    expect(english.length).toBe(patients.length / 2);
    expect(patients.every((p) => p.text?.div.includes(p.name?.[0].family ?? '\u0000'))).toBe(true);
  });

  it('covers the clinical resource types, elderly and deceased patients', () => {
    for (const type of ['Encounter', 'Observation', 'Condition', 'MedicationRequest', 'DocumentReference', 'ImagingStudy', 'Practitioner', 'Organization'] as const) {
      expect(ofType(type).length, type).toBeGreaterThan(0);
    }
    const patients = ofType<Patient>('Patient');
    expect(patients.some((p) => p.deceasedDateTime)).toBe(true);
    expect(patients.some((p) => (p.birthDate ?? '9999') < '1935-06-01')).toBe(true);
    const categories = new Set(ofType<Observation>('Observation').flatMap((o) => (o.category ?? []).map((c) => c.coding?.[0].code)));
    expect(categories).toEqual(new Set(['laboratory', 'vital-signs', 'social-history']));
  });

  it('writes a clinical note per patient that names the patient', () => {
    const documents = ofType<DocumentReference>('DocumentReference');
    expect(documents.length).toBe(cohort.patients.length);
    for (const doc of documents) {
      const note = Buffer.from(doc.content[0].attachment.data ?? '', 'base64').toString('utf8');
      const patient = ofType<Patient>('Patient').find((p) => `Patient/${p.id}` === doc.subject?.reference);
      expect(note).toContain(patient?.name?.[0].given?.[0]);
      expect(note).toMatch(/Dr\.? /);
    }
  });

  it('gives imaging studies DICOM UIDs', () => {
    for (const study of ofType<ImagingStudy>('ImagingStudy')) {
      expect(study.identifier?.[0]).toMatchObject({ system: 'urn:dicom:uid', value: expect.stringMatching(/^urn:oid:[0-9.]+$/) });
      expect(study.series?.[0].uid).toMatch(/^[0-9.]{10,64}$/);
    }
  });

  it('lists what identifies each patient, and that list matches the resources', () => {
    const kinds = new Set(cohort.identifying.map((v) => v.kind));
    for (const kind of ['patient-id', 'name', 'phone', 'email', 'address-line', 'identifier', 'birth-date', 'free-text', 'dicom-uid'] as const) {
      expect(kinds.has(kind), kind).toBe(true);
    }
    // Every value the generator reports is really in the data it generated (so the leak tests bite):
    // looked up in the text of the patient's own resources, notes decoded.
    const textOf = (resources: readonly Resource[]) => {
      const json = JSON.stringify(resources);
      const notes = resources.flatMap((r) => (r.resourceType === 'DocumentReference' ? [Buffer.from(r.content[0].attachment.data ?? '', 'base64').toString('utf8')] : []));
      const all = [json, ...notes].join('\n');
      return { all, digits: all.replace(/\D/g, '') };
    };
    const everything = textOf(cohort.resources);
    const jsons = cohort.resources.map((r) => JSON.stringify(r));
    const perPatient = new Map(cohort.patients.map((p) => [p.id, textOf(cohort.resources.filter((_, i) => jsons[i].includes(p.id)))]));
    for (const { value, patientId } of cohort.identifying) {
      const where = patientId ? perPatient.get(patientId) ?? everything : everything;
      const found = where.all.includes(value) || (/^\d+$/.test(value) && where.digits.includes(value));
      expect(found, value).toBe(true);
    }
    for (const patient of cohort.patients) {
      expect(cohort.identifying.some((v) => v.kind === 'patient-id' && v.value === patient.id)).toBe(true);
    }
  });
});

describe('generateCohort validity', () => {
  it('produces resources that validate against the FHIR R4 base definitions', () => {
    const failures: string[] = [];
    for (const resource of cohort.resources) {
      try {
        const issues = validateResource(resource).filter((i) => i.severity === 'error' || i.severity === 'fatal');
        if (issues.length > 0) failures.push(`${resource.resourceType}: ${issues[0].details?.text}`);
      } catch (err) {
        failures.push(`${resource.resourceType}: ${(err as Error).message}`);
      }
    }
    expect(failures).toEqual([]);
  });
});
