import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assembleGateway } from '../../src/cli/gateway.js';
import { buildCohort } from '../../src/cohort/build.js';
import { PostgresAvatarStore } from '../../src/cohort/postgres-store.js';
import { validateConfig } from '../../src/config/load.js';
import { postgresBinDir, startPostgres, type RunningPostgres } from '../audit/postgres-server.js';
import { avatarPolicy, identityWith, startCohortFixture, type CohortFixture } from './support/fixture.js';

// Needs the PostgreSQL server binaries (Debian postgresql-15).
describe.skipIf(postgresBinDir() === undefined)('gateway start-up with avatar builds in PostgreSQL', () => {
  let fx: CohortFixture;
  let server: RunningPostgres;
  beforeAll(async () => {
    [fx, server] = await Promise.all([startCohortFixture(), startPostgres()]);
  });
  afterAll(async () => {
    await Promise.all([fx?.close(), server?.stop()]);
  });

  it('has the stored builds loaded when assembleGateway resolves (no 503 window on the first requests)', async () => {
    const writer = new PostgresAvatarStore({ connectionString: server.connectionString });
    try {
      await buildCohort({ policy: avatarPolicy, identity: identityWith('secret-a'), upstream: fx.upstream, store: writer });
    } finally {
      await writer.close();
    }
    const { app, runtime } = await assembleGateway({
      baseDir: mkdtempSync(join(tmpdir(), 'voile-pg-startup-')),
      env: { VOILE_SECRET_DEMO: 'hex:' + '33'.repeat(32), VOILE_TEST_PG: server.connectionString },
      config: validateConfig({
        upstream: { fhir: { url: 'http://127.0.0.1:9/fhir', timeoutMs: 1000 } },
        identity: { domains: { demo: { secretEnv: 'VOILE_SECRET_DEMO' } } },
        store: { sqlite: { path: 'data/voile.db' }, postgres: { urlEnv: 'VOILE_TEST_PG' } },
        policies: { only: ['demo-research'] },
        auth: { mode: 'none', policy: 'demo-research' },
        logging: { level: 'silent' },
      }),
    });
    try {
      const patientId = fx.demo.cohort.patients[0]!.id;
      // Synchronous, as avatar mode calls it per resource: it must answer, not refuse as "not loaded yet".
      expect(runtime.avatars.build(avatarPolicy.name)?.referenceDate).toBe('2025-01-01');
      expect(runtime.avatars.avatarOf(avatarPolicy.name, patientId)?.values.length).toBeGreaterThan(0);
    } finally {
      await app.close();
    }
  });
});
