import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checkAvatarSearchParameters } from '../../src/cohort/search-safety.js';
import { loadPolicyRegistry } from '../../src/policy/registry.js';
import { MemoryMappingStore } from '../../src/store/mapping-store.js';
import { projectPath } from '../../src/cli/paths.js';
import { avatarPolicy } from './support/fixture.js';

/**
 * Searches match real values upstream: under avatar mode, a search parameter over a replaced value
 * (Patient.gender, birthDate, postal code, the latest Observation's value) would answer questions
 * about the real patient behind the avatar. Such policies are refused when loaded.
 */
const withSearch = (searchParameters: Record<string, string[]>) => ({ ...avatarPolicy, fhir: { searchParameters } });

describe('avatar mode refuses search parameters over replaced values', () => {
  it('refuses each one, listed for its type, under "*", or through a wildcard', () => {
    const cases: Record<string, string[]>[] = [{ Patient: ['gender'] }, { Patient: ['birthdate'] }, { Patient: ['address-postalcode'] }, { Patient: ['address'] }, { Observation: ['value-quantity'] }, { '*': ['combo-value-quantity'] }, { Patient: ['*'] }, { '*': ['*'] }];
    for (const lists of cases) {
      expect(() => checkAvatarSearchParameters(withSearch(lists)), JSON.stringify(lists)).toThrow(expect.objectContaining({ code: 'POLICY_INVALID' }));
    }
  });

  it('refuses open-ended constructs opened by allowIdentitySearch: _has, chains, _filter, full text', () => {
    for (const name of ['_has', '_has:Condition:subject:code', 'subject.gender', 'subject:Patient.birthdate', '_filter', '_text', '_content']) {
      const policy = { ...avatarPolicy, fhir: { allowIdentitySearch: [name] } };
      expect(() => checkAvatarSearchParameters(policy), name).toThrow(expect.objectContaining({ code: 'POLICY_INVALID' }));
    }
    expect(() => checkAvatarSearchParameters({ ...avatarPolicy, fhir: { allowIdentitySearch: ['identifier'] } })).not.toThrow();
  });

  it('accepts what selects on nothing the avatar replaces, and any search without an avatar section', () => {
    expect(() => checkAvatarSearchParameters(withSearch({ '*': ['_id'], Observation: ['subject', 'code', 'category'], Condition: ['subject', 'code'], Encounter: ['subject'] }))).not.toThrow();
    const { avatar: _avatar, ...plain } = withSearch({ Patient: ['gender', 'birthdate'] });
    void _avatar;
    expect(() => checkAvatarSearchParameters(plain)).not.toThrow();
  });

  it('applies only to the columns declared: without a gender column, gender may be searched', () => {
    const noGender = { ...avatarPolicy, avatar: { ...avatarPolicy.avatar!, columns: avatarPolicy.avatar!.columns.filter((c) => c.source !== 'gender') }, fhir: { searchParameters: { Patient: ['gender'] } } };
    expect(() => checkAvatarSearchParameters(noGender)).not.toThrow();
  });
});

describe('the policy registry runs the check at load', () => {
  const dir = mkdtempSync(join(tmpdir(), 'voile-avatar-search-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('a policy file in avatar mode allowing Patient gender search stops the load, naming the parameter', () => {
    mkdirSync(join(dir, 'policies'));
    writeFileSync(join(dir, 'policies', 'leaky.json'), JSON.stringify(withSearch({ Patient: ['gender'] })));
    const load = () => loadPolicyRegistry({ policiesDir: join(dir, 'policies'), profilesDir: projectPath('profiles'), store: new MemoryMappingStore(), secretOf: () => new Uint8Array(32).fill(7) });
    expect(load).toThrow(expect.objectContaining({ code: 'POLICY_INVALID' }));
    expect(load).toThrow(/Patient 'gender'/);
  });

  it("the shipped example policies (research-avatars included) pass", () => {
    const registry = loadPolicyRegistry({ policiesDir: projectPath('policies'), profilesDir: projectPath('profiles'), store: new MemoryMappingStore(), secretOf: () => new Uint8Array(32).fill(7) });
    expect(registry.get('research-avatars')?.policy.avatar).toBeDefined();
  });
});
