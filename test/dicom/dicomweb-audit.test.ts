/**
 * Regression: DICOMweb requests were not in the audit trail as what they are (streamed retrievals
 * left no record, QIDO and metadata results were not counted). Every DICOMweb request now leaves
 * one record through the audit API — interaction, route pattern, studies released — and the records
 * carry no real PatientID, name, or UID (original or remapped). Real Orthanc, real HTTP.
 */
import Fastify, { type FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditPlugin } from '../../src/audit/index.js';
import type { AuditRecord } from '../../src/audit/record.js';
import { dicomwebPlugin } from '../../src/dicomweb/index.js';
import { isVoileError } from '../../src/errors.js';
import { MemoryAuditStore } from '../../src/store/audit-store.js';
import { Tags, fixture, inject, makeIdentity, str } from './helpers.js';
import { INJECTED, injectedFile } from './injected.js';
import { type RunningOrthanc, freePort, orthancAvailable, startOrthanc, stow } from './orthanc.js';
import { testPolicy } from './gateway.js';

const available = orthancAvailable();
if (!available) console.warn('Skipping the DICOMweb audit tests: Orthanc or its DICOMweb plugin is not installed.');

const STUDY = INJECTED.studyUid;
const SERIES = `${STUDY}.200`;
const SOP = `${STUDY}.200.1`;
const OTHER_STUDY = '1.2.826.0.1.3680043.8.498.9090';

describe.runIf(available)('DICOMweb requests are audited without PHI', () => {
  let orthanc: RunningOrthanc;
  let app: FastifyInstance;
  let url: string;
  const store = new MemoryAuditStore();
  const identity = makeIdentity();

  beforeAll(async () => {
    orthanc = await startOrthanc();
    await stow(orthanc.dicomweb, [
      inject(injectedFile('CT_small.dcm'), str(Tags.SeriesInstanceUID, 'UI', SERIES), str(Tags.SOPInstanceUID, 'UI', SOP)),
      inject(fixture('MR_small.dcm'), str(Tags.PatientID, 'LO', 'IPP-OTHER-4455'), str(Tags.StudyInstanceUID, 'UI', OTHER_STUDY), str(Tags.SeriesInstanceUID, 'UI', `${OTHER_STUDY}.1`), str(Tags.SOPInstanceUID, 'UI', `${OTHER_STUDY}.1.1`)),
    ]);
    app = Fastify({ logger: false });
    app.setErrorHandler((err, _request, reply) => reply.code(isVoileError(err) ? err.status : 500).send({ code: isVoileError(err) ? err.code : 'INTERNAL' }));
    app.addHook('onRequest', async (request) => {
      request.principal = { clientId: 'imaging-client', scopes: [], policy: testPolicy(identity, { allowPixelData: true }) };
    });
    await app.register(auditPlugin, { store });
    const port = await freePort();
    url = `http://127.0.0.1:${port}/dicomweb`;
    await app.register(dicomwebPlugin, { prefix: '/dicomweb', upstream: orthanc.dicomweb, publicBaseUrl: `http://127.0.0.1:${port}` });
    await app.listen({ port, host: '127.0.0.1' });
  });
  afterAll(async () => {
    await app?.close();
    await orthanc?.stop();
  });

  /** The records written for one request (the hook writes after the response has ended). */
  async function recordsOf(path: string, accept?: string): Promise<{ status: number; records: AuditRecord[] }> {
    const before = (await store.query({ limit: 10_000 })).length;
    const res = await fetch(`${url}${path}`, accept ? { headers: { accept } } : {});
    await res.arrayBuffer();
    let records: AuditRecord[] = [];
    for (let i = 0; i < 100 && records.length === 0; i++) {
      records = (await store.query({ limit: 10_000 })).slice(before).map((r) => r.record);
      if (records.length === 0) await new Promise((r) => setTimeout(r, 20));
    }
    return { status: res.status, records };
  }

  const study = () => identity.remapUid(STUDY);
  const series = () => identity.remapUid(SERIES);
  const sop = () => identity.remapUid(SOP);

  it('QIDO: one dicomweb-search record counting the studies released', async () => {
    const { status, records } = await recordsOf('/studies');
    expect(status).toBe(200);
    expect(records).toHaveLength(1);
    expect(records[0]).toMatchObject({ clientId: 'imaging-client', policy: 'imaging-test', interaction: 'dicomweb-search', route: '/dicomweb/studies', status: 200, outcome: '0', returned: { ImagingStudy: 2 } });
    expect(records[0]!.upstreamLatencyMs).toEqual(expect.any(Number));
    const instances = await recordsOf(`/studies/${study()}/instances`);
    expect(instances.records[0]).toMatchObject({ interaction: 'dicomweb-search', route: '/dicomweb/studies/:study/instances', returned: { ImagingStudy: 1 } });
  });

  it('WADO-RS streamed retrieval: one dicomweb-retrieve record, also for a hijacked stream', async () => {
    const { status, records } = await recordsOf(`/studies/${study()}`, 'multipart/related; type="application/dicom"');
    expect(status).toBe(200);
    expect(records).toHaveLength(1);
    expect(records[0]).toMatchObject({ interaction: 'dicomweb-retrieve', route: '/dicomweb/studies/:study', status: 200, outcome: '0', returned: { ImagingStudy: 1 } });
    expect(records[0]!.upstreamLatencyMs).toEqual(expect.any(Number));
  });

  it('metadata and frames: dicomweb-retrieve records', async () => {
    const metadata = await recordsOf(`/studies/${study()}/series/${series()}/metadata`);
    expect(metadata.records[0]).toMatchObject({ interaction: 'dicomweb-retrieve', route: '/dicomweb/studies/:study/series/:series/metadata', status: 200, returned: { ImagingStudy: 1 } });
    const frames = await recordsOf(`/studies/${study()}/series/${series()}/instances/${sop()}/frames/1`);
    expect(frames.status).toBe(200);
    expect(frames.records).toHaveLength(1);
    expect(frames.records[0]).toMatchObject({ interaction: 'dicomweb-retrieve', route: '/dicomweb/studies/:study/series/:series/instances/:instance/frames/:frames', status: 200 });
  });

  it('a refused query and an unknown UID are recorded with their error code', async () => {
    const refused = await recordsOf(`/studies?PatientName=${encodeURIComponent(INJECTED.patientName)}`);
    expect(refused.records[0]).toMatchObject({ interaction: 'dicomweb-search', status: 400, errorCode: 'SEARCH_PARAM_REFUSED', returned: {} });
    const unknown = await recordsOf(`/studies/${STUDY}/metadata`);
    expect(unknown.records[0]).toMatchObject({ interaction: 'dicomweb-retrieve', status: 404, errorCode: 'NOT_FOUND' });
  });

  it('no record holds a PatientID, name, original or remapped UID, or the pseudonym', async () => {
    const all = JSON.stringify((await store.query({ limit: 10_000 })).map((r) => r.record));
    expect(all.length).toBeGreaterThan(100);
    const forbidden = [
      ...Object.values(INJECTED),
      INJECTED.patientName.split('^')[0]!,
      'IPP-OTHER-4455',
      SERIES,
      SOP,
      OTHER_STUDY,
      study(),
      series(),
      sop(),
      identity.remapUid(OTHER_STUDY),
    ];
    for (const value of forbidden) expect(all, value).not.toContain(value);
    expect(all).not.toMatch(/2\.25\.\d{6,}/);
  });
});
