import { Tags } from '../../src/anonymize/dicom/index.js';
import { fixture, inject, seq, str } from './helpers.js';

/** Identifying values injected into test instances; the leak tests search every output byte for them. */
export const INJECTED = {
  patientName: 'DUPONT^MARIE-CLAIRE',
  patientId: 'IPP-99887766',
  otherId: 'NIR-2850775123456',
  birthDate: '19850712',
  accession: 'ACC-5566-7788',
  institution: 'CHU SAINTE-CATHERINE',
  address: '12 RUE DES LILAS 75011 PARIS',
  referring: 'MARTIN^PAUL^DR',
  operator: 'BERNARD^LUCIE',
  studyDescription: 'SUSPICION TUMEUR CHEZ DUPONT',
  comments: 'patient Marie-Claire Dupont, tel 0612345678',
  nestedName: 'LEROY^ANTOINE',
  nestedId: 'EMP-442211',
  privateValue: 'SECRET-PRIVATE-HASH-8877',
  overlayComment: 'OVERLAY DUPONT',
  curveLabel: 'CURVE-MARIE',
  studyUid: '1.2.826.0.1.3680043.8.498.11223344556677',
};

export function injectedFile(base = 'CT_small.dcm'): Buffer {
  const v = INJECTED;
  return inject(
    fixture(base),
    str(Tags.PatientName, 'PN', v.patientName),
    str(Tags.PatientID, 'LO', v.patientId),
    str(0x00101000, 'LO', v.otherId), // OtherPatientIDs (retired, still X)
    str(0x00100030, 'DA', v.birthDate),
    str(0x00080050, 'SH', v.accession),
    str(0x00080080, 'LO', v.institution),
    str(0x00080081, 'ST', v.address),
    str(0x00080090, 'PN', v.referring),
    str(0x00081070, 'PN', v.operator),
    str(0x00081030, 'LO', v.studyDescription),
    str(0x00204000, 'LT', v.comments),
    str(Tags.StudyInstanceUID, 'UI', v.studyUid),
    // Nested: a person inside a kept sequence two levels down, and an identifying code.
    seq(0x00081110, [str(0x00081150, 'UI', '1.2.840.10008.3.1.2.3.1'), str(0x00081155, 'UI', `${v.studyUid}.1`), seq(0x00401101, [str(0x00080100, 'SH', v.nestedId)])]),
    seq(0x00081140, [str(0x00081150, 'UI', '1.2.840.10008.5.1.4.1.1.2'), str(0x00081155, 'UI', `${v.studyUid}.2`), seq(0x00400555, [str(0x0040a123, 'PN', v.nestedName)])]),
    str(0x00290010, 'LO', 'ACME PRIVATE'),
    str(0x00291011, 'LO', v.privateValue),
    str(0x50000022, 'LO', v.curveLabel),
    str(0x60004000, 'LT', v.overlayComment),
  );
}
