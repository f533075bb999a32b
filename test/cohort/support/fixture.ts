import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteAvatarStore } from '../../../src/cohort/store.js';
import { generateCohort } from '../../../src/demo/cohort.js';
import { startDemoUpstream, type DemoUpstream } from '../../../src/demo/upstream.js';
import { Identity } from '../../../src/identity/index.js';
import type { Policy } from '../../../src/policy/types.js';
import { MemoryMappingStore } from '../../../src/store/mapping-store.js';
import { FhirUpstream } from '../../../src/upstream/fhir-upstream.js';

export const GLUCOSE = '2345-7';

export const avatarPolicy: Policy = {
  kind: 'policy',
  name: 'cohort-avatars',
  profile: 'research-strict',
  identity: { domain: 'research' },
  avatar: {
    cohort: { search: 'Patient?' },
    referenceDate: '2025-01-01',
    k: 5,
    ncp: 3,
    columns: [
      { name: 'age', kind: 'numeric', source: 'age' },
      { name: 'sex', kind: 'categorical', source: 'gender' },
      { name: 'region', kind: 'categorical', source: 'postalRegion' },
      { name: 'glucose', kind: 'numeric', source: { latestObservation: GLUCOSE } },
      { name: 'diabetes', kind: 'categorical', source: { conditionFlag: 'E11.9' } },
      { name: 'encounters', kind: 'numeric', source: { count: 'Encounter' } },
    ],
  },
};

export function identityWith(secret: string): Identity {
  return new Identity(new TextEncoder().encode(secret.padEnd(32, '.')), { store: new MemoryMappingStore() });
}

export interface CohortFixture {
  readonly demo: DemoUpstream;
  readonly upstream: FhirUpstream;
  readonly dir: string;
  readonly dbPath: string;
  openStore(name?: string): SqliteAvatarStore;
  close(): Promise<void>;
}

/** A real demo upstream (60 patients) on port 0 and a scratch directory for SQLite files. */
export async function startCohortFixture(): Promise<CohortFixture> {
  const demo = await startDemoUpstream({ cohort: generateCohort({ patients: 60 }) });
  const upstream = new FhirUpstream({ url: demo.url });
  const dir = mkdtempSync(join(tmpdir(), 'voile-cohort-'));
  const stores: SqliteAvatarStore[] = [];
  return {
    demo,
    upstream,
    dir,
    dbPath: join(dir, 'voile.db'),
    openStore(name = 'voile.db') {
      const store = new SqliteAvatarStore(join(dir, name));
      stores.push(store);
      return store;
    },
    async close() {
      for (const s of stores) {
        try {
          s.close();
        } catch {
          /* already closed */
        }
      }
      await upstream.close();
      await demo.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
