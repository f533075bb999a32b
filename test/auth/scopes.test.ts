import { describe, expect, it } from 'vitest';
import { normalizeScopes, parseScope, scopeCovers } from '../../src/auth/scopes.js';

describe('SMART v2 scope parsing', () => {
  it('parses context, type, permissions and granular parameters', () => {
    const scope = parseScope('patient/Observation.rs?category=http://terminology.hl7.org/CodeSystem/observation-category|vital-signs');
    expect(scope?.context).toBe('patient');
    expect(scope?.resourceType).toBe('Observation');
    expect([...(scope?.permissions ?? [])].sort()).toEqual(['r', 's']);
    expect(scope?.params).toEqual([['category', 'http://terminology.hl7.org/CodeSystem/observation-category|vital-signs']]);
  });

  it('maps v1 permissions: read → rs, write → cud, * → cruds', () => {
    expect(parseScope('system/Patient.read')?.normalized).toBe('system/Patient.rs');
    expect(parseScope('user/Observation.write')?.normalized).toBe('user/Observation.cud');
    expect(parseScope('system/*.*')?.normalized).toBe('system/*.cruds');
  });

  it('rejects malformed scopes instead of guessing (they grant nothing)', () => {
    for (const bad of ['system/Patient.sr', 'system/Patient.', 'admin/Patient.rs', 'system/Patient.rx', 'system/Patient.read?x=1', 'system/Patient.rs?', 'system/Patient.rs?name:contains=a', 'system/Patient.rs?subject.name=a', 'system/../Patient.rs']) {
      expect(parseScope(bad), bad).toBeUndefined();
    }
  });

  it('keeps non-resource scopes as they are and drops duplicates when normalising', () => {
    expect(normalizeScopes('openid system/Patient.read system/Patient.rs  offline_access')).toEqual(['openid', 'system/Patient.rs', 'offline_access']);
  });

  it('coverage needs the same context, the type, every permission and no extra restriction', () => {
    const required = parseScope('system/ImagingStudy.rs')!;
    expect(scopeCovers(parseScope('system/*.rs')!, required)).toBe(true);
    expect(scopeCovers(parseScope('system/ImagingStudy.read')!, required)).toBe(true);
    expect(scopeCovers(parseScope('system/ImagingStudy.r')!, required)).toBe(false);
    expect(scopeCovers(parseScope('patient/ImagingStudy.rs')!, required)).toBe(false);
    expect(scopeCovers(parseScope('system/ImagingStudy.rs?modality=CT')!, required)).toBe(false);
  });
});
