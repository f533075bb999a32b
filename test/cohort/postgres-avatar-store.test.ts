import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRuntime } from '../../src/cli/runtime.js';
import { PostgresAvatarStore } from '../../src/cohort/postgres-store.js';
import type { NewBuild } from '../../src/cohort/store.js';
import { validateConfig } from '../../src/config/load.js';
import { VoileError } from '../../src/errors.js';
import { postgresBinDir, startPostgres, type RunningPostgres } from '../audit/postgres-server.js';

/** A build whose every avatar carries its build tag, so a mix of two builds is visible. */
function buildOf(tag: number, patients: readonly string[], policy = 'cohort-avatars'): NewBuild {
  return {
    policy,
    builtAt: `2026-01-0${tag}T00:00:00.000Z`,
    referenceDate: '2025-01-01',
    columns: [
      { name: 'tag', kind: 'numeric' },
      { name: 'sex', kind: 'categorical' },
      { name: 'glucose', kind: 'numeric' },
    ],
    parameters: { k: 5, ncp: 3, seed: 42 },
    report: { rows: patients.length, tag },
    patients: patients.map((realId, i) => ({ realId, values: [tag, i % 2 ? 'female' : 'male', i % 7 ? 5.5 + i : null], latestObservations: { glucose: `obs-${realId}` } })),
  };
}

const ids = (prefix: string, n: number) => Array.from({ length: n }, (_, i) => `${prefix}${i}`);

async function until(condition: () => boolean, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 10));
  }
}

// Needs the PostgreSQL server binaries (Debian postgresql-15); CI installs them.
describe.skipIf(postgresBinDir() === undefined)('PostgresAvatarStore against a real PostgreSQL', () => {
  let server: RunningPostgres;
  beforeAll(async () => {
    server = await startPostgres();
  });
  afterAll(async () => server?.stop());

  it('round trip: the writer serves a build at once, a fresh instance once loaded, with every field', async () => {
    const writer = new PostgresAvatarStore({ connectionString: server.connectionString, tablePrefix: 'round_trip' });
    await writer.ready();
    expect(writer.build('cohort-avatars')).toBeUndefined();
    const build = buildOf(1, ids('p', 40));
    await writer.replaceBuild(build);
    const reader = new PostgresAvatarStore({ connectionString: server.connectionString, tablePrefix: 'round_trip' });
    await reader.ready();
    for (const store of [writer, reader]) {
      expect(store.build('cohort-avatars')).toEqual({ policy: build.policy, builtAt: build.builtAt, referenceDate: build.referenceDate, columns: build.columns, parameters: build.parameters });
      expect(store.report('cohort-avatars')).toEqual({ rows: 40, tag: 1 });
      for (const p of build.patients) expect(store.avatarOf('cohort-avatars', p.realId)).toEqual({ values: p.values, latestObservations: p.latestObservations });
      expect(store.avatarOf('cohort-avatars', 'not-in-cohort')).toBeUndefined();
      expect(store.build('another-policy')).toBeUndefined();
    }
    await writer.close();
    await reader.close();
  });

  it('replaces a build atomically: a replica sees the old or the new build, never a mix, and the new one within its refresh interval', async () => {
    const connectionString = server.connectionString;
    const writer = new PostgresAvatarStore({ connectionString, tablePrefix: 'atomic' });
    const replica = new PostgresAvatarStore({ connectionString, tablePrefix: 'atomic', refreshIntervalMs: 25, maxStalenessMs: 5_000 });
    await writer.replaceBuild(buildOf(1, ids('p', 3000)));
    await replica.ready();
    expect(replica.avatarOf('cohort-avatars', 'p2999')?.values[0]).toBe(1);

    // The new build drops p2000..p2999 and adds q0..q499.
    const next = buildOf(2, [...ids('p', 2000), ...ids('q', 500)]);
    const raw = new pg.Client({ connectionString });
    raw.on('error', () => {});
    await raw.connect();
    const counts = new Set<number>();
    const seen = new Set<number>();
    let replacing = true;
    const observe = async () => {
      while (replacing) {
        counts.add(Number((await raw.query("SELECT count(*) AS n FROM atomic_patient WHERE policy = 'cohort-avatars'")).rows[0].n));
        const tag = replica.build('cohort-avatars')!.builtAt === next.builtAt ? 2 : 1;
        seen.add(tag);
        // Whatever build the replica serves, every avatar it gives is from that build.
        for (const id of ['p0', 'p1999', 'p2500', 'q10']) {
          const avatar = replica.avatarOf('cohort-avatars', id);
          if (avatar) expect(avatar.values[0]).toBe(tag);
          else expect(tag === 1 ? id.startsWith('q') : id === 'p2500').toBe(true);
        }
      }
    };
    const observing = observe();
    await writer.replaceBuild(next);
    // Same process: the writer serves the new build as soon as replaceBuild returns.
    expect(writer.avatarOf('cohort-avatars', 'q10')?.values[0]).toBe(2);
    expect(writer.avatarOf('cohort-avatars', 'p2500')).toBeUndefined();
    await until(() => replica.build('cohort-avatars')?.builtAt === next.builtAt, 2_000);
    replacing = false;
    await observing;
    await raw.end();
    expect(seen.has(1)).toBe(true);
    expect([...counts].every((n) => n === 3000 || n === 2500)).toBe(true);
    expect(replica.avatarOf('cohort-avatars', 'p2500')).toBeUndefined();
    expect(replica.avatarOf('cohort-avatars', 'q499')?.values[0]).toBe(2);
    expect(replica.report('cohort-avatars')).toEqual({ rows: 2500, tag: 2 });
    await writer.close();
    await replica.close();
  });

  it('two replicas rebuilding one policy at once both succeed, one after the other', async () => {
    const a = new PostgresAvatarStore({ connectionString: server.connectionString, tablePrefix: 'concurrent' });
    const b = new PostgresAvatarStore({ connectionString: server.connectionString, tablePrefix: 'concurrent' });
    await Promise.all([a.replaceBuild(buildOf(1, ids('a', 2000))), b.replaceBuild(buildOf(2, ids('b', 2000)))]);
    const check = new PostgresAvatarStore({ connectionString: server.connectionString, tablePrefix: 'concurrent' });
    await check.ready();
    const tag = check.build('cohort-avatars')!.builtAt === '2026-01-01T00:00:00.000Z' ? 1 : 2;
    expect(check.avatarOf('cohort-avatars', tag === 1 ? 'a1999' : 'b1999')?.values[0]).toBe(tag);
    expect(check.avatarOf('cohort-avatars', tag === 1 ? 'b0' : 'a0')).toBeUndefined();
    await Promise.all([a.close(), b.close(), check.close()]);
  });

  it('is the avatar store of a runtime configured with store.postgres (and its cube neighbour search when asked)', async () => {
    const env = { PG_URL: server.connectionString, VOILE_SECRET_DEMO: 'hex:' + '22'.repeat(32) };
    const runtime = (search?: 'cube') =>
      createRuntime({
        baseDir: mkdtempSync(join(tmpdir(), 'voile-avatar-runtime-')),
        env,
        config: validateConfig({
          upstream: { fhir: { url: 'http://127.0.0.1:9/fhir' } },
          identity: { domains: { demo: { secretEnv: 'VOILE_SECRET_DEMO' } } },
          store: { postgres: { urlEnv: 'PG_URL', ...(search && { avatarNeighbourSearch: search }) } },
          policies: { only: ['demo-research'] },
        }),
      });
    const plain = runtime();
    const withCube = runtime('cube');
    expect(plain.avatars).toBeInstanceOf(PostgresAvatarStore);
    expect(plain.avatars.neighbourSearch).toBeUndefined();
    expect(withCube.avatars.neighbourSearch?.name).toBe('postgres-cube');
    await plain.avatars.replaceBuild(buildOf(3, ids('r', 10)));
    await withCube.avatars.ready();
    expect(withCube.avatars.avatarOf('cohort-avatars', 'r9')?.values[0]).toBe(3);
    await plain.close();
    await withCube.close();
  });
});

