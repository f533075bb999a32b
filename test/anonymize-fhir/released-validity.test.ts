import { validateResource } from '@medplum/core';
import type { Resource } from '@medplum/fhirtypes';
import { beforeAll, describe, expect, it } from 'vitest';
import { ensureFhirSchema } from '../../src/anonymize/fhir/r4-definitions.js';
import { redactingTextDeidentifier, type TextDeidentifier } from '../../src/anonymize/text/api.js';
import type { FhirProfile } from '../../src/policy/types.js';
import { anonymize, profile } from './helpers.js';

// What the walk leaves once a rule or a removed text took a part away must be valid FHIR, and the
// same whether the text hook answers during the walk (sync) or after it (async). Every hook here
// removes the texts it is given (the redacting one too).

beforeAll(() => ensureFhirSchema());

const droppingSync: TextDeidentifier = { deidentify: async () => undefined, deidentifySync: () => undefined };
const droppingAsync: TextDeidentifier = { deidentify: async () => undefined };
const HOOKS = [
  ['redacting', redactingTextDeidentifier],
  ['dropping synchronously', droppingSync],
  ['dropping asynchronously', droppingAsync],
] as const;

function expectValid(out: Record<string, unknown> | undefined): void {
  expect(out).toBeDefined();
  expect(() => validateResource(out as unknown as Resource)).not.toThrow();
}

describe('a single primitive kept for its extensions only is written as _name alone', () => {
  const extension = { extension: [{ url: 'http://e.org/why', valueCode: 'masked' }] };
  const p: FhirProfile = profile([
    { path: 'Patient.gender', method: 'keep' },
    { path: 'Patient.birthDate', method: 'keep' },
    { path: 'Patient.birthDate.extension', method: 'keep' },
    { path: 'Patient.address.city', method: 'keep' },
    { path: 'Patient.address.city.extension', method: 'keep' },
    { path: 'Patient.address.text', method: 'text' },
    { path: 'Patient.name.text', method: 'text' },
    { path: "nodesByType('Extension').url", method: 'keep' },
    { path: "nodesByType('Extension').value", method: 'keep' },
  ]);

  it.each(HOOKS)('at the root and nested, beside texts or not (%s)', async (_name, text) => {
    const patient = {
      resourceType: 'Patient',
      gender: 'female',
      birthDate: null,
      _birthDate: extension,
      name: [{ text: 'Jeanne Dupont' }],
      address: [
        { city: null, _city: extension },
        { text: '1 rue de la Paix', city: null, _city: extension },
      ],
    } as unknown as Resource;
    const out = await anonymize(p, patient, { text });
    expectValid(out);
    expect(out).not.toHaveProperty('birthDate');
    expect(out?.['_birthDate']).toEqual(extension);
    const addresses = out?.['address'] as Record<string, unknown>[];
    for (const address of addresses) {
      expect(address).not.toHaveProperty('city');
      expect(address['_city']).toEqual(extension);
    }
  });
});
