import type { Patient, Resource } from '@medplum/fhirtypes';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FhirAnonymizer } from '../../src/anonymize/fhir/api.js';
import { withAvatarValues } from '../../src/cohort/avatar-anonymizer.js';
import { buildCohort } from '../../src/cohort/build.js';
import { PostgresAvatarStore } from '../../src/cohort/postgres-store.js';
import { VoileError } from '../../src/errors.js';
import { postgresBinDir, startPostgres, type RunningPostgres } from '../audit/postgres-server.js';
import { avatarPolicy, identityWith, startCohortFixture, type CohortFixture } from './support/fixture.js';

/** Hands back what the wrapper gave it, so what would reach the rule profile is visible. */
function recordingEngine(): FhirAnonymizer & { seen: Resource[] } {
  const seen: Resource[] = [];
  return { seen, resourceTypes: undefined, anonymize: async (resource) => (seen.push(resource), { resource }) };
}

// Needs the PostgreSQL server binaries (Debian postgresql-15).
describe.skipIf(postgresBinDir() === undefined)('avatar mode served from the PostgreSQL store, and its database going down', () => {
  let fx: CohortFixture;
  let server: RunningPostgres;
  beforeAll(async () => {
    [fx, server] = await Promise.all([startCohortFixture(), startPostgres()]);
  });
  afterAll(async () => {
    await Promise.all([fx?.close(), server?.stop()]);
  });

  it("a replica serves the avatar's values, then refuses cohort patients' resources (503) once it cannot confirm its build", async () => {
    const writer = new PostgresAvatarStore({ connectionString: server.connectionString });
    const replica = new PostgresAvatarStore({ connectionString: server.connectionString, refreshIntervalMs: 50, maxStalenessMs: 200 });
    try {
      await buildCohort({ policy: avatarPolicy, identity: identityWith('secret-a'), upstream: fx.upstream, store: writer });
      await replica.ready();
      const patientId = fx.demo.cohort.patients[0]!.id;
      const real = (await fx.upstream.getJson(`Patient/${patientId}`)).body as Patient;
      const avatar = replica.avatarOf(avatarPolicy.name, patientId)!;
      const inner = recordingEngine();
      const fhir = withAvatarValues(inner, replica, avatarPolicy);
      expect(((await fhir.anonymize(real)).resource as Patient).gender).toBe(avatar.values[1] ?? undefined);

      await server.stop();
      await new Promise((r) => setTimeout(r, 400));
      inner.seen.length = 0;
      const error = await fhir.anonymize(real).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(VoileError);
      expect((error as VoileError).code).toBe('UPSTREAM_UNAVAILABLE');
      expect((error as VoileError).status).toBe(503);
      // Nothing went on to the rule profile: the real resource is not served under the rule profile alone.
      expect(inner.seen).toHaveLength(0);
      expect((error as VoileError).message).not.toContain(patientId);
    } finally {
      await Promise.all([writer.close(), replica.close()]);
    }
  });
});
