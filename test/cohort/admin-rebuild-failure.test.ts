import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SqliteAuditStore } from '../../src/audit/index.js';
import { REBUILD_ROUTE } from '../../src/cohort/rebuilds.js';
import { startAuthServer, type TestAuthServer } from '../helpers/oidc.js';
import { pollRebuild, startAssembledGateway, type AssembledForTest } from './support/assembled.js';

/**
 * A rebuild whose upstream fails: the job ends `failed` with a Voile error (never the upstream's
 * body, which here quotes a patient), the failure is audited, nothing is stored, and the policy
 * can be rebuilt again. The upstream holds its answers until the test releases them, so the
 * "one rebuild per policy at a time" check does not depend on timing.
 */
const AUDIENCE = 'https://voile.test';
const PHI = 'Jean Dupont, NIR 1 84 12 75 123 456 78';
let as: TestAuthServer;
let upstream: Server;
let release: () => void = () => {};
let held: Promise<void>;
let upstreamHits = 0;
let gw: AssembledForTest;

function hold(): void {
  held = new Promise<void>((resolve) => (release = resolve));
}

beforeAll(async () => {
  hold();
  upstream = createServer((_req: IncomingMessage, res: ServerResponse) => {
    upstreamHits++;
    void held.then(() => {
      res.writeHead(500, { 'content-type': 'application/fhir+json' });
      res.end(JSON.stringify({ resourceType: 'OperationOutcome', issue: [{ severity: 'error', code: 'exception', diagnostics: `Failed reading ${PHI}` }] }));
    });
  });
  await new Promise<void>((r) => upstream.listen(0, '127.0.0.1', r));
  as = await startAuthServer({ audience: AUDIENCE, clients: [{ clientId: 'cohort-admin', scope: 'voile/cohort.build' }] });
  gw = await startAssembledGateway({ upstreamUrl: `http://127.0.0.1:${(upstream.address() as AddressInfo).port}/fhir`, issuer: as.issuer, audience: AUDIENCE });
});
afterAll(async () => {
  release();
  await gw?.app.close();
  await as?.close();
  await new Promise<void>((r) => (upstream ? upstream.close(() => r()) : r()));
});

describe('cohort rebuild with a failing upstream', () => {
  it('fails the job cleanly: Voile error code only, audited, nothing stored, rebuildable again', async () => {
    const token = await as.token('cohort-admin', 'voile/cohort.build');
    const headers = { authorization: `Bearer ${token}` };
    const kickoff = await fetch(`${gw.base}/admin/cohorts/cohort-avatars/$rebuild`, { method: 'POST', headers });
    expect(kickoff.status).toBe(202);
    const statusUrl = kickoff.headers.get('content-location')!;
    while (upstreamHits === 0) await new Promise((r) => setTimeout(r, 20));
    // The first upstream call is held: the job is running for sure.
    const running = await fetch(statusUrl, { headers });
    expect(running.status).toBe(202);
    expect(running.headers.get('retry-after')).toBe('2');
    expect((await fetch(`${gw.base}/admin/cohorts/cohort-avatars/$rebuild`, { method: 'POST', headers })).status).toBe(409);

    release();
    const done = await pollRebuild(statusUrl, token);
    expect(done.status).toBe(200);
    expect(done.body).toMatchObject({ state: 'failed', error: { code: 'UPSTREAM_ERROR' } });
    expect(JSON.stringify(done.body)).not.toMatch(/Dupont|184127512345678|1 84 12/);
    expect(done.body.result).toBeUndefined();
    expect(gw.runtime.avatars.build('cohort-avatars')).toBeUndefined();

    const metadata = await (await fetch(`${gw.base}/admin/cohorts/cohort-avatars`, { headers })).text();
    expect(JSON.parse(metadata)).toMatchObject({ build: null, report: null, rebuild: { state: 'failed' } });
    expect(metadata).not.toContain('Dupont');

    const audit = new SqliteAuditStore(join(gw.dir, 'data', 'voile.db'));
    try {
      const records = (await audit.query({ policy: 'cohort-avatars', limit: 100 })).map((r) => r.record).filter((r) => r.route === REBUILD_ROUTE);
      expect(records).toEqual([expect.objectContaining({ clientId: 'cohort-admin', status: 502, outcome: '8', errorCode: 'UPSTREAM_ERROR', returned: {} })]);
      expect(JSON.stringify(records)).not.toContain('Dupont');
    } finally {
      await audit.close();
    }

    // The lock went with the job: a new rebuild starts (and fails the same way).
    const again = await fetch(`${gw.base}/admin/cohorts/cohort-avatars/$rebuild`, { method: 'POST', headers });
    expect(again.status).toBe(202);
    expect((await pollRebuild(again.headers.get('content-location')!, token)).body).toMatchObject({ state: 'failed' });
  });

  it('a gateway closed while a rebuild runs ends the job and closes (the failure still audited)', async () => {
    hold();
    const hitsBefore = upstreamHits;
    const token = await as.token('cohort-admin', 'voile/cohort.build');
    const kickoff = await fetch(`${gw.base}/admin/cohorts/cohort-avatars/$rebuild`, { method: 'POST', headers: { authorization: `Bearer ${token}` } });
    expect(kickoff.status).toBe(202);
    while (upstreamHits === hitsBefore) await new Promise((r) => setTimeout(r, 20));
    const closing = gw.app.close();
    release();
    await closing;
    const audit = new SqliteAuditStore(join(gw.dir, 'data', 'voile.db'));
    try {
      const records = (await audit.query({ policy: 'cohort-avatars', limit: 100 })).map((r) => r.record).filter((r) => r.route === REBUILD_ROUTE);
      expect(records).toHaveLength(3);
      expect(records.every((r) => r.outcome !== '0')).toBe(true);
    } finally {
      await audit.close();
    }
  });
});
