import { cpSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { listDataFiles, loadFhirProfileFile, loadPolicyFile, loadPolicyRegistry } from '../../src/policy/registry.js';
import { MemoryMappingStore } from '../../src/store/mapping-store.js';

const secretOf = (domain: string) => Buffer.from(domain.padEnd(32, '#'));

describe('shipped policies and profiles', () => {
  it.each(listDataFiles('policies'))('%s is a valid policy', (file) => {
    expect(loadPolicyFile(file).kind).toBe('policy');
  });

  it.each(listDataFiles('profiles/fhir'))('%s is a valid FHIR profile', (file) => {
    expect(loadFhirProfileFile(file).rules.length).toBeGreaterThan(0);
  });

  it('all load into one registry, policies of one domain sharing one identity', () => {
    const registry = loadPolicyRegistry({ policiesDir: 'policies', profilesDir: 'profiles', store: new MemoryMappingStore(), secretOf });
    const names = registry.all().map((p) => p.name);
    expect(names).toEqual(expect.arrayContaining(['demo-research', 'research-partner', 'safe-harbor-partner']));
    const research = registry.get('research-partner')!;
    const industry = registry.get('safe-harbor-partner')!;
    // Different domains never share pseudonyms: a research pseudonym means nothing to industry.
    expect(research.identity.patientPseudonym('p1')).not.toBe(industry.identity.patientPseudonym('p1'));
  });
});

describe('invalid policy directories', () => {
  function dirWith(files: Record<string, string>): string {
    const dir = mkdtempSync(join(tmpdir(), 'voile-policies-'));
    for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
    return dir;
  }
  const base = 'kind: policy\nprofile: research-strict\n';

  it('lists every problem at once: schema errors, duplicate names, unknown profiles, domain disagreements', () => {
    const dir = dirWith({
      'a.yaml': `${base}name: a\nidentity: { domain: d, maxDateShiftDays: 10 }\n`,
      'b.yaml': `${base}name: a\nidentity: { domain: d, maxDateShiftDays: 20 }\n`,
      'c.yaml': 'kind: policy\nname: c\nprofile: nowhere\nidentity: { domain: e }\n',
      'd.yaml': `${base}name: D!\nidentity: { domain: e }\nunknownKey: 1\n`,
    });
    let message = '';
    try {
      loadPolicyRegistry({ policiesDir: dir, profilesDir: 'profiles', store: new MemoryMappingStore(), secretOf });
    } catch (e) {
      message = (e as Error).message;
    }
    expect(message).toContain("policy name 'a' is used twice");
    expect(message).toContain('disagree on maxDateShiftDays');
    expect(message).toContain("Profile 'nowhere' not found");
    expect(message).toContain('/name must match pattern');
    expect(message).toContain("'unknownKey'");
  });

  it('refuses a profile that fails its schema', () => {
    const profiles = mkdtempSync(join(tmpdir(), 'voile-profiles-'));
    cpSync('profiles', profiles, { recursive: true });
    writeFileSync(join(profiles, 'fhir', 'broken.yaml'), 'kind: fhir-profile\nname: broken\nrules: [{ path: Patient.name, method: obliterate }]\n');
    const dir = dirWith({ 'p.yaml': 'kind: policy\nname: p\nprofile: broken\nidentity: { domain: x }\n' });
    expect(() => loadPolicyRegistry({ policiesDir: dir, profilesDir: profiles, store: new MemoryMappingStore(), secretOf })).toThrow(/broken\.yaml/);
  });
});

describe('policy DICOM options', () => {
  it('are checked against the PS3.15 option names, so a typo cannot silently drop an option', async () => {
    const { DICOM_OPTIONS } = await import('../../src/anonymize/dicom/index.js');
    const { default: schema } = await import('../../src/policy/schemas/policy.schema.json', { with: { type: 'json' } });
    expect(schema.properties.dicom.properties.options.items.enum).toEqual([...DICOM_OPTIONS]);
    const dir = mkdtempSync(join(tmpdir(), 'voile-policies-'));
    writeFileSync(join(dir, 'p.yaml'), 'kind: policy\nname: p\nprofile: research-strict\nidentity: { domain: x }\ndicom: { options: [retainUids] }\n');
    expect(() => loadPolicyFile(join(dir, 'p.yaml'))).toThrow(/\/dicom\/options\/0 must be equal to one of the allowed values/);
  });
});
