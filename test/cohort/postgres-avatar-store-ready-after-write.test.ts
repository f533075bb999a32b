import pg from 'pg';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { PostgresAvatarStore } from '../../src/cohort/postgres-store.js';
import type { NewBuild } from '../../src/cohort/store.js';
import { postgresBinDir, startPostgres, type RunningPostgres } from '../audit/postgres-server.js';

const build: NewBuild = {
  policy: 'cohort-avatars',
  builtAt: '2026-01-01T00:00:00.000Z',
  referenceDate: '2025-01-01',
  columns: [{ name: 'glucose', kind: 'numeric' }],
  parameters: { k: 5, ncp: 3, seed: 42 },
  report: { rows: 2 },
  patients: [
    { realId: 'p0', values: [5.1], latestObservations: {} },
    { realId: 'p1', values: [6.2], latestObservations: {} },
  ],
};

/**
 * Holds the next read of the build list by any store: the query runs (it reads the database as it is
 * then) but its answer is handed back only on `release()`. This is how a replica's interval refresh
 * that read just before another instance's write is made to overlap a caller's `ready()`.
 */
function holdNextBuildListRead(): { read: Promise<void>; release: () => void; restore: () => void } {
  const original = pg.Pool.prototype.query;
  let release!: () => void;
  const gate = new Promise<void>((r) => (release = r));
  let readDone!: () => void;
  const read = new Promise<void>((r) => (readDone = r));
  let armed = true;
  pg.Pool.prototype.query = async function (this: pg.Pool, ...args: unknown[]) {
    const text = typeof args[0] === 'string' ? args[0] : '';
    const result = await (original as (...a: unknown[]) => Promise<unknown>).apply(this, args);
    if (armed && text.startsWith('SELECT policy, generation FROM')) {
      armed = false;
      readDone();
      await gate;
    }
    return result;
  } as typeof original;
  return { read, release, restore: () => void (pg.Pool.prototype.query = original) };
}

// Regression (4ac2ced, found by CI on a loaded machine only): ready() returned a refresh already in
// flight, which had read the database before the caller's last write, so a replica that had just been
// told "a build was written" still served none. ready() must read the database as it is when called.
describe.skipIf(postgresBinDir() === undefined)('PostgresAvatarStore.ready() after another instance wrote', () => {
  let server: RunningPostgres;
  let restore: (() => void) | undefined;
  beforeAll(async () => {
    server = await startPostgres();
  });
  afterEach(() => restore?.());
  afterAll(async () => server?.stop());

  it('sees the write even when a refresh that read before it is still in flight', async () => {
    const connectionString = server.connectionString;
    // Hour-long intervals: the only refreshes are the ones this test starts.
    const writer = new PostgresAvatarStore({ connectionString, tablePrefix: 'ready_after_write', refreshIntervalMs: 3_600_000 });
    const replica = new PostgresAvatarStore({ connectionString, tablePrefix: 'ready_after_write', refreshIntervalMs: 3_600_000 });
    await writer.ready();
    await replica.ready();
    expect(replica.build('cohort-avatars')).toBeUndefined();

    const hold = holdNextBuildListRead();
    restore = hold.restore;
    const stale = replica.refresh(); // as the interval would: it reads "no build" and is held there
    await hold.read;
    hold.restore();
    await writer.replaceBuild(build);
    const ready = replica.ready(); // called while the stale refresh is in flight
    hold.release();
    await Promise.all([stale, ready]);

    expect(replica.build('cohort-avatars')?.builtAt).toBe(build.builtAt);
    expect(replica.avatarOf('cohort-avatars', 'p1')?.values).toEqual([6.2]);
    await writer.close();
    await replica.close();
  });
});
