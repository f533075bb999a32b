import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { canAccessDicom } from '../../src/auth/access.js';
import { createAuthenticator } from '../../src/auth/authenticator.js';
import { DEFAULT_DICOM_SCOPE, type AuthConfig } from '../../src/auth/config.js';
import { dicomwebPlugin } from '../../src/dicomweb/index.js';
import { VoileError } from '../../src/errors.js';
import type { PolicyRegistry } from '../../src/policy/runtime.js';
import { buildGateway } from '../../src/server/app.js';
import { testPolicy } from '../fhir-proxy/support/policy.js';
import { startAuthServer, type TestAuthServer } from '../helpers/oidc.js';
import { rawGet, rawRequest } from './raw-http.js';

/**
 * DICOMweb under hostile input, assembled as the composition root does (gateway + DICOMweb plugin
 * whose authenticate also requires the imaging scope), in front of a recording PACS stand-in.
 */
const AUDIENCE = 'https://voile.dicom.test';
const REAL_STUDY = '1.2.826.0.1.3680043.8.498.1';
const UPSTREAM_MARKER = 'UPSTREAM-RAW-BYTES-DUPONT';

let as: TestAuthServer;
let app: FastifyInstance;
let url: string;
let pacs: Server;
const hits: string[] = [];
const tokens: Record<string, string> = {};
const policy = testPolicy({ name: 'imaging' });
const bound = { ...policy, policy: { ...policy.policy, bind: { clients: ['imaging-app', 'fhir-app'] }, dicom: { allowPixelData: false } } };
const registry: PolicyRegistry = { get: (n) => (n === 'imaging' ? bound : undefined), all: () => [bound] };
let remappedStudy: string;

beforeAll(async () => {
  pacs = createServer((req, res) => {
    hits.push(req.url ?? '');
    if (/\/studies\/[^/]+$/.test((req.url ?? '').split('?')[0]!)) {
      // A retrieve answered with a malformed multipart body that quotes "data".
      res.writeHead(200, { 'content-type': 'multipart/related; type="application/dicom"; boundary=XYZ' });
      res.end(`--XYZ\r\nContent-Type: application/dicom\r\n\r\n${UPSTREAM_MARKER}not-a-dicom-file\r\n--XYZ`);
      return;
    }
    res.writeHead(200, { 'content-type': 'application/dicom+json' });
    res.end('[]');
  });
  await new Promise<void>((r) => pacs.listen(0, '127.0.0.1', r));
  const pacsUrl = `http://127.0.0.1:${(pacs.address() as AddressInfo).port}/dicom-web`;

  as = await startAuthServer({
    audience: AUDIENCE,
    clients: [
      { clientId: 'imaging-app', scope: 'system/ImagingStudy.rs' },
      { clientId: 'fhir-app', scope: 'system/Observation.rs' },
    ],
  });
  const auth: AuthConfig = { mode: 'jwt', audience: AUDIENCE, issuers: [{ issuer: as.issuer }] };
  const authenticate = createAuthenticator(auth, registry);
  app = await buildGateway({ publicBaseUrl: 'http://gateway.invalid', upstream: { fhir: { url: 'http://127.0.0.1:9/fhir' } }, registry, authenticate, logger: false });
  await app.register(dicomwebPlugin, {
    prefix: '/dicomweb',
    upstream: pacsUrl,
    publicBaseUrl: 'http://gateway.invalid',
    authenticate: async (request) => {
      const principal = await authenticate(request);
      if (!canAccessDicom(principal.scopes, DEFAULT_DICOM_SCOPE)) throw new VoileError('INSUFFICIENT_SCOPE', 'Imaging access is not granted to this client');
      return principal;
    },
  });
  await app.listen({ port: 0, host: '127.0.0.1' });
  url = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
  tokens.imaging = await as.token('imaging-app', 'system/ImagingStudy.rs');
  tokens.fhir = await as.token('fhir-app', 'system/Observation.rs');
  remappedStudy = bound.identity.remapUid(REAL_STUDY);
  await bound.identity.flush();
});
afterAll(async () => {
  await app?.close();
  await as?.close();
  await new Promise<void>((r) => (pacs ? pacs.close(() => r()) : r()));
});
beforeEach(() => {
  hits.length = 0;
});

const get = (path: string, token?: string) => fetch(`${url}${path}`, { headers: token ? { authorization: `Bearer ${token}` } : {} });

describe('DICOMweb access', () => {
  it('control: the imaging scope reaches the PACS', async () => {
    const res = await get('/dicomweb/studies?ModalitiesInStudy=CT', tokens.imaging);
    expect(res.status).toBe(200);
    expect(hits.length).toBe(1);
  });

  it('no token → 401, a token without the imaging scope → 403, neither reaches the PACS', async () => {
    const anonymous = await get('/dicomweb/studies');
    expect(anonymous.status).toBe(401);
    expect(anonymous.headers.get('www-authenticate')).toBe('Bearer realm="voile"');
    const forged = await get('/dicomweb/studies', `${tokens.imaging!.slice(0, -3)}abc`);
    expect(forged.status).toBe(401);
    const noScope = await get('/dicomweb/studies', tokens.fhir);
    expect(noScope.status).toBe(403);
    expect(noScope.headers.get('www-authenticate')).toContain('insufficient_scope');
    expect(hits).toHaveLength(0);
  });
});

