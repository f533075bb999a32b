import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRuntime } from '../../src/cli/runtime.js';
import { validateConfig } from '../../src/config/load.js';
import { Identity } from '../../src/identity/index.js';
import type { MappingStore } from '../../src/store/mapping-store.js';
import { PostgresMappingStore } from '../../src/store/postgres-mapping-store.js';
import { SqliteMappingStore } from '../../src/store/sqlite-mapping-store.js';
import { postgresBinDir, startPostgres, type RunningPostgres } from '../audit/postgres-server.js';

const secret = Buffer.alloc(32, 6);

/** What every mapping store must do: what one replica hands out, another resolves after a restart. */
function behavesAsAMappingStore(open: () => Promise<MappingStore>) {
  it('resolves on another instance (replica or restart) every UID and long-id pseudonym flushed by the first', async () => {
    const first = await open();
    const a = new Identity(secret, { store: first });
    const uid = '1.2.840.113619.2.55.3.604688119.969.1268071029.320';
    const remapped = a.remapUid(uid);
    const longId = 'x'.repeat(120);
    const pseudo = a.pseudonymizeId('Patient', longId);
    await a.flush();
    await a.flush(); // idempotent
    await first.close();

    const second = await open();
    const b = new Identity(secret, { store: second });
    expect(await b.resolveUid(remapped)).toBe(uid);
    expect(await b.resolveId('Patient', pseudo)).toBe(longId);
    expect(await b.resolveUid('2.25.1')).toBeUndefined();
    expect(await b.resolveId('Observation', pseudo)).toBeUndefined();
    // The second replica computes the same values and re-writing them is harmless.
    expect(b.remapUid(uid)).toBe(remapped);
    await b.flush();
    await second.close();
  });
}

describe('SqliteMappingStore (embedded default)', () => {
  const path = join(mkdtempSync(join(tmpdir(), 'voile-map-')), 'voile.db');
  behavesAsAMappingStore(async () => new SqliteMappingStore(path));
});

// Needs the PostgreSQL server binaries (Debian postgresql-15); CI installs them.
describe.skipIf(postgresBinDir() === undefined)('PostgresMappingStore (several replicas) against a real PostgreSQL', () => {
  let server: RunningPostgres;
  beforeAll(async () => {
    server = await startPostgres();
  });
  afterAll(async () => server?.stop());
  behavesAsAMappingStore(async () => new PostgresMappingStore({ connectionString: server.connectionString }));

  it('is what two gateway replicas configured with store.postgres share', async () => {
    const env = { PG_URL: server.connectionString, VOILE_SECRET_DEMO: 'hex:' + '22'.repeat(32) };
    const replica = () =>
      createRuntime({
        baseDir: mkdtempSync(join(tmpdir(), 'voile-replica-')),
        env,
        config: validateConfig({
          upstream: { fhir: { url: 'http://127.0.0.1:9/fhir' } },
          identity: { domains: { demo: { secretEnv: 'VOILE_SECRET_DEMO' } } },
          store: { postgres: { urlEnv: 'PG_URL' } },
          policies: { only: ['demo-research'] },
        }),
      });
    const a = replica();
    const b = replica();
    const remapped = a.registry.get('demo-research')!.identity.remapUid('1.2.3.4.5.6.7');
    await a.registry.get('demo-research')!.identity.flush();
    expect(await b.registry.get('demo-research')!.identity.resolveUid(remapped)).toBe('1.2.3.4.5.6.7');
    await a.close();
    await b.close();
  });
});
