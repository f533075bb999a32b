import { readFileSync } from 'node:fs';
import type { Resource } from '@medplum/fhirtypes';
import { describe, expect, it } from 'vitest';
import { createFhirAnonymizer, fromMicrosoftConfig } from '../../src/anonymize/fhir/index.js';
import { redactingTextDeidentifier } from '../../src/anonymize/text/api.js';
import { MS_REFERENCE_DIR } from '../../conformance/ms-fhir-anonymizer/runner.js';
import { searchBundle } from './fixtures.js';
import { loadProfile, newIdentity } from './helpers.js';

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object') {
    for (const v of Object.values(value)) deepFreeze(v);
    Object.freeze(value);
  }
  return value;
}

// Callers (proxy caches, Bulk export) may reuse the raw resource: the engine must never write into it.
describe('the input is never modified', () => {
  it.each(['research-strict', 'safe-harbor'])('%s works on a deeply frozen Bundle and leaves it equal', async (name) => {
    const input = deepFreeze(structuredClone(searchBundle));
    const anonymizer = createFhirAnonymizer(loadProfile(name), { identity: newIdentity(), text: redactingTextDeidentifier });
    await anonymizer.anonymize(input);
    expect(input).toEqual(searchBundle);
  });

  it('Microsoft mode works on a deeply frozen Bundle', async () => {
    const config = fromMicrosoftConfig(readFileSync(`${MS_REFERENCE_DIR}/configurations/common-config.json`, 'utf8'));
    const input = deepFreeze(structuredClone(searchBundle)) as Resource;
    await createFhirAnonymizer(config, { identity: newIdentity(), text: redactingTextDeidentifier }).anonymize(input);
    expect(input).toEqual(searchBundle);
  });
});
