/**
 * The DICOMweb gateway against a real Orthanc 1.10 (+ DICOMweb plugin), driven by a real client
 * (dicomweb-client over an XMLHttpRequest shim). Orthanc is loaded through STOW-RS with instances
 * that carry injected identifying values; every response is byte-searched for all of them.
 */
import { mkdtempSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api } from 'dicomweb-client';
import type { FastifyInstance } from 'fastify';
import { Tags, readPart10 } from '../../src/anonymize/dicom/index.js';
import { shiftDicomDate } from '../../src/identity/index.js';
import { SqliteMappingStore } from '../../src/store/sqlite-mapping-store.js';
import { fixture, inject, makeIdentity, seq, str, valueAt } from './helpers.js';
import { INJECTED, injectedFile } from './injected.js';
import { type RunningOrthanc, orthancAvailable, startOrthanc, stow } from './orthanc.js';
import { startGateway, testPolicy } from './gateway.js';

const require = createRequire(import.meta.url);
(globalThis as { XMLHttpRequest?: unknown }).XMLHttpRequest ??= require('xhr2');

type Query = { queryParams?: Record<string, string> };
type Uids = { studyInstanceUID: string; seriesInstanceUID?: string; sopInstanceUID?: string };
interface Client {
  searchForStudies(options?: Query): Promise<unknown[]>;
  searchForSeries(options: Query & { studyInstanceUID?: string }): Promise<unknown[]>;
  searchForInstances(options?: Query & { studyInstanceUID?: string; seriesInstanceUID?: string }): Promise<unknown[]>;
  retrieveStudy(options: Uids): Promise<ArrayBuffer[]>;
  retrieveInstance(options: Required<Uids>): Promise<ArrayBuffer>;
  retrieveStudyMetadata(options: Uids): Promise<unknown[]>;
  retrieveInstanceFrames(options: Required<Uids> & { frameNumbers: number[] }): Promise<ArrayBuffer[]>;
}

const available = orthancAvailable();
if (!available) console.warn('Skipping the Orthanc DICOMweb tests: /usr/sbin/Orthanc or the DICOMweb plugin is not installed (apt-get install orthanc orthanc-dicomweb).');

const STUDY = INJECTED.studyUid;
const SERIES = `${STUDY}.100`;
const SOP1 = `${STUDY}.100.1`;
const SOP2 = `${STUDY}.100.2`;
const MR_STUDY = '1.2.826.0.1.3680043.8.498.5550001';
const FHIR_PATIENT = INJECTED.patientId; // linkage: PatientID-is-FHIR-id

function instances(): Buffer[] {
  const ct1 = inject(injectedFile('CT_small.dcm'), str(Tags.SeriesInstanceUID, 'UI', SERIES), str(Tags.SOPInstanceUID, 'UI', SOP1), str(0x00080020, 'DA', '20240229'));
  const ct2 = inject(
    injectedFile('CT_small.dcm'),
    str(Tags.SeriesInstanceUID, 'UI', SERIES),
    str(Tags.SOPInstanceUID, 'UI', SOP2),
    str(0x00080020, 'DA', '20240229'),
    seq(0x00081140, [str(0x00081150, 'UI', '1.2.840.10008.5.1.4.1.1.2'), str(0x00081155, 'UI', SOP1)]),
  );
  const mr = inject(injectedFile('MR_small.dcm'), str(Tags.StudyInstanceUID, 'UI', MR_STUDY), str(Tags.SeriesInstanceUID, 'UI', `${MR_STUDY}.1`), str(Tags.SOPInstanceUID, 'UI', `${MR_STUDY}.1.1`), str(0x00080020, 'DA', '20240301'));
  const sc = fixture('SC_rgb_small_odd.dcm');
  return [ct1, ct2, mr, sc];
}

function leaks(bytes: Buffer | string): string[] {
  const haystack = typeof bytes === 'string' ? Buffer.from(bytes, 'utf8') : bytes;
  const found: string[] = [];
  for (const [name, value] of Object.entries(INJECTED)) {
    for (const form of new Set([value, value.toLowerCase(), value.split('^')[0]!])) if (form.length >= 6 && haystack.includes(Buffer.from(form, 'latin1'))) found.push(name);
  }
  // Original UIDs and the upstream's address.
  for (const uid of [SERIES, SOP1, MR_STUDY]) if (haystack.includes(Buffer.from(uid))) found.push(uid);
  return found;
}

