import type { AuditEvent, Condition, Patient, Resource } from '@medplum/fhirtypes';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SqliteAuditStore } from '../../src/audit/index.js';
import { REBUILD_ROUTE } from '../../src/cohort/rebuilds.js';
import { startAuthServer, type TestAuthServer } from '../helpers/oidc.js';
import { buildCohort } from '../../src/cohort/build.js';
import { identityWith, startCohortFixture, type CohortFixture } from './support/fixture.js';
import { pollRebuild, startAssembledGateway, type AssembledForTest } from './support/assembled.js';
import { join } from 'node:path';

/**
 * POST /admin/cohorts/{policy}/$rebuild through the assembled gateway (`voile serve`), with real
 * signed tokens from a real authorization server and the embedded demo FHIR server as upstream.
 */
const AUDIENCE = 'https://voile.test';
let fx: CohortFixture;
let as: TestAuthServer;
let gw: AssembledForTest;

beforeAll(async () => {
  fx = await startCohortFixture();
  as = await startAuthServer({
    audience: AUDIENCE,
    clients: [
      { clientId: 'cohort-admin', scope: 'voile/cohort.build' },
      { clientId: 'auditor', scope: 'voile/audit.read' },
      { clientId: 'partner', scope: 'system/Patient.rs system/Condition.rs system/Encounter.rs' },
    ],
  });
  gw = await startAssembledGateway({ upstreamUrl: fx.demo.url, issuer: as.issuer, audience: AUDIENCE });
});
afterAll(async () => {
  await gw?.app.close();
  await as?.close();
  await fx?.close();
});

const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

describe('cohort admin routes: who may call them', () => {
  it('refuses a token without the cohort scope (403) — the audit scope and partner scopes included — and no token (401)', async () => {
    for (const [client, scope] of [['auditor', 'voile/audit.read'], ['partner', 'system/Patient.rs']] as const) {
      const token = await as.token(client, scope);
      const post = await fetch(`${gw.base}/admin/cohorts/cohort-avatars/$rebuild`, { method: 'POST', headers: bearer(token) });
      expect(post.status, client).toBe(403);
      expect(post.headers.get('www-authenticate')).toContain('insufficient_scope');
      expect((await fetch(`${gw.base}/admin/cohorts/cohort-avatars`, { headers: bearer(token) })).status, client).toBe(403);
    }
    expect((await fetch(`${gw.base}/admin/cohorts/cohort-avatars/$rebuild`, { method: 'POST' })).status).toBe(401);
    // A refused caller started nothing.
    expect(gw.runtime.avatars.build('cohort-avatars')).toBeUndefined();
  });

  it('answers 404 for an unknown policy and for a policy without an avatar section', async () => {
    const token = await as.token('cohort-admin', 'voile/cohort.build');
    for (const name of ['no-such-policy', 'plain-research', 'bad%20name']) {
      expect((await fetch(`${gw.base}/admin/cohorts/${name}/$rebuild`, { method: 'POST', headers: bearer(token) })).status, name).toBe(404);
      expect((await fetch(`${gw.base}/admin/cohorts/${name}`, { headers: bearer(token) })).status, name).toBe(404);
    }
    expect(gw.runtime.avatars.build('plain-research')).toBeUndefined();
  });
});

