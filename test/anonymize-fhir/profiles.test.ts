import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { createFhirAnonymizer } from '../../src/anonymize/fhir/index.js';
import { redactingTextDeidentifier } from '../../src/anonymize/text/api.js';
import type { FhirProfile } from '../../src/policy/types.js';
import { newIdentity, PROFILES_DIR, validateProfile } from './helpers.js';

const files = readdirSync(PROFILES_DIR).filter((f) => /\.(ya?ml|json)$/.test(f));

describe('shipped FHIR profiles', () => {
  it('include research-strict and safe-harbor', () => {
    expect(files).toEqual(expect.arrayContaining(['research-strict.yaml', 'safe-harbor.yaml']));
  });

  it.each(files)('%s validates against fhir-profile.schema.json and compiles', (file) => {
    const data = parse(readFileSync(path.join(PROFILES_DIR, file), 'utf8')) as FhirProfile;
    expect(validateProfile(data), JSON.stringify(validateProfile.errors)).toBe(true);
    expect(data.name).toBe(path.basename(file).replace(/\.(ya?ml|json)$/, ''));
    expect(() => createFhirAnonymizer(data, { identity: newIdentity(), text: redactingTextDeidentifier })).not.toThrow();
  });
});

describe('fhir-profile.schema.json', () => {
  const valid = { kind: 'fhir-profile', name: 'x', rules: [{ path: 'Patient.gender', method: 'keep' }] };

  it('accepts a minimal profile', () => {
    expect(validateProfile(valid)).toBe(true);
  });

  it.each([
    ['an unknown method', { ...valid, rules: [{ path: 'Patient', method: 'delete' }] }],
    ['a generalize rule without cases', { ...valid, rules: [{ path: 'Patient.birthDate', method: 'generalize' }] }],
    ['a perturb rule without span', { ...valid, rules: [{ path: 'Observation.value', method: 'perturb' }] }],
    ['a substitute rule without replaceWith', { ...valid, rules: [{ path: 'Patient.gender', method: 'substitute' }] }],
    ['an unknown top-level key', { ...valid, extra: true }],
    ['no rules', { ...valid, rules: [] }],
    ['a bad narrative option', { ...valid, narrative: 'keep' }],
  ])('rejects %s', (_what, data) => {
    expect(validateProfile(data)).toBe(false);
  });

  it('an invalid FHIRPath in a rule fails at creation with PROFILE_INVALID', () => {
    expect(() => createFhirAnonymizer({ kind: 'fhir-profile', name: 'x', rules: [{ path: 'Patient.where(', method: 'keep' }] }, { identity: newIdentity(), text: redactingTextDeidentifier })).toThrow(
      expect.objectContaining({ code: 'PROFILE_INVALID' }),
    );
  });
});
