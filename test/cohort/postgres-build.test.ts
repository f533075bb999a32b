import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCohort } from '../../src/cohort/build.js';
import { postgresCubeSearch } from '../../src/cohort/postgres-neighbour-search.js';
import { PostgresAvatarStore } from '../../src/cohort/postgres-store.js';
import { postgresBinDir, startPostgres, type RunningPostgres } from '../audit/postgres-server.js';
import { avatarPolicy, identityWith, startCohortFixture, type CohortFixture } from './support/fixture.js';

// Needs the PostgreSQL server binaries (Debian postgresql-15 with its contrib cube extension).
describe.skipIf(postgresBinDir() === undefined)('voile cohort build into PostgreSQL with the cube neighbour search', () => {
  let fx: CohortFixture;
  let server: RunningPostgres;
  beforeAll(async () => {
    [fx, server] = await Promise.all([startCohortFixture(), startPostgres()]);
  });
  afterAll(async () => {
    await Promise.all([fx?.close(), server?.stop()]);
  });

  it('stores the same avatars and report as the embedded store and KD-tree, for the same secret and data', async () => {
    const embedded = fx.openStore();
    const expected = await buildCohort({ policy: avatarPolicy, identity: identityWith('secret-a'), upstream: fx.upstream, store: embedded, now: () => new Date('2026-01-01T00:00:00Z') });

    const connectionString = server.connectionString;
    const store = new PostgresAvatarStore({ connectionString, neighbourSearch: postgresCubeSearch({ connectionString, batchSize: 16 }) });
    const replica = new PostgresAvatarStore({ connectionString });
    try {
      const result = await buildCohort({ policy: avatarPolicy, identity: identityWith('secret-a'), upstream: fx.upstream, store, now: () => new Date('2026-01-01T00:00:00Z') });
      expect(result.report).toEqual(expected.report);
      await replica.ready();
      expect(replica.build(avatarPolicy.name)).toEqual(embedded.build(avatarPolicy.name));
      expect(replica.report(avatarPolicy.name)).toEqual(embedded.report(avatarPolicy.name));
      for (const p of fx.demo.cohort.patients) {
        expect(replica.avatarOf(avatarPolicy.name, p.id)).toEqual(embedded.avatarOf(avatarPolicy.name, p.id));
        expect(replica.avatarOf(avatarPolicy.name, p.id)).toBeDefined();
      }
    } finally {
      await Promise.all([store.close(), replica.close()]);
    }
  });
});