describe.skipIf(postgresBinDir() === undefined)('PostgresAvatarStore when the database goes down', () => {
  it('fails closed: lookups, rebuilds and readiness give clean errors, with no id, value or address', async () => {
    const server = await startPostgres();
    const store = new PostgresAvatarStore({ connectionString: server.connectionString, refreshIntervalMs: 50, maxStalenessMs: 200 });
    try {
      await store.replaceBuild(buildOf(1, ['patient-secret-1']));
      expect(store.avatarOf('cohort-avatars', 'patient-secret-1')?.values[0]).toBe(1);
      await server.stop();

      // Past the staleness bound nothing is served from memory.
      await new Promise((r) => setTimeout(r, 400));
      const failures = [
        () => store.avatarOf('cohort-avatars', 'patient-secret-1'),
        () => store.build('cohort-avatars'),
        () => store.report('cohort-avatars'),
      ].map((lookup) => {
        try {
          lookup();
          return undefined;
        } catch (err) {
          return err;
        }
      });
      failures.push(await store.replaceBuild(buildOf(2, ['patient-secret-2'])).catch((e: unknown) => e));
      failures.push(await store.ready().catch((e: unknown) => e));
      const codes = failures.map((e) => (e instanceof VoileError ? e.code : String(e)));
      expect(codes).toEqual(['UPSTREAM_UNAVAILABLE', 'UPSTREAM_UNAVAILABLE', 'UPSTREAM_UNAVAILABLE', 'INTERNAL', 'UPSTREAM_UNAVAILABLE']);
      for (const e of failures as VoileError[]) {
        expect(`${e.message} ${e.detail ?? ''}`).not.toMatch(/patient-secret|female|male|127\.0\.0\.1|postgres:|ECONNREFUSED/);
      }
    } finally {
      await store.close();
      await server.stop();
    }
  });

  it('serves nothing before its first load: a store opened while the database is down fails closed', async () => {
    const store = new PostgresAvatarStore({ connectionString: 'postgres://postgres@127.0.0.1:1/postgres' });
    try {
      expect(() => store.build('cohort-avatars')).toThrow(VoileError);
      expect(() => store.avatarOf('cohort-avatars', 'p0')).toThrow('The avatar store is unavailable');
    } finally {
      await store.close();
    }
  });
});
