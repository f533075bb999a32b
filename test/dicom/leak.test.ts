/**
 * Leak test on Part-10 files: identifying values injected everywhere an attacker or a careless
 * modality would put them (names, IDs, dates, descriptors, nested sequences, private tags, curves,
 * overlays), then every output byte is searched for every one of them.
 */
import { describe, expect, it } from 'vitest';
import { type DicomOption, Tags, createDicomDeidentifier } from '../../src/anonymize/dicom/index.js';
import { fixture, inject, makeIdentity, seq, str } from './helpers.js';

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

function leaks(output: Buffer): string[] {
  const found: string[] = [];
  for (const [name, value] of Object.entries(INJECTED)) {
    for (const form of new Set([value, value.toLowerCase(), value.split('^')[0]!])) {
      if (form.length >= 6 && output.includes(Buffer.from(form, 'latin1'))) found.push(name);
    }
  }
  return found;
}

const OPTION_SETS: DicomOption[][] = [
  [],
  ['retainLongitudinalModifiedDates'],
  ['retainLongitudinalModifiedDates', 'cleanDescriptors', 'cleanStructuredContent', 'cleanGraphics', 'retainPatientCharacteristics', 'retainDeviceIdentity'],
];

describe('no injected value survives', () => {
  it.each(OPTION_SETS.map((o) => [o.join('+') || 'basic', o] as const))('%s, explicit and implicit VR', async (_, options) => {
    const d = createDicomDeidentifier({ options }, { identity: makeIdentity() });
    for (const base of ['CT_small.dcm', 'MR_small_implicit.dcm', 'MR_small_bigendian.dcm']) {
      const input = injectedFile(base);
      expect(leaks(input).length).toBeGreaterThan(10); // the injection itself worked
      const out = Buffer.concat((await d.part10(input)).chunks as Uint8Array[]);
      expect(leaks(out)).toEqual([]);
    }
  });

  it('Clean Descriptors with the default (redacting) text hook removes descriptor text', async () => {
    const d = createDicomDeidentifier({ options: ['cleanDescriptors'] }, { identity: makeIdentity() });
    const out = Buffer.concat((await d.part10(injectedFile())).chunks as Uint8Array[]);
    expect(out.includes(Buffer.from('SUSPICION'))).toBe(false);
  });
});
