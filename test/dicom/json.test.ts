import { describe, expect, it } from 'vitest';
import { type DicomJsonDataset, Tags, createDicomDeidentifier } from '../../src/anonymize/dicom/index.js';
import { makeIdentity, reread, valueAt } from './helpers.js';
import { INJECTED, injectedFile } from './injected.js';

const STUDY = '1.2.826.0.1.3680043.8.498.11223344556677';

function qidoStudy(): DicomJsonDataset {
  return {
    '00080005': { vr: 'CS', Value: ['ISO_IR 100'] },
    '00080020': { vr: 'DA', Value: ['20240229'] },
    '00080030': { vr: 'TM', Value: ['101500'] },
    '00080050': { vr: 'SH', Value: [INJECTED.accession] },
    '00080061': { vr: 'CS', Value: ['CT'] },
    '00080090': { vr: 'PN', Value: [{ Alphabetic: INJECTED.referring }] },
    '00081030': { vr: 'LO', Value: [INJECTED.studyDescription] },
    '00081190': { vr: 'UR', Value: [`http://pacs.internal:8042/dicom-web/studies/${STUDY}`] },
    '00100010': { vr: 'PN', Value: [{ Alphabetic: INJECTED.patientName }] },
    '00100020': { vr: 'LO', Value: [INJECTED.patientId] },
    '00100030': { vr: 'DA', Value: [INJECTED.birthDate] },
    '0020000D': { vr: 'UI', Value: [STUDY] },
    '00201208': { vr: 'IS', Value: [3] },
    '00291010': { vr: 'LO', Value: ['ACME'] },
    '00291011': { vr: 'LO', Value: [INJECTED.privateValue] },
    '00081110': { vr: 'SQ', Value: [{ '00081155': { vr: 'UI', Value: [`${STUDY}.9`] }, '00080090': { vr: 'PN', Value: [{ Alphabetic: INJECTED.nestedName }] } }] },
    '7FE00010': { vr: 'OW', BulkDataURI: `http://pacs.internal:8042/dicom-web/studies/${STUDY}/series/1/instances/2/bulk/7fe00010` },
  };
}

describe('DICOM JSON de-identifier', () => {
  it('applies the same table: identifying values gone, upstream URLs gone, private gone', async () => {
    const d = createDicomDeidentifier({ options: ['retainLongitudinalModifiedDates'] }, { identity: makeIdentity() });
    const out = await d.json(qidoStudy());
    const text = JSON.stringify(out);
    for (const value of [INJECTED.accession, INJECTED.referring, INJECTED.studyDescription, INJECTED.patientName, INJECTED.patientId, INJECTED.birthDate, INJECTED.privateValue, INJECTED.nestedName, STUDY, 'pacs.internal']) {
      expect(text).not.toContain(value);
    }
    expect(out['00201208']).toEqual({ vr: 'IS', Value: [3] });
    expect(out['00080061']).toEqual({ vr: 'CS', Value: ['CT'] });
    expect(out['00120062']).toEqual({ vr: 'CS', Value: ['YES'] });
  });

  it('agrees with the Part-10 de-identifier on pseudonym, UIDs and shifted dates', async () => {
    const identity = makeIdentity();
    const d = createDicomDeidentifier({ options: ['retainLongitudinalModifiedDates'] }, { identity });
    const part10 = reread((await d.part10(injectedFile())).chunks).dataset;
    const json = await d.json({ ...qidoStudy(), '00100020': { vr: 'LO', Value: [INJECTED.patientId] } });
    expect((json['0020000D']!.Value as string[])[0]).toBe(valueAt(part10, Tags.StudyInstanceUID));
    expect((json['00100020']!.Value as string[])[0]).toBe(valueAt(part10, Tags.PatientID));
    expect((json['00100010']!.Value as { Alphabetic: string }[])[0]!.Alphabetic).toBe(valueAt(part10, Tags.PatientID));
    expect((json['00080020']!.Value as string[])[0]).toBe(identity.shiftDate('2024-02-29', `dicom::${INJECTED.patientId}`).replaceAll('-', ''));
  });

  it('rewrites a BulkDataURI only through the given function', async () => {
    const d = createDicomDeidentifier({}, { identity: makeIdentity() });
    const out = await d.json(qidoStudy(), { bulkDataUri: () => 'https://gw/dicomweb/bulk/x' });
    expect(out['7FE00010']).toEqual({ vr: 'OW', BulkDataURI: 'https://gw/dicomweb/bulk/x' });
  });

  it('fails closed on a value that is not what its VR promises', async () => {
    const d = createDicomDeidentifier({}, { identity: makeIdentity() });
    await expect(d.json({ '0020000D': { vr: 'UI', Value: [{ evil: true }] } } as unknown as DicomJsonDataset)).rejects.toMatchObject({ code: 'ANONYMIZATION_FAILED' });
    await expect(d.json({ 'not-a-tag': { vr: 'UI' } } as unknown as DicomJsonDataset)).rejects.toMatchObject({ code: 'ANONYMIZATION_FAILED' });
  });
});
