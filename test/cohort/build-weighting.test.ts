import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCohort } from '../../src/cohort/build.js';
import { loadPolicyFile } from '../../src/policy/registry.js';
import { avatarPolicy, identityWith, startCohortFixture, type CohortFixture } from './support/fixture.js';

let fx: CohortFixture;
beforeAll(async () => {
  fx = await startCohortFixture();
});
afterAll(async () => {
  await fx?.close();
});

describe('policy avatar.dominance and avatar.categoricalDecoding', () => {
  it('reach the generator and are stored with the build; the defaults are the paper settings', async () => {
    const identity = identityWith('secret-a');
    const plain = fx.openStore('weighting-default.db');
    const explicitDefaults = fx.openStore('weighting-explicit.db');
    const tuned = fx.openStore('weighting-tuned.db');
    await buildCohort({ policy: avatarPolicy, identity, upstream: fx.upstream, store: plain });
    await buildCohort({ policy: { ...avatarPolicy, avatar: { ...avatarPolicy.avatar!, dominance: 2, categoricalDecoding: 'most-likely' } }, identity, upstream: fx.upstream, store: explicitDefaults });
    await buildCohort({ policy: { ...avatarPolicy, avatar: { ...avatarPolicy.avatar!, dominance: 4, categoricalDecoding: 'weighted-draw' } }, identity, upstream: fx.upstream, store: tuned });
    const values = (store: typeof plain) => fx.demo.cohort.patients.map((p) => store.avatarOf(avatarPolicy.name, p.id)!.values);
    expect(values(explicitDefaults)).toEqual(values(plain));
    expect(values(tuned)).not.toEqual(values(plain));
    expect(plain.build(avatarPolicy.name)!.parameters).toMatchObject({ dominance: 2, categoricalDecoding: 'most-likely' });
    expect(tuned.build(avatarPolicy.name)!.parameters).toMatchObject({ dominance: 4, categoricalDecoding: 'weighted-draw' });
  });
});

describe('policy avatar weighting settings (schema)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'voile-weighting-'));
  const policyWith = (extra: string): string => {
    const path = join(dir, `p${Math.random().toString(36).slice(2)}.yaml`);
    writeFileSync(
      path,
      `kind: policy\nname: avatars\nprofile: research-strict\nidentity: { domain: research }\navatar:\n  cohort: { search: "Patient" }\n  referenceDate: "2025-01-01"\n  k: 20\n  ncp: 5\n${extra}  columns:\n    - { name: age, kind: numeric, source: age }\n`,
    );
    return path;
  };

  it('accepts dominance and categoricalDecoding', () => {
    const policy = loadPolicyFile(policyWith('  dominance: 3.5\n  categoricalDecoding: weighted-draw\n'));
    expect(policy.avatar).toMatchObject({ dominance: 3.5, categoricalDecoding: 'weighted-draw' });
  });

  it('refuses a dominance below 1 and an unknown decoding, naming the path', () => {
    expect(() => loadPolicyFile(policyWith('  dominance: 0.5\n'))).toThrow(/\/avatar\/dominance/);
    expect(() => loadPolicyFile(policyWith('  categoricalDecoding: mode\n'))).toThrow(/\/avatar\/categoricalDecoding/);
  });
});
