import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCohortBuild } from '../../src/cli/cohort.js';
import { SqliteAvatarStore } from '../../src/cohort/store.js';
import { loadConfigFile } from '../../src/config/load.js';
import { SqliteAuditStore } from '../../src/audit/index.js';
import { startCohortFixture, type CohortFixture } from './support/fixture.js';

const POLICY_YAML = `kind: policy
name: cohort-avatars
profile: research-strict
identity: { domain: research }
avatar:
  cohort: { search: "Patient?" }
  referenceDate: "2025-01-01"
  k: 5
  ncp: 3
  columns:
    - { name: age, kind: numeric, source: age }
    - { name: sex, kind: categorical, source: gender }
    - { name: region, kind: categorical, source: postalRegion }
    - { name: glucose, kind: numeric, source: { latestObservation: "2345-7" } }
    - { name: hypertension, kind: numeric, source: { conditionFlag: I10 } }
`;

let fx: CohortFixture;
let configPath: string;
const env = { TEST_RESEARCH_SECRET: 'hex:' + '22'.repeat(32) };

beforeAll(async () => {
  fx = await startCohortFixture();
  mkdirSync(join(fx.dir, 'policies'));
  writeFileSync(join(fx.dir, 'policies', 'cohort-avatars.yaml'), POLICY_YAML);
  configPath = join(fx.dir, 'voile.yaml');
  writeFileSync(
    configPath,
    [
      `upstream: { fhir: { url: "${fx.demo.url}", timeoutMs: 5000 } }`,
      'identity: { domains: { research: { secretEnv: TEST_RESEARCH_SECRET } } }',
      'store: { sqlite: { path: data/voile.db } }',
      `policies: { dir: policies, profilesDir: "${join(process.cwd(), 'profiles')}" }`,
    ].join('\n'),
  );
});
afterAll(async () => {
  await fx?.close();
});

describe('voile cohort build (CLI)', () => {
  it('builds from the configured upstream, stores in the gateway database, writes the report, audits', async () => {
    const reportPath = join(fx.dir, 'out', 'report.html');
    const summary = await runCohortBuild({ loaded: loadConfigFile(configPath, env), policy: 'cohort-avatars', reportPath });
    expect(summary).toMatchObject({ policy: 'cohort-avatars', patients: 60, columns: ['age', 'sex', 'region', 'glucose', 'hypertension'], report: reportPath });
    expect(summary.hiddenRate).toBeGreaterThan(0);
    expect(summary.meanHellinger).toBeGreaterThanOrEqual(0);
    const html = readFileSync(reportPath, 'utf8');
    expect(html).toContain('<svg');
    for (const p of fx.demo.cohort.patients) expect(html).not.toContain(p.id);

    const db = join(fx.dir, 'data', 'voile.db');
    expect(existsSync(db)).toBe(true);
    const store = new SqliteAvatarStore(db);
    try {
      expect(store.avatarOf('cohort-avatars', fx.demo.cohort.patients[3]!.id)?.values).toHaveLength(5);
    } finally {
      store.close();
    }
    const audit = new SqliteAuditStore(db);
    try {
      const records = await audit.query({ policy: 'cohort-avatars', limit: 100 });
      expect(records.map((r) => r.record)).toContainEqual(expect.objectContaining({ route: 'voile cohort build', status: 200, outcome: '0', interaction: 'admin' }));
    } finally {
      await audit.close();
    }
  });

  it('an unknown policy is a clear error, and the attempt is audited', async () => {
    await expect(runCohortBuild({ loaded: loadConfigFile(configPath, env), policy: 'nope' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    const audit = new SqliteAuditStore(join(fx.dir, 'data', 'voile.db'));
    try {
      const records = await audit.query({ policy: 'nope', limit: 100 });
      expect(records.map((r) => r.record)).toContainEqual(expect.objectContaining({ status: 404, errorCode: 'NOT_FOUND' }));
    } finally {
      await audit.close();
    }
  });
});
