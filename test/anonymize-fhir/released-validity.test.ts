import { validateResource } from '@medplum/core';
import type { Resource } from '@medplum/fhirtypes';
import { beforeAll, describe, expect, it } from 'vitest';
import { ensureFhirSchema } from '../../src/anonymize/fhir/r4-definitions.js';
import type { FhirProfile, FhirRule } from '../../src/policy/types.js';
import { anonymize, profile } from './helpers.js';
import { REMOVING_HOOKS, securityCodes } from './removing-hooks.js';

// What the walk leaves once a rule or a removed text took a part away must be valid FHIR, and the
// same whether the text hook answers during the walk (sync) or after it (async). Every hook here
// removes the texts it is given (the redacting one too).

beforeAll(() => ensureFhirSchema());

function expectValid(out: Record<string, unknown> | undefined): void {
  expect(out).toBeDefined();
  expect(() => validateResource(out as unknown as Resource)).not.toThrow();
}

const LOINC = 'http://loinc.org';

describe('an extension left with its url only goes (ext-1)', () => {
  const rules = [
    { path: 'Observation.status', method: 'keep' },
    { path: 'Observation.code', method: 'keep' },
    { path: "nodesByType('Extension').url", method: 'keep' },
    { path: "nodesByType('Extension').value as string", method: 'text' },
    { path: 'Observation.extension', method: 'keep' },
    { path: 'Observation.modifierExtension', method: 'keep' },
  ] satisfies FhirRule[];
  const base = { resourceType: 'Observation', status: 'final', code: { coding: [{ system: LOINC, code: '8302-2' }] } };

  it.each(REMOVING_HOOKS)('its value removed by a rule or by a removed text (%s)', async (_name, text) => {
    const p: FhirProfile = profile([{ path: "nodesByType('Extension').value as code", method: 'redact' }, ...rules]);
    const observation = {
      ...base,
      extension: [
        { url: 'http://e.org/note', valueString: 'said Mr Dupont' },
        { url: 'http://e.org/coded', valueCode: 'x' },
        { url: 'http://e.org/kept', valueBoolean: true },
      ],
    } as Resource;
    const out = await anonymize(p, observation, { text });
    expectValid(out);
    // The note's text went (every hook here removes texts), the coded value by the rule.
    expect(out?.['extension']).toEqual([{ url: 'http://e.org/kept', valueBoolean: true }]);
    expect(securityCodes(out)).toContain('REDACTED');
  });

  it.each(REMOVING_HOOKS)('an extension whose nested extensions all went goes too (%s)', async (_name, text) => {
    const p: FhirProfile = profile([...rules, { path: 'Observation.extension.extension', method: 'keep' }]);
    const observation = { ...base, extension: [{ url: 'http://e.org/outer', extension: [{ url: 'http://e.org/inner', valueString: 'Mr Dupont' }] }] } as Resource;
    const out = await anonymize(p, observation, { text });
    expectValid(out);
    expect(out).not.toHaveProperty('extension');
  });

  it.each(REMOVING_HOOKS)('a modifierExtension that goes this way drops the resource, or fails it (%s)', async (_name, text) => {
    const p: FhirProfile = profile([{ path: 'Observation.modifierExtension.value', method: 'redact' }, ...rules]);
    const observation = { ...base, modifierExtension: [{ url: 'http://e.org/m', valueString: 'not really' }] } as Resource;
    expect(await anonymize(p, observation, { text })).toBeUndefined();
    await expect(anonymize(profile([...p.rules], { unknownModifierExtension: 'fail' }), observation, { text })).rejects.toThrow();
    // Its value a text the hook removes (after the walk, for the async hook).
    expect(await anonymize(profile([...rules]), observation, { text })).toBeUndefined();
    await expect(anonymize(profile([...rules], { unknownModifierExtension: 'fail' }), observation, { text })).rejects.toThrow();
  });

  it.each(REMOVING_HOOKS)('a contained resource whose modifierExtension went this way takes its container with it (%s)', async (_name, text) => {
    const contained = { ...base, id: 'c1', modifierExtension: [{ url: 'http://e.org/m', valueString: 'not really' }] };
    const observation = { ...base, contained: [contained] } as Resource;
    expect(await anonymize(profile([...rules]), observation, { text })).toBeUndefined();
  });
});

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

  it.each(REMOVING_HOOKS)('at the root and nested, beside texts or not (%s)', async (_name, text) => {
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

describe('a resource that lost a required element of its own is not released', () => {
  it.each(REMOVING_HOOKS)('by a rule that does not keep it: dropped (%s)', async (_name, text) => {
    const p: FhirProfile = profile([
      { path: 'Resource.id', method: 'pseudonymize' },
      { path: 'Observation.status', method: 'keep' },
      { path: 'Observation.note.text', method: 'text' },
      { path: 'Subscription.status', method: 'keep' },
      { path: 'Subscription.reason', method: 'keep' },
      { path: 'Subscription.criteria', method: 'keep' },
    ]);
    const observation = { resourceType: 'Observation', id: 'o1', status: 'final', code: { text: 'glucose' }, note: [{ text: 'seen by Dr Martin' }] } as Resource;
    expect(await anonymize(p, observation, { text })).toBeUndefined();
    const subscription = { resourceType: 'Subscription', id: 's1', status: 'active', reason: 'r', criteria: 'Observation?code=1', channel: { type: 'rest-hook' } } as Resource;
    expect(await anonymize(p, subscription, { text })).toBeUndefined();
  });

  it.each(REMOVING_HOOKS)('a contained resource that lost one is left out of its container (%s)', async (_name, text) => {
    const p: FhirProfile = profile([{ path: 'Observation.status', method: 'keep' }, { path: 'Observation.code.coding', method: 'keep' }]);
    const contained = { resourceType: 'Observation', id: 'c1', status: 'final', code: { text: 'glucose' } };
    const observation = { resourceType: 'Observation', status: 'final', code: { coding: [{ system: LOINC, code: '8302-2' }] }, contained: [contained] } as Resource;
    const out = await anonymize(p, observation, { text });
    expectValid(out);
    expect(out).not.toHaveProperty('contained');
  });

  it.each(REMOVING_HOOKS)('a resource with all its required elements is released valid (%s)', async (_name, text) => {
    const p: FhirProfile = profile([{ path: 'Observation.status', method: 'keep' }, { path: 'Observation.code.coding', method: 'keep' }]);
    const observation = { resourceType: 'Observation', status: 'final', code: { coding: [{ system: LOINC, code: '8302-2' }], text: 'x' } } as Resource;
    expectValid(await anonymize(p, observation, { text }));
  });
});
