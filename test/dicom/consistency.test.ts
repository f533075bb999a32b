import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { Tags, createDicomDeidentifier, readPart10 } from '../../src/anonymize/dicom/index.js';
import { shiftDicomDate } from '../../src/identity/index.js';
import { SqliteMappingStore } from '../../src/store/sqlite-mapping-store.js';
import { fixture, inject, makeIdentity, reread, seq, str, valueAt } from './helpers.js';

const STUDY = '1.2.826.0.1.3680043.8.498.1000';
const SERIES = `${STUDY}.1`;

function instance(sop: string, referenced?: string): Buffer {
  return inject(
    fixture('CT_small.dcm'),
    str(Tags.PatientID, 'LO', 'IPP-123'),
    str(Tags.IssuerOfPatientID, 'LO', 'CHU'),
    str(0x00080020, 'DA', '20240229'),
    str(0x00080021, 'DA', '20240301'),
    str(0x00080023, 'DA', '20240302'),
    str(0x0008002a, 'DT', '20240302101500.5+0100'),
    str(Tags.StudyInstanceUID, 'UI', STUDY),
    str(Tags.SeriesInstanceUID, 'UI', SERIES),
    str(Tags.SOPInstanceUID, 'UI', sop),
    ...(referenced ? [seq(0x00081140, [str(0x00081150, 'UI', '1.2.840.10008.5.1.4.1.1.2'), str(0x00081155, 'UI', referenced)])] : []),
  );
}

describe('consistency', () => {
  it('maps one study/series to one remapped UID across instances, and references follow', async () => {
    const d = createDicomDeidentifier({}, { identity: makeIdentity() });
    const a = reread((await d.part10(instance(`${SERIES}.1`))).chunks).dataset;
    const b = reread((await d.part10(instance(`${SERIES}.2`, `${SERIES}.1`))).chunks).dataset;
    expect(valueAt(a, Tags.StudyInstanceUID)).toBe(valueAt(b, Tags.StudyInstanceUID));
    expect(valueAt(a, Tags.SeriesInstanceUID)).toBe(valueAt(b, Tags.SeriesInstanceUID));
    expect(valueAt(a, Tags.SOPInstanceUID)).not.toBe(valueAt(b, Tags.SOPInstanceUID));
    expect(valueAt(b, 0x00081140, 0x00081155)).toBe(valueAt(a, Tags.SOPInstanceUID));
    expect(valueAt(b, 0x00081140, 0x00081150)).toBe('1.2.840.10008.5.1.4.1.1.2');
  });

  it('gives a linked patient the FHIR pseudonym and the FHIR date shift, on DA and DT alike', async () => {
    const identity = makeIdentity();
    const linkPatient = (pid: string, issuer: string | undefined) => (pid === 'IPP-123' && issuer === 'CHU' ? 'fhir-patient-42' : undefined);
    const d = createDicomDeidentifier({ options: ['retainLongitudinalModifiedDates'] }, { identity, linkPatient });
    const out = reread((await d.part10(instance(`${SERIES}.1`))).chunks).dataset;
    const days = identity.dateShiftDays('fhir-patient-42');
    expect(valueAt(out, Tags.PatientID)).toBe(identity.patientPseudonym('fhir-patient-42'));
    expect(valueAt(out, Tags.PatientName)).toBe(identity.patientPseudonym('fhir-patient-42'));
    expect(valueAt(out, 0x00080020)).toBe(shiftDicomDate('20240229', days));
    expect(valueAt(out, 0x00080021)).toBe(shiftDicomDate('20240301', days));
    expect(valueAt(out, 0x0008002a)).toBe(shiftDicomDate('20240302101500.5+0100', days));
    // The FHIR side shifts the same day by the same amount.
    expect(valueAt(out, 0x00080020)).toBe(identity.shiftDate('2024-02-29', 'fhir-patient-42').replaceAll('-', ''));
    expect(valueAt(out, Tags.LongitudinalTemporalInformationModified)).toBe('MODIFIED');
  });

  it('falls back to a DICOM-only identity key when the patient is not linked', async () => {
    const identity = makeIdentity();
    const d = createDicomDeidentifier({}, { identity, linkPatient: () => undefined });
    const out = reread((await d.part10(instance(`${SERIES}.1`))).chunks).dataset;
    expect(valueAt(out, Tags.PatientID)).toBe(identity.patientPseudonym('dicom:CHU:IPP-123'));
  });

  it('keeps the UID mapping across a restart (SQLite store, same secret)', async () => {
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'voile-uid-')), 'map.db');
    const store1 = new SqliteMappingStore(file);
    const identity1 = makeIdentity(store1);
    const d = createDicomDeidentifier({}, { identity: identity1 });
    const out = reread((await d.part10(instance(`${SERIES}.7`))).chunks).dataset;
    await identity1.flush();
    await store1.close();
    const identity2 = makeIdentity(new SqliteMappingStore(file));
    expect(await identity2.resolveUid(valueAt(out, Tags.SOPInstanceUID)!)).toBe(`${SERIES}.7`);
    expect(await identity2.resolveUid(valueAt(out, Tags.StudyInstanceUID)!)).toBe(STUDY);
    expect(await identity2.resolveUid('2.25.12345')).toBeUndefined();
  });

  it('Retain UIDs keeps every UID', async () => {
    const d = createDicomDeidentifier({ options: ['retainUIDs'] }, { identity: makeIdentity() });
    const out = reread((await d.part10(instance(`${SERIES}.1`))).chunks).dataset;
    expect(valueAt(out, Tags.StudyInstanceUID)).toBe(STUDY);
    expect(readPart10(fixture('CT_small.dcm')).transferSyntaxUid).toBe('1.2.840.10008.1.2.1');
  });
});
