import type { Resource } from '@medplum/fhirtypes';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Identity } from '../../src/identity/index.js';
import { MemoryMappingStore } from '../../src/store/mapping-store.js';
import { crawlSearch, newCrawl, referencesIn, type Crawl } from './support/crawl.js';
import { haystackOf, LeakDetector } from './support/leaks.js';
import { E2E_SECRET, startStack, type Stack } from './support/stack.js';

/**
 * Free text through the gateway under `research-text` (research-strict with the text pipeline —
 * rules + NER model — replacing identifiers by realistic surrogates instead of removing the text):
 * every social-history Observation (valueString and note) and every DocumentReference of the cohort.
 *
 * Realistic surrogates are common names and streets, so a surrogate may equal another patient's
 * real name ("Robin", "Roux"): that is not a leak of anyone. So each resource is checked against
 * the identifying values of its own patient, which is what a surrogate must never reproduce.
 */
let stack: Stack;
let crawl: Crawl;
const replica = new Identity(E2E_SECRET, { store: new MemoryMappingStore(), maxDateShiftDays: 365 });

beforeAll(async () => {
  stack = await startStack({ policy: 'research-text' });
  crawl = newCrawl();
  await crawlSearch(crawl, 'DocumentReference', `${stack.base}/DocumentReference?_count=50`);
  await crawlSearch(crawl, 'social history', `${stack.base}/Observation?category=social-history&_count=50`);
}, 300_000);

afterAll(async () => {
  await stack?.close();
});

describe('free text under research-text: no identifier of the patient survives in its own text', () => {
  it('crawled every note and social-history observation, observation free text de-identified rather than removed', () => {
    const observations = [...crawl.resources.values()].filter((r) => r.resourceType === 'Observation');
    expect(observations).toHaveLength(stack.cohort.patients.length);
    for (const o of observations) {
      expect(o.resourceType === 'Observation' && typeof o.valueString === 'string' && o.valueString.length > 20).toBe(true);
    }
    expect([...crawl.resources.values()].filter((r) => r.resourceType === 'DocumentReference')).toHaveLength(stack.cohort.patients.length);
  });

  // Regression: a US street line in the form "8130 W 7th Street" inside "Lives at 8130 W 7th Street in …"
  // used to pass the text pipeline unrecognized.
  it('leaks no identifying value of the patient a resource belongs to', () => {
    const realPatientOf = new Map(stack.cohort.patients.map((p) => [replica.pseudonymizeId('Patient', p.id), p.id]));
    const detectors = new Map<string, LeakDetector>();
    const leaks: string[] = [];
    for (const resource of crawl.resources.values()) {
      const pseudo = referencesIn(resource).find((r) => r.startsWith('Patient/'))?.slice('Patient/'.length);
      const patient = pseudo === undefined ? undefined : realPatientOf.get(pseudo);
      expect(patient, 'every resource is attributed to a cohort patient').toBeDefined();
      let detector = detectors.get(patient!);
      if (!detector) {
        detector = new LeakDetector(stack.cohort.identifying.filter((v) => v.patientId === patient));
        detectors.set(patient!, detector);
      }
      for (const value of detector.find(haystackOf(JSON.stringify(resource as Resource)))) {
        leaks.push(`${resource.resourceType} ${value.kind}: ${value.value}`);
      }
    }
    expect(leaks).toEqual([]);
  });
});
