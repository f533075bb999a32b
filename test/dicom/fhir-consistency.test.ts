/**
 * One patient, two transports: the FHIR engine (research-strict profile) and the DICOM
 * de-identifier, given the same identity secret and a PatientID linked to the FHIR Patient id,
 * agree on the pseudonym, on the date shift, and on remapped DICOM UIDs.
 */
import path from 'node:path';
import type { ImagingStudy, Patient } from '@medplum/fhirtypes';
import { describe, expect, it } from 'vitest';
import { Tags, createDicomDeidentifier } from '../../src/anonymize/dicom/index.js';
import { createFhirAnonymizer, ensureFhirSchema } from '../../src/anonymize/fhir/index.js';
import { redactingTextDeidentifier } from '../../src/anonymize/text/api.js';
import { loadFhirProfileFile } from '../../src/policy/registry.js';
import type { FhirProfile } from '../../src/policy/types.js';
import { fixture, inject, makeIdentity, reread, str, valueAt } from './helpers.js';

const FHIR_ID = 'pat-0042';
const STUDY_UID = '1.2.826.0.1.3680043.8.498.777';
const SERIES_UID = `${STUDY_UID}.1`;

describe('FHIR and DICOM agree on a linked patient', () => {
  it('same pseudonym, same shift on the study date, same remapped UIDs', async () => {
    await ensureFhirSchema();
    const identity = makeIdentity();
    const deps = { identity, text: redactingTextDeidentifier };
    const strict = createFhirAnonymizer(loadFhirProfileFile(path.resolve('profiles/fhir/research-strict.yaml')), deps);
    const uids = createFhirAnonymizer(
      {
        kind: 'fhir-profile',
        name: 'imaging-uids',
        rules: [
          { path: 'ImagingStudy.subject', method: 'pseudonymize' },
          { path: 'ImagingStudy.status', method: 'keep' },
          { path: 'ImagingStudy.series.uid', method: 'pseudonymize' },
          { path: 'ImagingStudy.series.modality', method: 'keep' },
        ],
      } satisfies FhirProfile,
      deps,
    );
    const patient: Patient = { resourceType: 'Patient', id: FHIR_ID, birthDate: '1985-07-12' };
    const study: ImagingStudy = {
      resourceType: 'ImagingStudy',
      id: 'img-1',
      status: 'available',
      subject: { reference: `Patient/${FHIR_ID}` },
      started: '2024-02-29T10:15:00+01:00',
      series: [{ uid: SERIES_UID, modality: { system: 'http://dicom.nema.org/resources/ontology/DCM', code: 'CT' } }],
    };
    const fhirPatient = (await strict.anonymize(patient)).resource as Patient;
    const fhirStudy = (await strict.anonymize(study)).resource as ImagingStudy;
    const fhirUids = (await uids.anonymize(study)).resource as ImagingStudy;

    const dicom = createDicomDeidentifier({ options: ['retainLongitudinalModifiedDates'] }, { identity, linkPatient: (pid) => (pid === 'IPP-42' ? FHIR_ID : undefined) });
    const input = inject(
      fixture('CT_small.dcm'),
      str(Tags.PatientID, 'LO', 'IPP-42'),
      str(0x00080020, 'DA', '20240229'),
      str(Tags.StudyInstanceUID, 'UI', STUDY_UID),
      str(Tags.SeriesInstanceUID, 'UI', SERIES_UID),
    );
    const out = reread((await dicom.part10(input)).chunks).dataset;

    expect(valueAt(out, Tags.PatientID)).toBe(fhirPatient.id);
    expect(fhirStudy.subject?.reference).toBe(`Patient/${fhirPatient.id}`);
    expect(fhirStudy.started?.slice(0, 10).replaceAll('-', '')).toBe(valueAt(out, 0x00080020));
    expect(fhirUids.series?.[0]?.uid).toBe(valueAt(out, Tags.SeriesInstanceUID));
  });
});
