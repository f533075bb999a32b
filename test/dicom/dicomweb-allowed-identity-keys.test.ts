/**
 * Regression: a query key listed in `dicom.allowQueryKeys` was sent to the PACS as it was, before
 * the gateway's own translation. Listing StudyInstanceUID, SeriesInstanceUID, SOPInstanceUID or
 * PatientID (a policy author "allowing" keys partners already use) switched their translation off:
 * the remapped UIDs and pseudonyms a partner holds matched nothing, and the real UIDs and PatientIDs
 * a partner must never hold matched — a probe for real identities. PatientName, released as the
 * patient's pseudonym, went upstream as a name. Keys carrying identities are now matched on what
 * the partner sees, listed or not: translated through the identity layer, and a value that does not
 * resolve (forged, foreign, real) matches nothing, like a forged pseudonym on the FHIR side.
 * Real Orthanc with its DICOMweb plugin, real HTTP.
 */
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dicomPatientKey } from '../../src/anonymize/dicom/patient-key.js';
import { Tags, fixture, inject, makeIdentity, str } from './helpers.js';
import { type RunningOrthanc, orthancAvailable, startOrthanc, stow } from './orthanc.js';
import { startGateway, testPolicy } from './gateway.js';

const available = orthancAvailable();
if (!available) console.warn('Skipping the DICOMweb allowed identity keys tests: Orthanc or its DICOMweb plugin is not installed.');

const ROOT = '1.2.826.0.1.3680043.8.498.7740';
const PATIENTS = [
  { patientId: 'IPP-41', name: 'DUPONT^JEANNE', study: `${ROOT}.1` },
  { patientId: 'IPP-42', name: 'MARTIN^PAUL', study: `${ROOT}.2` },
] as const;
const series = (p: (typeof PATIENTS)[number]) => `${p.study}.1`;
const sop = (p: (typeof PATIENTS)[number]) => `${p.study}.1.1`;

type Dataset = Record<string, { Value?: unknown[] }>;

describe.runIf(available)('QIDO keys a policy allows are matched on what the partner sees', () => {
  let orthanc: RunningOrthanc;
  const identity = makeIdentity();
  let gateway: { app: FastifyInstance; url: string };
  const pseudonymOf = (p: (typeof PATIENTS)[number]) => identity.patientPseudonym(dicomPatientKey(undefined, p.patientId));

  beforeAll(async () => {
    orthanc = await startOrthanc();
    await stow(
      orthanc.dicomweb,
      PATIENTS.map((p) =>
        inject(
          fixture('CT_small.dcm'),
          str(Tags.PatientID, 'LO', p.patientId),
          str(Tags.PatientName, 'PN', p.name),
          str(Tags.StudyInstanceUID, 'UI', p.study),
          str(Tags.SeriesInstanceUID, 'UI', series(p)),
          str(Tags.SOPInstanceUID, 'UI', sop(p)),
        ),
      ),
    );
    gateway = await startGateway(
      orthanc.dicomweb,
      testPolicy(identity, { allowQueryKeys: ['StudyInstanceUID', 'SeriesInstanceUID', '00080018', 'PatientID', 'PatientName'] }),
    );
    // What the partner holds after a first search: remapped UIDs (their mappings are stored).
    for (const p of PATIENTS) for (const uid of [p.study, series(p), sop(p)]) identity.remapUid(uid);
    await identity.flush();
  });
  afterAll(async () => {
    await gateway?.app.close();
    await orthanc?.stop();
  });

  async function search(path: string): Promise<Dataset[]> {
    const res = await fetch(`${gateway.url}${path}`, { headers: { accept: 'application/dicom+json' } });
    expect(res.status).toBe(200);
    return (await res.json()) as Dataset[];
  }
  const studyUids = (results: Dataset[]) => results.map((r) => r['0020000D']!.Value![0]);

  it('control: both studies are there', async () => {
    expect(studyUids(await search('/studies')).sort()).toEqual(PATIENTS.map((p) => identity.remapUid(p.study)).sort());
  });

  it('a remapped StudyInstanceUID finds its study; the real one finds nothing', async () => {
    const [p] = PATIENTS;
    expect(studyUids(await search(`/studies?StudyInstanceUID=${identity.remapUid(p.study)}`))).toEqual([identity.remapUid(p.study)]);
    expect(await search(`/studies?StudyInstanceUID=${p.study}`)).toEqual([]);
  });

  it('remapped SeriesInstanceUID and SOPInstanceUID (listed by tag) find their own; the real ones find nothing', async () => {
    const p = PATIENTS[1];
    expect(studyUids(await search(`/series?SeriesInstanceUID=${identity.remapUid(series(p))}`))).toEqual([identity.remapUid(p.study)]);
    expect(await search(`/series?SeriesInstanceUID=${series(p)}`)).toEqual([]);
    expect(studyUids(await search(`/instances?00080018=${identity.remapUid(sop(p))}`))).toEqual([identity.remapUid(p.study)]);
    expect(await search(`/instances?00080018=${sop(p)}`)).toEqual([]);
  });

  it('a PatientID pseudonym finds its patient only; the real PatientID finds nothing', async () => {
    const [p, other] = PATIENTS;
    expect(studyUids(await search(`/studies?PatientID=${pseudonymOf(p)}`))).toEqual([identity.remapUid(p.study)]);
    expect(studyUids(await search(`/studies?PatientID=${pseudonymOf(other)}`))).toEqual([identity.remapUid(other.study)]);
    expect(await search(`/studies?PatientID=${p.patientId}`)).toEqual([]);
  });

  it('PatientName, released as the pseudonym, is matched as the pseudonym; a real name finds nothing', async () => {
    const [p] = PATIENTS;
    expect(studyUids(await search(`/studies?PatientName=${pseudonymOf(p)}`))).toEqual([identity.remapUid(p.study)]);
    expect(await search(`/studies?PatientName=${encodeURIComponent(p.name)}`)).toEqual([]);
    expect(await search(`/studies?PatientName=DUPONT`)).toEqual([]);
  });

  it('PatientID and PatientName naming two patients match nothing', async () => {
    expect(await search(`/studies?PatientID=${pseudonymOf(PATIENTS[0])}&PatientName=${pseudonymOf(PATIENTS[1])}`)).toEqual([]);
  });

  it('a wildcard in an identity key is refused, as it is for PatientID', async () => {
    for (const query of ['PatientName=DUP*', 'PatientID=IPP*']) {
      const res = await fetch(`${gateway.url}/studies?${query}`);
      expect(res.status).toBe(400);
      expect(await res.text()).not.toContain('DUP');
    }
  });
});