describe('DICOMweb paths and identifiers', () => {
  it('path traversal and encoded slashes never reach the PACS', async () => {
    for (const path of [
      `/dicomweb/studies/${remappedStudy}/../../../fhir/metadata`,
      `/dicomweb/studies/${remappedStudy}%2F..%2F..%2Finstances`,
      '/dicomweb/studies/..%2f..%2fpatients',
      '/dicomweb/studies/%2e%2e/series',
      '/dicomweb//studies',
      `/dicomweb/studies/${remappedStudy}%5C..`,
    ]) {
      const res = await rawGet(url, path, { Authorization: `Bearer ${tokens.imaging}` });
      expect([400, 404], `${path} → ${res.status}`).toContain(res.status);
    }
    expect(hits).toHaveLength(0);
  });

  it('forged UIDs and real UIDs in place of remapped ones are a plain 404 without a PACS call', async () => {
    for (const uid of ['2.25.1234567890123456789', REAL_STUDY, '1.2.3abc', `${remappedStudy}.1`, 'http:%2F%2Fevil.example']) {
      const res = await get(`/dicomweb/studies/${uid}/series`, tokens.imaging);
      expect([400, 404], `${uid} → ${res.status}`).toContain(res.status);
    }
    expect(hits).toHaveLength(0);
  });
});

describe('DICOMweb query strings are parsed strictly (hostile QIDO queries)', () => {
  it('malformed percent-encoding is a 400 that quotes nothing, and the PACS is not asked', async () => {
    for (const query of ['ModalitiesInStudy=C%ZZT', 'ModalitiesInStudy=CT%', 'Modalities%G1nStudy=CT', 'limit=1%', 'PatientID=%E0%A4%A']) {
      const res = await rawGet(url, `/dicomweb/studies?${query}`, { Authorization: `Bearer ${tokens.imaging}` });
      expect(res.status, query).toBe(400);
      expect(res.body, query).not.toMatch(/%ZZ|%G1|%E0/);
    }
    expect(hits).toHaveLength(0);
  });

  it('a duplicated match key or limit is refused, also when spelled with percent-encoding', async () => {
    for (const query of ['ModalitiesInStudy=CT&ModalitiesInStudy=MR', 'ModalitiesInStudy=CT&Modalities%49nStudy=MR', 'limit=1&limit=1000', 'offset=0&offset=5']) {
      const res = await rawGet(url, `/dicomweb/studies?${query}`, { Authorization: `Bearer ${tokens.imaging}` });
      expect(res.status, query).toBe(400);
    }
    expect(hits).toHaveLength(0);
  });

  it('control: a well-formed query reaches the PACS with the decoded value', async () => {
    const res = await get('/dicomweb/studies?Modalities%49nStudy=C%54&limit=2', tokens.imaging);
    expect(res.status).toBe(200);
    expect(hits).toHaveLength(1);
    const sent = new URL(hits[0]!, 'http://pacs.invalid').searchParams;
    expect(sent.get('00080061')).toBe('CT');
    expect(sent.get('limit')).toBe('2');
  });
});

describe('DICOMweb bodies', () => {
  it('uploads (STOW) are refused before their multipart body is read, malformed or not', async () => {
    const host = new URL(url).host;
    const res = await rawRequest(
      url,
      `POST /dicomweb/studies HTTP/1.1\r\nHost: ${host}\r\nAuthorization: Bearer ${tokens.imaging}\r\nContent-Type: multipart/related; type="application/dicom"; boundary=\r\nContent-Length: 20\r\nConnection: close\r\n\r\n--\r\n\r\nbroken-part--`,
    );
    expect([403, 405]).toContain(res.status);
    expect(hits).toHaveLength(0);
  });

  it('a malformed multipart answer from the PACS becomes a clean error, never its bytes', async () => {
    const res = await rawGet(url, `/dicomweb/studies/${remappedStudy}`, { Authorization: `Bearer ${tokens.imaging}`, Accept: 'multipart/related; type="application/dicom"' });
    expect(hits.length).toBeGreaterThan(0);
    expect(hits.join(' ')).toContain(REAL_STUDY); // the PACS was asked for the real study…
    expect(res.raw).not.toContain(UPSTREAM_MARKER); // …and none of its bytes came back
    expect(res.raw).not.toContain(REAL_STUDY);
    if (res.status !== 0) expect(res.status).toBeGreaterThanOrEqual(500);
  });
});
