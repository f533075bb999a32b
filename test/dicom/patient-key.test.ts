import { describe, expect, it } from 'vitest';
import { createDicomDeidentifier } from '../../src/anonymize/dicom/index.js';
import { dicomPatientKey, parseDicomPatientKey } from '../../src/anonymize/dicom/patient-key.js';
import { Tags, fixture, inject, makeIdentity, reread, str, valueAt } from './helpers.js';

describe('DICOM-only patient keys carry the issuer without ambiguity', () => {
  it('two patients whose issuer and PatientID only differ in where a colon falls get two keys', () => {
    expect(dicomPatientKey('urn:oid:1.2', '7')).not.toBe(dicomPatientKey('urn:oid', '1.2:7'));
    expect(dicomPatientKey('a:b', 'c')).not.toBe(dicomPatientKey('a', 'b:c'));
  });

  it('round-trips issuers with colons, PatientIDs with colons and percent signs, and no issuer', () => {
    for (const [issuer, patientId] of [
      ['urn:oid:1.2.250.1.71.4.2.7', 'IPP-7'],
      ['CHU', 'A:B%3A:%'],
      ['', 'IPP-8'],
      ['x:', ':'],
    ] as const) {
      expect(parseDicomPatientKey(dicomPatientKey(issuer, patientId))).toEqual({ issuer, patientId });
    }
    expect(dicomPatientKey(undefined, 'IPP-8')).toBe(dicomPatientKey('', 'IPP-8'));
  });

  it('keeps the keys (so the pseudonyms) of PatientIDs without colon or percent sign', () => {
    expect(dicomPatientKey('CHU', 'IPP-123')).toBe('dicom:CHU:IPP-123');
    expect(dicomPatientKey('urn:oid:1.2.250', 'IPP-123')).toBe('dicom:urn:oid:1.2.250:IPP-123');
    expect(dicomPatientKey(undefined, '1CT1')).toBe('dicom::1CT1');
  });

  it('refuses keys that are not DICOM-only patient keys', () => {
    for (const key of ['fhir-patient-id', 'dicom-study:1.2.3', 'dicom:nocolon', 'dicom:CHU:', 'dicom:CHU:a%41']) {
      expect(parseDicomPatientKey(key), key).toBeUndefined();
    }
  });

  it('the de-identifier gives the two colliding patients two pseudonyms', async () => {
    const identity = makeIdentity();
    const deidentifier = createDicomDeidentifier({}, { identity });
    const pseudonymOf = async (issuer: string, patientId: string) => {
      const out = await deidentifier.part10(inject(fixture('CT_small.dcm'), str(Tags.PatientID, 'LO', patientId), str(Tags.IssuerOfPatientID, 'LO', issuer)));
      return valueAt(reread(out.chunks).dataset, Tags.PatientID);
    };
    const first = await pseudonymOf('urn:oid:1.2', '7');
    const second = await pseudonymOf('urn:oid', '1.2:7');
    expect(first).toBe(identity.patientPseudonym(dicomPatientKey('urn:oid:1.2', '7')));
    expect(second).not.toBe(first);
  });
});
