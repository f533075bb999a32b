/**
 * Regression: DICOMweb links (QIDO RetrieveURLs, metadata BulkDataURIs) were written from the
 * listen configuration (`http://{listen.host}:{listen.port ?? 8080}`) while FHIR and Bulk links use
 * the gateway's shared base URL, which is the bound address when `publicBaseUrl` is not set. A
 * gateway listening on port 0 (or anywhere but the configured port) sent partners links to a port
 * nothing listens on. Assembled as `voile serve` assembles it, in front of a real Orthanc.
 */
import { mkdtempSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assembleGateway } from '../../src/cli/gateway.js';
import { validateConfig } from '../../src/config/load.js';
import { Tags, fixture, inject, str } from './helpers.js';
import { type RunningOrthanc, orthancAvailable, startOrthanc, stow } from './orthanc.js';

const available = orthancAvailable();
if (!available) console.warn('Skipping the DICOMweb link base URL test: Orthanc or its DICOMweb plugin is not installed.');

const ROOT = '1.2.826.0.1.3680043.8.498.7720';

describe.runIf(available)('DICOMweb links point at the address the gateway is bound to', () => {
  let orthanc: RunningOrthanc;
  let app: FastifyInstance;
  let base: string;

  beforeAll(async () => {
    orthanc = await startOrthanc();
    await stow(orthanc.dicomweb, [
      inject(fixture('CT_small.dcm'), str(Tags.PatientID, 'LO', 'IPP-1'), str(Tags.StudyInstanceUID, 'UI', `${ROOT}.1`), str(Tags.SeriesInstanceUID, 'UI', `${ROOT}.1.1`), str(Tags.SOPInstanceUID, 'UI', `${ROOT}.1.1.1`)),
    ]);
    ({ app } = await assembleGateway({
      baseDir: mkdtempSync(join(tmpdir(), 'voile-dicomweb-links-')),
      env: { VOILE_SECRET_DEMO: 'hex:' + '55'.repeat(32) },
      config: validateConfig({
        // No publicBaseUrl, and a listen port other than the one the server ends up on.
        listen: { host: '127.0.0.1', port: 0 },
        upstream: { fhir: { url: 'http://127.0.0.1:9/fhir', timeoutMs: 1000 }, dicomweb: { url: orthanc.dicomweb } },
        identity: { domains: { demo: { secretEnv: 'VOILE_SECRET_DEMO' } } },
        store: { sqlite: { path: 'data/voile.db' } },
        policies: { only: ['demo-research'] },
        auth: { mode: 'none', policy: 'demo-research' },
        logging: { level: 'silent' },
      }),
    }));
    await app.listen({ host: '127.0.0.1', port: 0 });
    base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await app?.close();
    await orthanc?.stop();
  });

  it('QIDO RetrieveURLs start with the bound address', async () => {
    const res = await fetch(`${base}/dicomweb/studies`, { headers: { accept: 'application/dicom+json' } });
    expect(res.status).toBe(200);
    const studies = (await res.json()) as Record<string, { Value?: string[] }>[];
    expect(studies).toHaveLength(1);
    const uid = studies[0]!['0020000D']!.Value![0]!;
    expect(studies[0]!['00081190']!.Value).toEqual([`${base}/dicomweb/studies/${uid}`]);
  });

  it('metadata BulkDataURIs start with the bound address, and the link they give works', async () => {
    const studies = (await (await fetch(`${base}/dicomweb/studies`)).json()) as Record<string, { Value?: string[] }>[];
    const metadata = (await (await fetch(`${studies[0]!['00081190']!.Value![0]}/metadata`)).json()) as Record<string, { BulkDataURI?: string }>[];
    const bulk = metadata[0]!['7FE00010']!.BulkDataURI!;
    expect(bulk.startsWith(`${base}/dicomweb/studies/`)).toBe(true);
    const pixels = await fetch(bulk, { headers: { accept: 'multipart/related; type="application/octet-stream"' } });
    expect(pixels.status).toBe(200);
    await pixels.arrayBuffer();
  });
});
