/**
 * A PatientID is only unique together with its IssuerOfPatientID. Regression: QIDO's PatientID key
 * (a patient pseudonym) was translated to the bare real PatientID, so it matched every patient with
 * that PatientID under any issuer, and a pseudonym whose issuer held a colon (`urn:oid:…`) was
 * resolved to the wrong PatientID. Real Orthanc with its DICOMweb plugin, real HTTP.
 */
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dicomPatientKey } from '../../src/anonymize/dicom/patient-key.js';
import { Tags, fixture, inject, makeIdentity, str } from './helpers.js';
import { type RunningOrthanc, orthancAvailable, startOrthanc, stow } from './orthanc.js';
import { startGateway, testPolicy } from './gateway.js';

const available = orthancAvailable();
if (!available) console.warn('Skipping the DICOMweb issuer tests: Orthanc or its DICOMweb plugin is not installed.');

const ROOT = '1.2.826.0.1.3680043.8.498.7710';
const URN_ISSUER = 'urn:oid:1.2.250.1.71.4.2.7';
/** Four patients; three share the PatientID IPP-7 under different (or no) issuers. */
const PATIENTS = [
  { study: `${ROOT}.1`, patientId: 'IPP-7', issuer: 'CHU' },
  { study: `${ROOT}.2`, patientId: 'IPP-7', issuer: 'CLINIQUE' },
  { study: `${ROOT}.3`, patientId: 'IPP-7', issuer: undefined },
  { study: `${ROOT}.4`, patientId: 'IPP-9', issuer: URN_ISSUER },
] as const;

function instanceOf(p: (typeof PATIENTS)[number]): Buffer {
  return inject(
    fixture('CT_small.dcm'),
    str(Tags.PatientID, 'LO', p.patientId),
    ...(p.issuer === undefined ? [] : [str(Tags.IssuerOfPatientID, 'LO', p.issuer)]),
    str(Tags.StudyInstanceUID, 'UI', p.study),
    str(Tags.SeriesInstanceUID, 'UI', `${p.study}.1`),
    str(Tags.SOPInstanceUID, 'UI', `${p.study}.1.1`),
  );
}

describe.runIf(available)('QIDO PatientID keeps the issuer: one pseudonym, one patient', () => {
  let orthanc: RunningOrthanc;
  const identity = makeIdentity();
  let dicomOnly: { app: FastifyInstance; url: string };
  let linkedAtChu: { app: FastifyInstance; url: string };

  beforeAll(async () => {
    orthanc = await startOrthanc();
    await stow(orthanc.dicomweb, PATIENTS.map(instanceOf));
    dicomOnly = await startGateway(orthanc.dicomweb, testPolicy(identity, {}));
    linkedAtChu = await startGateway(orthanc.dicomweb, testPolicy(identity, { patientLinkage: { map: 'PatientID-is-FHIR-id', issuer: 'CHU' } }));
  });
  afterAll(async () => {
    await dicomOnly?.app.close();
    await linkedAtChu?.app.close();
    await orthanc?.stop();
  });

  async function studiesOf(gatewayUrl: string, pseudonym: string): Promise<{ study: string; patient: string }[]> {
    const res = await fetch(`${gatewayUrl}/studies?PatientID=${encodeURIComponent(pseudonym)}`, { headers: { accept: 'application/dicom+json' } });
    expect(res.status).toBe(200);
    const body = (await res.json()) as Record<string, { Value?: string[] }>[];
    return body.map((s) => ({ study: s['0020000D']!.Value![0]!, patient: s['00100020']!.Value![0]! }));
  }

  it('control: without a PatientID key the four studies come back under four pseudonyms', async () => {
    const res = await fetch(`${dicomOnly.url}/studies`, { headers: { accept: 'application/dicom+json' } });
    const body = (await res.json()) as Record<string, { Value?: string[] }>[];
    expect(body).toHaveLength(4);
    expect(new Set(body.map((s) => s['00100020']!.Value![0])).size).toBe(4);
  });

  it.each(PATIENTS.map((p) => [p.issuer ?? '(no issuer)', p.patientId, p] as const))(
    'a DICOM-only pseudonym (issuer %s, %s) finds its own study and no other',
    async (_issuer, _id, p) => {
      const pseudonym = identity.patientPseudonym(dicomPatientKey(p.issuer, p.patientId));
      expect(await studiesOf(dicomOnly.url, pseudonym)).toEqual([{ study: identity.remapUid(p.study), patient: pseudonym }]);
    },
  );

  it('a linked pseudonym under a policy naming an issuer finds that issuer\'s study only', async () => {
    const pseudonym = identity.patientPseudonym('IPP-7');
    expect(await studiesOf(linkedAtChu.url, pseudonym)).toEqual([{ study: identity.remapUid(PATIENTS[0].study), patient: pseudonym }]);
  });

  it('the IssuerOfPatientID asked upstream never reaches the client', async () => {
    const res = await fetch(`${dicomOnly.url}/studies?PatientID=${identity.patientPseudonym(dicomPatientKey(URN_ISSUER, 'IPP-9'))}`);
    const text = await res.text();
    expect(text).not.toContain(URN_ISSUER);
    expect(text).not.toContain('IPP-9');
  });
});