describe.runIf(available)('DICOMweb gateway in front of Orthanc', () => {
  let orthanc: RunningOrthanc;
  let gateway: { app: FastifyInstance; url: string };
  const identity = makeIdentity();
  let client: Client;

  beforeAll(async () => {
    orthanc = await startOrthanc();
    await stow(orthanc.dicomweb, instances());
    gateway = await startGateway(
      orthanc.dicomweb,
      testPolicy(identity, { options: ['retainLongitudinalModifiedDates'], allowPixelData: true, patientLinkage: { map: 'PatientID-is-FHIR-id' } }),
    );
    // dicomweb-client's generated typings mark every option required; the calls below are the documented ones.
    client = new api.DICOMwebClient({ url: gateway.url } as never) as unknown as Client;
  });

  afterAll(async () => {
    await gateway?.app.close();
    await orthanc?.stop();
  });

  it('QIDO studies: pseudonymized, shifted like FHIR, RetrieveURL rewritten to the gateway', async () => {
    const all = (await client.searchForStudies()) as Record<string, { Value?: unknown[] }>[];
    expect(all.length).toBe(3); // CT and MR of our patient, and the Secondary Capture's study
    expect(leaks(JSON.stringify(all))).toEqual([]);
    const pseudonym = identity.patientPseudonym(FHIR_PATIENT);
    const studies = all.filter((s) => s['00100020']?.Value?.[0] === pseudonym);
    expect(studies).toHaveLength(2);
    for (const s of studies) {
      expect(s['00100020']!.Value).toEqual([pseudonym]);
      const uid = s['0020000D']!.Value![0] as string;
      expect(uid).toMatch(/^2\.25\./);
      expect(s['00081190']!.Value).toEqual([`${gateway.url}/studies/${uid}`]);
    }
    const ct = studies.find((s) => s['0020000D']!.Value![0] === identity.remapUid(STUDY))!;
    expect(ct['00080020']!.Value).toEqual([shiftDicomDate('20240229', identity.dateShiftDays(FHIR_PATIENT))]);
    expect(ct['00080020']!.Value).toEqual([identity.shiftDate('2024-02-29', FHIR_PATIENT).replaceAll('-', '')]);
  });

  it('QIDO series and instances with a remapped study UID, includefield, limit/offset; withheld instances hidden', async () => {
    const study = identity.remapUid(STUDY);
    const series = (await client.searchForSeries({ studyInstanceUID: study })) as Record<string, { Value?: unknown[] }>[];
    expect(series.map((s) => s['0020000E']!.Value![0])).toEqual([identity.remapUid(SERIES)]);
    expect(series[0]!['00081190']!.Value).toEqual([`${gateway.url}/studies/${study}/series/${identity.remapUid(SERIES)}`]);
    const page1 = (await client.searchForInstances({ studyInstanceUID: study, queryParams: { limit: '1', offset: '0', includefield: 'InstitutionName' } })) as Record<string, { Value?: unknown[] }>[];
    const page2 = (await client.searchForInstances({ studyInstanceUID: study, queryParams: { limit: '1', offset: '1' } })) as Record<string, { Value?: unknown[] }>[];
    expect(page1).toHaveLength(1);
    expect(page2).toHaveLength(1);
    const sops = [...page1, ...page2].map((i) => i['00080018']!.Value![0]).sort();
    expect(sops).toEqual([identity.remapUid(SOP1), identity.remapUid(SOP2)].sort());
    expect(leaks(JSON.stringify([series, page1, page2]))).toEqual([]);
    const all = (await client.searchForInstances()) as Record<string, { Value?: unknown[] }>[];
    expect(all.length).toBe(3); // the Secondary Capture is withheld
    const allSeries = (await client.searchForSeries({})) as Record<string, { Value?: unknown[] }>[];
    expect(allSeries.length).toBe(3);
    for (const s of allSeries) expect(String(s['00081190']!.Value![0])).toMatch(new RegExp(`^${gateway.url}/studies/2\\.25\\.\\d+/series/2\\.25\\.\\d+$`));
    expect(leaks(JSON.stringify([all, allSeries]))).toEqual([]);
  });

  it('refuses identity-probing query keys and translates PatientID from the pseudonym', async () => {
    for (const key of ['PatientName', 'PatientBirthDate', 'AccessionNumber', 'ReferringPhysicianName', '00100010', 'StudyDate']) {
      const res = await fetch(`${gateway.url}/studies?${key}=DUPONT`);
      expect(res.status).toBe(400);
      const body = await res.text();
      expect(body).toContain('SEARCH_PARAM_REFUSED');
      expect(body).not.toContain('DUPONT');
    }
    const byPseudonym = (await client.searchForStudies({ queryParams: { PatientID: identity.patientPseudonym(FHIR_PATIENT) } })) as unknown[];
    expect(byPseudonym).toHaveLength(2);
    const byRealId = (await client.searchForStudies({ queryParams: { PatientID: INJECTED.patientId } })) as unknown[];
    expect(byRealId).toHaveLength(0);
    const byOriginalUid = (await client.searchForStudies({ queryParams: { StudyInstanceUID: STUDY } })) as unknown[];
    expect(byOriginalUid).toHaveLength(0);
  });

  it('WADO-RS retrieves a study as de-identified Part-10 instances; references point at remapped UIDs', async () => {
    const parts = (await client.retrieveStudy({ studyInstanceUID: identity.remapUid(STUDY) })) as ArrayBuffer[];
    expect(parts).toHaveLength(2);
    const datasets = parts.map((p) => {
      const bytes = Buffer.from(p);
      expect(leaks(bytes)).toEqual([]);
      return readPart10(bytes).dataset;
    });
    const sops = datasets.map((d) => valueAt(d, Tags.SOPInstanceUID)).sort();
    expect(sops).toEqual([identity.remapUid(SOP1), identity.remapUid(SOP2)].sort());
    const second = datasets.find((d) => valueAt(d, Tags.SOPInstanceUID) === identity.remapUid(SOP2))!;
    expect(valueAt(second, 0x00081140, 0x00081155)).toBe(identity.remapUid(SOP1));
    for (const d of datasets) {
      expect(valueAt(d, Tags.PatientID)).toBe(identity.patientPseudonym(FHIR_PATIENT));
      expect(valueAt(d, Tags.PatientIdentityRemoved)).toBe('YES');
    }
  });

  it('WADO-RS instance and study metadata: de-identified, pixel BulkDataURI pointing at the gateway', async () => {
    const study = identity.remapUid(STUDY);
    const series = identity.remapUid(SERIES);
    const instance = (await client.retrieveInstance({ studyInstanceUID: study, seriesInstanceUID: series, sopInstanceUID: identity.remapUid(SOP1) })) as ArrayBuffer;
    expect(valueAt(readPart10(Buffer.from(instance)).dataset, Tags.SOPInstanceUID)).toBe(identity.remapUid(SOP1));
    const metadata = (await client.retrieveStudyMetadata({ studyInstanceUID: study })) as Record<string, { Value?: unknown[]; BulkDataURI?: string }>[];
    expect(metadata).toHaveLength(2);
    expect(leaks(JSON.stringify(metadata))).toEqual([]);
    for (const m of metadata) {
      const bulk = m['7FE00010']?.BulkDataURI;
      expect(bulk?.startsWith(`${gateway.url}/studies/${study}/series/${series}/instances/2.25.`)).toBe(true);
      const pixels = await fetch(bulk!, { headers: { accept: 'multipart/related; type="application/octet-stream"' } });
      expect(pixels.status).toBe(200);
      expect(pixels.headers.get('content-type')).toMatch(/^multipart\/related/);
      const bytes = Buffer.from(await pixels.arrayBuffer());
      expect(bytes.length).toBeGreaterThan(128 * 128 * 2);
      expect(bytes.includes(Buffer.from('127.0.0.1'))).toBe(false);
      expect(m['00120062']!.Value).toEqual(['YES']);
    }
  });

  it('frames are served when the policy allows pixel access', async () => {
    const frames = (await client.retrieveInstanceFrames({
      studyInstanceUID: identity.remapUid(STUDY),
      seriesInstanceUID: identity.remapUid(SERIES),
      sopInstanceUID: identity.remapUid(SOP1),
      frameNumbers: [1],
    })) as ArrayBuffer[];
    expect(frames).toHaveLength(1);
    expect(frames[0]!.byteLength).toBe(128 * 128 * 2);
  });

  it('refuses STOW-RS, deletion and UPS; unknown or original UIDs are 404; errors never quote upstream text', async () => {
    expect((await fetch(`${gateway.url}/studies`, { method: 'POST', body: 'x', headers: { 'content-type': 'application/dicom' } })).status).toBe(405);
    expect((await fetch(`${gateway.url}/studies/${identity.remapUid(STUDY)}`, { method: 'DELETE' })).status).toBe(405);
    expect((await fetch(`${gateway.url}/workitems`)).status).toBe(405);
    const original = await fetch(`${gateway.url}/studies/${STUDY}`, { headers: { accept: 'multipart/related; type="application/dicom"' } });
    expect(original.status).toBe(404);
    const forged = await fetch(`${gateway.url}/studies/2.25.1234567890/metadata`);
    expect(forged.status).toBe(404);
    expect(await forged.text()).not.toMatch(/orthanc|127\.0\.0\.1/i);
    const zip = await fetch(`${gateway.url}/studies/${identity.remapUid(STUDY)}`, { headers: { accept: 'application/zip' } });
    expect(zip.status).toBe(406);
  });

  it('a withheld (burned-in) instance is refused on retrieval', async () => {
    const sc = readPart10(fixture('SC_rgb_small_odd.dcm')).dataset;
    const [study, series, sop] = [Tags.StudyInstanceUID, Tags.SeriesInstanceUID, Tags.SOPInstanceUID].map((t) => identity.remapUid(valueAt(sc, t)!));
    await identity.flush();
    const res = await fetch(`${gateway.url}/studies/${study}/series/${series}/instances/${sop}`, { headers: { accept: 'multipart/related; type="application/dicom"' } });
    expect(res.status).toBe(403);
  });

  it('a restarted gateway (new process state, same secret and SQLite store) resolves the UIDs it handed out', async () => {
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'voile-gw-store-')), 'uids.db');
    const first = makeIdentity(new SqliteMappingStore(file));
    const gw1 = await startGateway(orthanc.dicomweb, testPolicy(first, {}));
    let studyUid: string;
    try {
      const studies = (await (await fetch(`${gw1.url}/studies?StudyInstanceUID=${identity.remapUid(STUDY)}`)).json()) as unknown[];
      // The first gateway has never seen this remapped UID: nothing resolves it, no match.
      expect(studies).toHaveLength(0);
      const all = (await (await fetch(`${gw1.url}/studies`)).json()) as Record<string, { Value?: string[] }>[];
      studyUid = all.map((s) => s['0020000D']!.Value![0]!).find((u) => u === first.remapUid(STUDY))!;
      expect(studyUid).toBeDefined();
    } finally {
      await gw1.app.close();
    }
    // A fresh identity on the same store: it never computed this UID, only the store knows it.
    const second = makeIdentity(new SqliteMappingStore(file));
    const gw2 = await startGateway(orthanc.dicomweb, testPolicy(second, {}));
    try {
      const metadata = await fetch(`${gw2.url}/studies/${studyUid}/metadata`);
      expect(metadata.status).toBe(200);
      expect(((await metadata.json()) as unknown[]).length).toBe(2);
    } finally {
      await gw2.app.close();
    }
  });

  it('without pixel access in the policy, frames and bulk data are refused', async () => {
    const noPixels = await startGateway(orthanc.dicomweb, testPolicy(identity, {}));
    try {
      const base = `${noPixels.url}/studies/${identity.remapUid(STUDY)}/series/${identity.remapUid(SERIES)}/instances/${identity.remapUid(SOP1)}`;
      expect((await fetch(`${base}/frames/1`)).status).toBe(403);
      expect((await fetch(`${base}/bulk/7fe00010`)).status).toBe(403);
      const metadata = (await (await fetch(`${base}/metadata`)).json()) as Record<string, unknown>[];
      expect(metadata[0]!['7FE00010']).toBeUndefined();
    } finally {
      await noPixels.app.close();
    }
  });

  it('an unreachable upstream is a clean 503', async () => {
    const down = await startGateway('http://127.0.0.1:9/dicom-web', testPolicy(identity, {}));
    try {
      const res = await fetch(`${down.url}/studies`);
      expect(res.status).toBe(503);
      expect(await res.json()).toEqual({ code: 'UPSTREAM_UNAVAILABLE', message: 'The image archive is unavailable' });
    } finally {
      await down.app.close();
    }
  });
});
