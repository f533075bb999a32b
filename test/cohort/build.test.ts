import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCohort } from '../../src/cohort/build.js';
import { avatarPolicy, identityWith, startCohortFixture, type CohortFixture } from './support/fixture.js';

let fx: CohortFixture;
beforeAll(async () => {
  fx = await startCohortFixture();
});
afterAll(async () => {
  await fx?.close();
});

describe('voile cohort build against the demo upstream', () => {
  it('builds one avatar per cohort patient, with a report, and stores them keyed by real id', async () => {
    const store = fx.openStore();
    const result = await buildCohort({ policy: avatarPolicy, identity: identityWith('secret-a'), upstream: fx.upstream, store });
    expect(result.patients).toBe(60);
    expect(result.columns).toEqual(['age', 'sex', 'region', 'glucose', 'diabetes', 'encounters']);
    expect(result.report.rows).toBe(60);
    expect(result.report.privacy.hiddenRate).toBeGreaterThan(0);
    expect(result.report.privacy.kAnonymity?.quasiIdentifiers).toEqual(['age', 'sex', 'region']);

    const build = store.build(avatarPolicy.name)!;
    expect(build.referenceDate).toBe('2025-01-01');
    expect(build.columns.map((c) => c.name)).toEqual(result.columns);
    expect(store.report(avatarPolicy.name)).toEqual(JSON.parse(JSON.stringify(result.report)));
    for (const p of fx.demo.cohort.patients) {
      const avatar = store.avatarOf(avatarPolicy.name, p.id);
      expect(avatar, 'every cohort patient has an avatar').toBeDefined();
      expect(avatar!.values).toHaveLength(6);
    }
    // The extracted features are real: most patients have an age, a sex and a glucose value.
    const rows = fx.demo.cohort.patients.map((p) => store.avatarOf(avatarPolicy.name, p.id)!.values);
    expect(rows.filter((r) => typeof r[0] === 'number').length).toBeGreaterThan(50);
    expect(new Set(rows.map((r) => r[1])).size).toBeGreaterThanOrEqual(2);
    expect(rows.filter((r) => typeof r[3] === 'number').length).toBeGreaterThan(10);
    expect(rows.filter((r) => typeof r[5] === 'number' && r[5] > 0).length).toBeGreaterThan(10);
  });

  it('stored avatar values never contain a real patient id', async () => {
    const store = fx.openStore();
    const realIds = fx.demo.cohort.patients.map((p) => p.id);
    for (const id of realIds) {
      const avatar = store.avatarOf(avatarPolicy.name, id)!;
      const serialized = JSON.stringify(avatar.values);
      for (const other of realIds) expect(serialized.includes(other)).toBe(false);
      // latestObservations holds Observation ids (server-side only), never patient ids.
      for (const obsId of Object.values(avatar.latestObservations)) expect(realIds).not.toContain(obsId);
    }
    expect(JSON.stringify(store.report(avatarPolicy.name))).not.toMatch(new RegExp(realIds.map((id) => id.replace(/[.-]/g, '\\$&')).join('|')));
  });

  it('is deterministic: same secret and data give the same avatars; another secret gives others', async () => {
    const a = fx.openStore('a.db');
    const b = fx.openStore('b.db');
    const c = fx.openStore('c.db');
    await buildCohort({ policy: avatarPolicy, identity: identityWith('secret-a'), upstream: fx.upstream, store: a, batchSize: 7 });
    await buildCohort({ policy: avatarPolicy, identity: identityWith('secret-a'), upstream: fx.upstream, store: b, batchSize: 50 });
    await buildCohort({ policy: avatarPolicy, identity: identityWith('secret-b'), upstream: fx.upstream, store: c });
    const values = (store: typeof a) => fx.demo.cohort.patients.map((p) => store.avatarOf(avatarPolicy.name, p.id)!.values);
    expect(values(b)).toEqual(values(a));
    expect(values(c)).not.toEqual(values(a));
  });

  it('a rebuild replaces the stored build', async () => {
    const store = fx.openStore('rebuild.db');
    const identity = identityWith('secret-a');
    await buildCohort({ policy: avatarPolicy, identity, upstream: fx.upstream, store, now: () => new Date('2026-01-01T00:00:00Z') });
    const first = fx.demo.cohort.patients[0]!.id;
    const restricted = { ...avatarPolicy, avatar: { ...avatarPolicy.avatar!, cohort: { search: `Patient?_id=${fx.demo.cohort.patients.slice(1, 21).map((p) => p.id).join(',')}` } } };
    const result = await buildCohort({ policy: restricted, identity, upstream: fx.upstream, store, now: () => new Date('2026-02-01T00:00:00Z') });
    expect(result.patients).toBe(20);
    expect(store.build(avatarPolicy.name)!.builtAt).toBe('2026-02-01T00:00:00.000Z');
    expect(store.avatarOf(avatarPolicy.name, first)).toBeUndefined();
  });

  it('refuses a cohort smaller than k + 1 with a clear error', async () => {
    const store = fx.openStore('small.db');
    const tiny = { ...avatarPolicy, avatar: { ...avatarPolicy.avatar!, cohort: { search: `Patient?_id=${fx.demo.cohort.patients[0]!.id}` } } };
    await expect(buildCohort({ policy: tiny, identity: identityWith('secret-a'), upstream: fx.upstream, store })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
  });
});
