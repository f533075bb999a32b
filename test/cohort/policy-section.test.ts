import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checkAvatarSection } from '../../src/cohort/features.js';
import { loadPolicyFile } from '../../src/policy/registry.js';
import type { AvatarSection } from '../../src/policy/types.js';

const dir = mkdtempSync(join(tmpdir(), 'voile-cohort-policy-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function policyWith(avatar: string): string {
  const path = join(dir, `p${Math.random().toString(36).slice(2)}.yaml`);
  writeFileSync(path, `kind: policy\nname: avatars\nprofile: research-strict\nidentity: { domain: research }\navatar:\n${avatar}`);
  return path;
}

const VALID = `  cohort: { search: "Patient?address-country=FR" }
  referenceDate: "2025-01-01"
  k: 20
  ncp: 5
  columns:
    - { name: age, kind: numeric, source: age }
    - { name: sex, kind: categorical, source: gender }
    - { name: region, kind: categorical, source: postalRegion }
    - { name: hba1c, kind: numeric, source: { latestObservation: "4548-4" } }
    - { name: diabetes, kind: categorical, source: { conditionFlag: E11.9 } }
    - { name: visits, kind: numeric, source: { count: Encounter } }
`;

describe('policy avatar section (schema)', () => {
  it('accepts a search cohort with every declared extractor', () => {
    const policy = loadPolicyFile(policyWith(VALID));
    expect(policy.avatar?.columns).toHaveLength(6);
    expect(policy.avatar?.columns[3]?.source).toEqual({ latestObservation: '4548-4' });
    expect(() => checkAvatarSection(policy.avatar!)).not.toThrow();
  });

  it('accepts a Group cohort named by its pseudonym', () => {
    const policy = loadPolicyFile(policyWith(VALID.replace('{ search: "Patient?address-country=FR" }', '{ group: a1b2c3 }')));
    expect(policy.avatar?.cohort).toEqual({ group: 'a1b2c3' });
  });

  it.each([
    ['an unknown extractor', VALID.replace('source: postalRegion', 'source: { fhirpath: "Patient.name" }')],
    ['a search that is not a Patient search', VALID.replace('Patient?address-country=FR', 'Observation?code=x')],
    ['a missing k', VALID.replace('  k: 20\n', '')],
    ['a malformed reference date', VALID.replace('"2025-01-01"', '"01/01/2025"')],
    ['an unknown column kind', VALID.replace('kind: numeric, source: age', 'kind: ordinal, source: age')],
  ])('refuses %s with POLICY_INVALID', (_label, avatar) => {
    expect(() => loadPolicyFile(policyWith(avatar))).toThrow(expect.objectContaining({ code: 'POLICY_INVALID' }));
  });

  it('refuses what the schema cannot see: duplicate names, a numeric gender, an impossible date', () => {
    const base = loadPolicyFile(policyWith(VALID)).avatar!;
    const twice: AvatarSection = { ...base, columns: [...base.columns, base.columns[0]!] };
    const numericGender: AvatarSection = { ...base, columns: [{ name: 'sex', kind: 'numeric', source: 'gender' }] };
    const badDate: AvatarSection = { ...base, referenceDate: '2025-13-01' };
    for (const section of [twice, numericGender, badDate]) {
      expect(() => checkAvatarSection(section)).toThrow(expect.objectContaining({ code: 'POLICY_INVALID' }));
    }
  });
});