describe('cohort rebuild over HTTP', () => {
  it('runs as a job (202 + Content-Location, 409 while running), then avatar mode serves the new build', async () => {
    const partner = await as.token('partner', 'system/Patient.rs');
    const patient = fx.demo.cohort.resources.filter((r): r is Patient => r.resourceType === 'Patient')[7]!;
    const pseudonym = gw.runtime.registry.get('cohort-avatars')!.identity.patientPseudonym(patient.id!);
    const before = (await (await fetch(`${gw.base}/fhir/Patient/${pseudonym}`, { headers: bearer(partner) })).json()) as Patient;
    expect(before.gender).toBe(patient.gender); // no build yet: the rule profile alone (gender kept)

    const token = await as.token('cohort-admin', 'voile/cohort.build');
    const kickoff = await fetch(`${gw.base}/admin/cohorts/cohort-avatars/$rebuild`, { method: 'POST', headers: bearer(token) });
    expect(kickoff.status).toBe(202);
    const statusUrl = kickoff.headers.get('content-location')!;
    expect(statusUrl).toMatch(new RegExp(`^${gw.base}/admin/cohorts/cohort-avatars/rebuilds/[0-9a-f-]{36}$`));
    expect(await kickoff.json()).toMatchObject({ policy: 'cohort-avatars', state: 'running', requestedBy: 'cohort-admin' });
    const second = await fetch(`${gw.base}/admin/cohorts/cohort-avatars/$rebuild`, { method: 'POST', headers: bearer(token) });
    expect(second.status).toBe(409);

    const done = await pollRebuild(statusUrl, token);
    expect(done.status).toBe(200);
    expect(done.body).toMatchObject({ state: 'succeeded', result: { patients: 60, columns: ['age', 'sex', 'region', 'glucose', 'diabetes', 'encounters'] } });

    // The next read serves the stored avatar (no restart): sex and the avatar summary on the Patient.
    const avatar = gw.runtime.avatars.avatarOf('cohort-avatars', patient.id!)!.values;
    const after = (await (await fetch(`${gw.base}/fhir/Patient/${pseudonym}`, { headers: bearer(partner) })).json()) as Patient;
    if (typeof avatar[1] === 'string') expect(after.gender).toBe(avatar[1]);
    else expect(after.gender).toBeUndefined();
    const summary = after.extension?.find((e) => e.url.endsWith('/avatar-condition-flag'));
    expect(summary?.extension).toContainEqual({ url: 'present', valueBoolean: avatar[4] === 'yes' });
  });

  it('a rebuild replaces a build already stored, and the next reads follow the new one', async () => {
    // An older build, made with another secret (other avatars), written straight into the store.
    const resolved = gw.runtime.registry.get('cohort-avatars')!;
    await buildCohort({ policy: resolved.policy, identity: identityWith('an-older-secret'), upstream: fx.upstream, store: gw.runtime.avatars, now: () => new Date('2026-01-01T00:00:00Z') });
    const partner = await as.token('partner', 'system/Patient.rs');
    const ids = fx.demo.cohort.patients.slice(0, 15).map((p) => p.id);
    const served = async () =>
      Promise.all(ids.map(async (id) => {
        const p = (await (await fetch(`${gw.base}/fhir/Patient/${resolved.identity.patientPseudonym(id)}`, { headers: bearer(partner) })).json()) as Patient;
        return [p.gender ?? null, p.extension?.find((e) => e.url.endsWith('/avatar-condition-flag'))?.extension?.[1]?.valueBoolean ?? null];
      }));
    const stored = () => ids.map((id) => {
      const v = gw.runtime.avatars.avatarOf('cohort-avatars', id)!.values;
      return [v[1] ?? null, v[4] === 'yes'];
    });
    const older = stored();
    expect(await served()).toEqual(older);

    const token = await as.token('cohort-admin', 'voile/cohort.build');
    const kickoff = await fetch(`${gw.base}/admin/cohorts/cohort-avatars/$rebuild`, { method: 'POST', headers: bearer(token) });
    const done = await pollRebuild(kickoff.headers.get('content-location')!, token);
    expect(done.body).toMatchObject({ state: 'succeeded' });
    expect(gw.runtime.avatars.build('cohort-avatars')!.builtAt > '2026-01-01T00:00:00.000Z').toBe(true);
    const newer = stored();
    expect(newer).not.toEqual(older);
    expect(await served()).toEqual(newer);
  });

  it('serves the build metadata and the aggregate report, naming no patient', async () => {
    const token = await as.token('cohort-admin', 'voile/cohort.build');
    const res = await fetch(`${gw.base}/admin/cohorts/cohort-avatars`, { headers: bearer(token) });
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-store');
    const text = await res.text();
    const body = JSON.parse(text) as { build: { parameters: Record<string, number>; columns: unknown[] }; report: { privacy: { hiddenRate: number } }; rebuild: { state: string } };
    expect(body.build.parameters).toEqual({ k: 5, ncp: 3, dominance: 2, categoricalDecoding: 'most-likely' }); // the secret-derived seed is not released
    expect(body.build.columns).toHaveLength(6);
    expect(body.report.privacy.hiddenRate).toBeGreaterThan(0);
    // A report built now: marginals released in merged groups (version 2), served whole.
    expect(body.report).toMatchObject({ version: 2, utility: { marginals: { age: { labels: expect.any(Array) } } } });
    expect(body.rebuild.state).toBe('succeeded');
    for (const p of fx.demo.cohort.resources.filter((r): r is Patient => r.resourceType === 'Patient')) {
      expect(text).not.toContain(p.id!);
      for (const name of p.name ?? []) if (name.family) expect(text).not.toContain(`"${name.family}"`);
    }
  });

  it('leaves an audit record: who, which policy, outcome, patient count; readable as an AuditEvent', async () => {
    const audit = new SqliteAuditStore(join(gw.dir, 'data', 'voile.db'));
    try {
      const records = (await audit.query({ policy: 'cohort-avatars', limit: 1000 })).map((r) => r.record).filter((r) => r.route === REBUILD_ROUTE);
      expect(records).toHaveLength(2);
      expect(records[1]).toMatchObject({ clientId: 'cohort-admin', interaction: 'admin', status: 200, outcome: '0', errorCode: null, returned: { Patient: 60 } });
    } finally {
      await audit.close();
    }
    const auditor = await as.token('auditor', 'voile/audit.read');
    const ndjson = await (await fetch(`${gw.base}/admin/audit?_format=ndjson&policy=cohort-avatars`, { headers: bearer(auditor) })).text();
    const events = ndjson.trim().split('\n').map((l) => JSON.parse(l) as AuditEvent);
    expect(events.some((e) => e.agent[0]?.who?.identifier?.value === 'cohort-admin')).toBe(true);
  });
});

