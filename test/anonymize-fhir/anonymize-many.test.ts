import type { Resource } from '@medplum/fhirtypes';
import { describe, expect, it } from 'vitest';
import { createFhirAnonymizer } from '../../src/anonymize/fhir/index.js';
import { redactingTextDeidentifier, type TextDeidentifier } from '../../src/anonymize/text/api.js';
import { generateCohort } from '../../src/demo/cohort.js';
import { loadProfile, newIdentity } from './helpers.js';

/** Upper-cases free text asynchronously, so some resources of a page wait and others do not. */
let textCalls = 0;
const text: TextDeidentifier = {
  async deidentify(value) {
    textCalls++;
    await new Promise((resolve) => setImmediate(resolve));
    return value.toUpperCase();
  },
};
/** Redaction that must be waited for: what the synchronous redaction path must give too. */
const asyncOnlyRedaction: TextDeidentifier = { deidentify: async () => undefined };

// A search page is anonymized in one call (anonymizeMany) whose structured resources never wait;
// these guard that it gives, resource by resource and in order, what anonymize gives.
describe('anonymizeMany gives what anonymize gives, in order', () => {
  const resources = generateCohort().resources.slice(0, 400) as Resource[];
  const withContained: Resource = {
    resourceType: 'MedicationRequest',
    id: 'mr-1',
    status: 'active',
    intent: 'order',
    subject: { reference: `Patient/${generateCohort().patients[0]!.id}` },
    contained: [{ resourceType: 'Medication', id: 'm1', code: { text: 'paracetamol 1 g' } }],
    medicationReference: { reference: '#m1' },
    note: [{ text: 'take with water' }],
  } as Resource;
  const page = [...resources, withContained];

  for (const name of ['research-strict', 'safe-harbor']) {
    it(`${name}: a page of ${page.length} resources (some with free text, one with a contained resource)`, async () => {
      const profile = loadProfile(name);
      const one = createFhirAnonymizer(profile, { identity: newIdentity(), text });
      const many = createFhirAnonymizer(profile, { identity: newIdentity(), text });
      const expected: unknown[] = [];
      for (const r of page) expected.push((await one.anonymize(structuredClone(r))).resource);
      const actual = await many.anonymizeMany!(structuredClone(page));
      expect(actual).toHaveLength(page.length);
      expect(actual).toEqual(expected);
      expect(actual.filter((r) => r !== undefined).length).toBeGreaterThan(page.length / 2);
      expect(textCalls).toBeGreaterThan(0);
    });

    it(`${name}: redaction answered synchronously gives what redaction waited for gives`, async () => {
      const profile = loadProfile(name);
      const waited = createFhirAnonymizer(profile, { identity: newIdentity(), text: asyncOnlyRedaction });
      const sync = createFhirAnonymizer(profile, { identity: newIdentity(), text: redactingTextDeidentifier });
      const expected: unknown[] = [];
      for (const r of page) expected.push((await waited.anonymize(structuredClone(r))).resource);
      expect(await sync.anonymizeMany!(structuredClone(page))).toEqual(expected);
      for (const r of page.slice(0, 50)) expect((await sync.anonymize(structuredClone(r))).resource).toEqual(expected[page.indexOf(r)]);
    });
  }

  it('fails whole, with the engine error and no data, when one resource cannot be anonymized', async () => {
    const anonymizer = createFhirAnonymizer(loadProfile('research-strict'), { identity: newIdentity(), text });
    const broken = { resourceType: 'NotAType', id: 'x', name: 'Marie Dupont' } as unknown as Resource;
    const failure = await anonymizer.anonymizeMany!([...resources.slice(0, 5), broken]).catch((e: unknown) => e);
    expect(failure).toMatchObject({ code: 'ANONYMIZATION_FAILED' });
    expect(String((failure as Error).message)).not.toContain('Dupont');
  });
});
