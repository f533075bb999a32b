import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SqliteAvatarStore } from '../../src/cohort/store.js';
import type { NewBuild } from '../../src/cohort/store.js';

function buildOf(tag: number, patients: readonly string[]): NewBuild {
  return {
    policy: 'cohort-avatars',
    builtAt: `2026-01-0${tag}T00:00:00.000Z`,
    referenceDate: '2025-01-01',
    columns: [
      { name: 'tag', kind: 'numeric' },
      { name: 'sex', kind: 'categorical' },
    ],
    parameters: { k: 5, ncp: 2, seed: 1 },
    report: { tag },
    patients: patients.map((realId) => ({ realId, values: [tag, 'female'], latestObservations: {} })),
  };
}

describe('SqliteAvatarStore lookup cache', () => {
  let dir: string;
  let path: string;
  const opened: SqliteAvatarStore[] = [];
  const open = () => {
    const store = new SqliteAvatarStore(path);
    opened.push(store);
    return store;
  };
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'voile-avatar-cache-'));
    path = join(dir, 'voile.db');
  });
  afterEach(() => {
    for (const s of opened.splice(0)) s.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('parses a row once per build: later lookups are served from memory', () => {
    const store = open();
    store.replaceBuild(buildOf(1, ['p0', 'p1']));
    expect(store.avatarOf('cohort-avatars', 'p0')?.values).toEqual([1, 'female']);
    // Another connection rewrites the row behind the store's back without a rebuild (no new
    // generation): the cached avatar is what the lookup still returns; the table holds the change.
    const raw = new Database(path);
    raw.prepare("UPDATE avatar_patient SET avatar_values = '[99,\"male\"]' WHERE real_patient_id = 'p0'").run();
    raw.close();
    expect(store.avatarOf('cohort-avatars', 'p0')?.values).toEqual([1, 'female']);
    expect(store.storedAvatarOf('cohort-avatars', 'p0')?.values).toEqual([99, 'male']);
  });

  it('a rebuild by this instance is served on the next lookup', () => {
    const store = open();
    store.replaceBuild(buildOf(1, ['p0', 'p1']));
    expect(store.avatarOf('cohort-avatars', 'p1')?.values[0]).toBe(1);
    store.replaceBuild(buildOf(2, ['p0', 'p2']));
    expect(store.build('cohort-avatars')?.builtAt).toBe('2026-01-02T00:00:00.000Z');
    expect(store.avatarOf('cohort-avatars', 'p0')?.values[0]).toBe(2);
    expect(store.avatarOf('cohort-avatars', 'p1')).toBeUndefined();
  });

  it('a rebuild by another process (another connection to the file) is served on the next lookup, no staleness window', () => {
    const gateway = open();
    expect(gateway.build('cohort-avatars')).toBeUndefined();
    const cli = open();
    cli.replaceBuild(buildOf(1, ['p0']));
    expect(gateway.avatarOf('cohort-avatars', 'p0')?.values[0]).toBe(1);
    cli.replaceBuild(buildOf(2, ['p1']));
    expect(gateway.build('cohort-avatars')?.builtAt).toBe('2026-01-02T00:00:00.000Z');
    expect(gateway.avatarOf('cohort-avatars', 'p0')).toBeUndefined();
    expect(gateway.avatarOf('cohort-avatars', 'p1')?.values[0]).toBe(2);
  });

  it('opens a file written before builds had a generation (migrated in place)', () => {
    const old = new Database(path);
    old.exec(`CREATE TABLE avatar_build (policy TEXT PRIMARY KEY, built_at TEXT NOT NULL, reference_date TEXT NOT NULL,
                columns TEXT NOT NULL, parameters TEXT NOT NULL, report TEXT NOT NULL);
              CREATE TABLE avatar_patient (policy TEXT NOT NULL, real_patient_id TEXT NOT NULL, avatar_values TEXT NOT NULL,
                latest TEXT NOT NULL, PRIMARY KEY (policy, real_patient_id)) WITHOUT ROWID;
              INSERT INTO avatar_build VALUES ('cohort-avatars', '2025-12-31T00:00:00.000Z', '2025-01-01', '[{"name":"tag","kind":"numeric"}]', '{"k":5,"ncp":2,"seed":1}', '{}');
              INSERT INTO avatar_patient VALUES ('cohort-avatars', 'p0', '[7]', '{}');`);
    old.close();
    const store = new SqliteAvatarStore(path);
    opened.push(store);
    expect(store.avatarOf('cohort-avatars', 'p0')?.values).toEqual([7]);
    store.replaceBuild(buildOf(3, ['p5']));
    expect(store.avatarOf('cohort-avatars', 'p0')).toBeUndefined();
    expect(store.avatarOf('cohort-avatars', 'p5')?.values[0]).toBe(3);
  });
});