describe('after an HTTP rebuild, Bulk export serves the avatar too', () => {
  it("Patient lines carry the avatar's flag and count; flagged Conditions and Encounters of the cohort are not exported", async () => {
    const partner = await as.token('partner', 'system/Patient.rs system/Condition.rs system/Encounter.rs');
    const headers = { authorization: `Bearer ${partner}` };
    const kickoff = await fetch(`${gw.base}/fhir/Patient/$export?_type=Patient,Condition,Encounter`, { headers: { ...headers, prefer: 'respond-async', accept: 'application/fhir+json' } });
    expect(kickoff.status).toBe(202);
    const statusUrl = kickoff.headers.get('content-location')!;
    let manifest: { output: { type: string; url: string }[]; error: unknown[] } | undefined;
    for (let i = 0; i < 600 && !manifest; i++) {
      const res = await fetch(statusUrl, { headers });
      if (res.status === 200) manifest = (await res.json()) as typeof manifest;
      else await new Promise((r) => setTimeout(r, 100));
    }
    expect(manifest?.error).toEqual([]);
    const lines: Resource[] = [];
    for (const file of manifest!.output) {
      const text = await (await fetch(file.url, { headers })).text();
      for (const line of text.split('\n')) if (line.trim() !== '') lines.push(JSON.parse(line) as Resource);
    }
    const identity = gw.runtime.registry.get('cohort-avatars')!.identity;
    const realByPseudonym = new Map(fx.demo.cohort.patients.map((p) => [identity.patientPseudonym(p.id), p.id]));
    const patients = lines.filter((r): r is Patient => r.resourceType === 'Patient');
    expect(patients).toHaveLength(60);
    for (const p of patients) {
      const avatar = gw.runtime.avatars.avatarOf('cohort-avatars', realByPseudonym.get(p.id!)!)!.values;
      const flag = p.extension?.find((e) => e.url.endsWith('/avatar-condition-flag'));
      expect(flag?.extension).toContainEqual({ url: 'present', valueBoolean: avatar[4] === 'yes' });
    }
    // Every patient is in the cohort ("Patient?"): no Encounter, no Condition coded E11.9 leaves.
    expect(lines.filter((r) => r.resourceType === 'Encounter')).toEqual([]);
    const conditions = lines.filter((r): r is Condition => r.resourceType === 'Condition');
    expect(conditions.length).toBeGreaterThan(0);
    for (const c of conditions) expect((c.code?.coding ?? []).map((k) => k.code)).not.toContain('E11.9');
  });
});

describe('a report stored by an earlier version (before marginals were fit for release)', () => {
  it('is served without its marginals, which could name single records, and says why', async () => {
    const current = gw.runtime.avatars.build('cohort-avatars')!;
    const LONE_WEIGHT = 187.35; // one patient's exact value, as a version 1 report could show it
    await gw.runtime.avatars.replaceBuild({
      ...current,
      builtAt: '2026-02-01T00:00:00.000Z',
      report: {
        version: 1,
        rows: 60,
        privacy: { hiddenRate: 0.9 },
        utility: { hellinger: { mean: 0.05 }, marginals: { weight: { labels: [`${LONE_WEIGHT}`, '60–70'], original: [1 / 60, 59 / 60], avatar: [0, 1] } } },
      },
      patients: [],
    });
    const token = await as.token('cohort-admin', 'voile/cohort.build');
    const res = await fetch(`${gw.base}/admin/cohorts/cohort-avatars`, { headers: bearer(token) });
    expect(res.status).toBe(200);
    const text = await res.text();
    expect(text).not.toContain(String(LONE_WEIGHT));
    const body = JSON.parse(text) as { report: { version: number; privacy: unknown; utility: Record<string, unknown>; withheld: Record<string, string> } };
    expect(body.report.utility.marginals).toBeUndefined();
    expect(body.report.utility.hellinger).toEqual({ mean: 0.05 });
    expect(body.report.privacy).toEqual({ hiddenRate: 0.9 });
    expect(Object.keys(body.report.withheld)).toEqual(['utility.marginals']);
  });
});
