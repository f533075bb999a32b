import { validateResource } from '@medplum/core';
import type { Bundle, CapabilityStatement, Patient, Resource } from '@medplum/fhirtypes';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Identity } from '../../src/identity/index.js';
import { MemoryMappingStore } from '../../src/store/mapping-store.js';
import { crawlSearch, exchange, newCrawl, referencesIn, type Crawl } from './support/crawl.js';
import { haystackOf, LeakDetector } from './support/leaks.js';
import { E2E_SECRET, startStack, type Stack } from './support/stack.js';

/**
 * The whole generated cohort (120 patients) through the gateway under the `demo-research` policy
 * (research-strict profile), over HTTP, with the embedded demo FHIR server as upstream. One crawl
 * (every served type, every page, every patient read, some $everything, some refusals) feeds the
 * leak, consistency, reference and validity checks below.
 */
let stack: Stack;
let crawl: Crawl;
let servedTypes: string[];
/** An Identity built independently from the same secret: what another replica would compute. */
const replica = new Identity(E2E_SECRET, { store: new MemoryMappingStore(), maxDateShiftDays: 365 });
/** `Type/pseudonym` → the real resource of the cohort. */
const realOf = new Map<string, Resource>();

beforeAll(async () => {
  stack = await startStack();
  for (const resource of stack.cohort.resources) {
    realOf.set(`${resource.resourceType}/${replica.pseudonymizeId(resource.resourceType, resource.id!)}`, resource);
  }
  crawl = newCrawl();
  const cs = JSON.parse((await exchange(crawl, 'metadata', `${stack.base}/metadata`)).body) as CapabilityStatement;
  servedTypes = (cs.rest?.[0].resource ?? []).map((r) => r.type);
  for (const type of servedTypes) await crawlSearch(crawl, `search ${type}`, `${stack.base}/${type}?_count=200`);
  const patients = [...crawl.resources.values()].filter((r): r is Patient => r.resourceType === 'Patient');
  for (const patient of patients) await exchange(crawl, 'read Patient', `${stack.base}/Patient/${patient.id}`);
  for (const patient of patients.filter((_, i) => i % 15 === 0)) {
    await crawlSearch(crawl, 'Patient/$everything', `${stack.base}/Patient/${patient.id}/$everything`);
    await crawlSearch(crawl, 'POST Observation/_search', `${stack.base}/Observation/_search`, `subject=Patient/${patient.id}&_count=5`);
  }
  await crawlSearch(crawl, 'Encounter _include subject', `${stack.base}/Encounter?_include=Encounter:subject&_count=100`);
  await crawlSearch(crawl, 'Patient _revinclude DocumentReference', `${stack.base}/Patient?_revinclude=DocumentReference:subject&_count=40`);
  await crawlSearch(crawl, 'Observation _summary', `${stack.base}/Observation?category=laboratory&_summary=true&_count=200`, undefined, false);
  // Refusals and misses must not echo what was asked either.
  const someone = stack.cohort.identifying.find((v) => v.kind === 'name')!.value;
  await exchange(crawl, 'refused name search', `${stack.base}/Patient?name=${encodeURIComponent(someone)}`);
  await exchange(crawl, 'read by real id', `${stack.base}/Patient/${stack.cohort.patients[0].id}`);
}, 300_000);

afterAll(async () => {
  await stack?.close();
});

const crawled = () => [...crawl.resources.values()];

describe('leak test: the whole cohort through the gateway', () => {
  it('crawled every resource of every type the policy serves', () => {
    expect(servedTypes).toEqual(expect.arrayContaining(['Patient', 'Observation', 'Encounter', 'Condition', 'MedicationRequest', 'DocumentReference']));
    for (const type of servedTypes) {
      const expected = stack.cohort.resources.filter((r) => r.resourceType === type).length;
      const got = crawled().filter((r) => r.resourceType === type).length;
      expect(got, type).toBe(expected);
    }
  });

  it('no identifying value of the cohort appears in any response byte', () => {
    const detector = new LeakDetector(stack.cohort.identifying);
    const leaks: string[] = [];
    for (const { label, body } of crawl.exchanges) {
      for (const value of detector.find(haystackOf(body))) leaks.push(`${label}: ${value.kind} "${value.value}"`);
    }
    expect(crawl.exchanges.length).toBeGreaterThan(150);
    expect([...new Set(leaks)]).toEqual([]);
  });

  it('no identifying value and no real id appears in the gateway logs of the whole crawl (trace level)', () => {
    const detector = new LeakDetector(stack.cohort.identifying);
    const logs = stack.logs.join('');
    expect(stack.logs.length).toBeGreaterThan(150);
    expect(detector.find(haystackOf(logs)).map((v) => `${v.kind} "${v.value}"`)).toEqual([]);
  });

  it('control: the same detector finds the identities in the upstream answers (the test bites)', async () => {
    const detector = new LeakDetector(stack.cohort.identifying);
    const raw = await (await fetch(`${stack.upstream.url}/DocumentReference?_count=5&_include=DocumentReference:subject`)).text();
    const kinds = new Set(detector.find(haystackOf(raw)).map((v) => v.kind));
    for (const kind of ['patient-id', 'name', 'phone', 'email', 'address-line', 'identifier', 'birth-date', 'free-text', 'practitioner-name'] as const) {
      expect(kinds.has(kind), kind).toBe(true);
    }
  });

  it('refuses identity-probing searches and real ids without a trace of them', () => {
    const refused = crawl.exchanges.find((e) => e.label === 'refused name search')!;
    expect(refused.status).toBe(400);
    const real = crawl.exchanges.find((e) => e.label === 'read by real id')!;
    expect(real.status).toBe(404);
  });

  it('points every link and fullUrl at the gateway, never at the upstream', () => {
    const upstreamOrigin = new URL(stack.upstream.url).origin;
    for (const { body } of crawl.exchanges) expect(body.includes(upstreamOrigin)).toBe(false);
  });
});

describe('consistency: one patient, one pseudonym, one date shift', () => {
  it('every resource names its patient by the same pseudonym, on every page and request', () => {
    let checked = 0;
    for (const resource of crawled()) {
      const real = realOf.get(`${resource.resourceType}/${resource.id}`);
      expect(real, `${resource.resourceType} has a known pseudonymous id`).toBeDefined();
      const realPatient = patientOf(real!);
      if (!realPatient || resource.resourceType === 'Patient') continue;
      const patientRefs = referencesIn(resource).filter((r) => r.startsWith('Patient/'));
      expect(patientRefs.length).toBeGreaterThan(0);
      for (const ref of patientRefs) expect(ref).toBe(`Patient/${replica.pseudonymizeId('Patient', realPatient)}`);
      checked++;
    }
    expect(checked).toBeGreaterThan(2000);
  });

  it('gives the same pseudonyms whatever the page size', async () => {
    const again = newCrawl();
    await crawlSearch(again, 'Observation by 37', `${stack.base}/Observation?_count=37`);
    expect(again.resources.size).toBe(crawled().filter((r) => r.resourceType === 'Observation').length);
    for (const [key, resource] of again.resources) {
      expect(JSON.stringify(resource)).toBe(JSON.stringify(crawl.resources.get(key)));
    }
  });

  it('shifts every date of a patient by one non-zero offset, the one a replica computes', () => {
    const shifts = new Map<string, Set<number>>();
    for (const resource of crawled()) {
      const real = realOf.get(`${resource.resourceType}/${resource.id}`)!;
      const patient = patientOf(real);
      if (!patient) continue;
      for (const [anonymized, original] of datePairs(resource, real)) {
        const set = shifts.get(patient) ?? new Set<number>();
        set.add((Date.parse(anonymized) - Date.parse(original)) / 86_400_000);
        shifts.set(patient, set);
      }
    }
    expect(shifts.size).toBe(stack.cohort.patients.length);
    for (const [patient, set] of shifts) {
      expect([...set], 'one shift per patient').toHaveLength(1);
      const [days] = [...set];
      expect(days).not.toBe(0);
      expect(days).toBe(replica.dateShiftDays(patient));
    }
  });

  it('a second gateway (a replica or a restart, empty mapping store) serves the same pseudonyms', async () => {
    const other = await startStack({ patients: 4 });
    try {
      const first = stack.cohort.patients[0].id;
      const pseudo = replica.pseudonymizeId('Patient', first);
      const viaReplica = (await other.client.search({ resourceType: 'Patient', searchParams: { _count: 4 } })) as unknown as Bundle;
      expect(viaReplica.entry?.some((e) => e.resource?.id === pseudo)).toBe(true);
      const read = (await other.client.read({ resourceType: 'Patient', id: pseudo })) as unknown as Patient;
      expect(JSON.stringify(read)).toBe(JSON.stringify(crawl.resources.get(`Patient/${pseudo}`)));
    } finally {
      await other.close();
    }
  });
});

describe('references: every reference in a response resolves through the gateway', () => {
  it('resolves each distinct reference to a served type with a real FHIR client', async () => {
    const references = new Set(crawled().flatMap(referencesIn));
    const served = [...references].filter((r) => servedTypes.includes(r.split('/')[0]));
    expect(served.length).toBeGreaterThan(300);
    const failures: string[] = [];
    const queue = [...served];
    await Promise.all(Array.from({ length: 8 }, async () => {
      for (let ref = queue.pop(); ref !== undefined; ref = queue.pop()) {
        const [resourceType, id] = ref.split('/');
        try {
          const resource = (await stack.client.read({ resourceType, id })) as unknown as Resource;
          if (resource.id !== id) failures.push(`${resourceType}: wrong id`);
        } catch (err) {
          failures.push(`${resourceType}: HTTP ${(err as { response?: { status?: number } }).response?.status}`);
        }
      }
    }));
    expect(failures).toEqual([]);
  });

  // Known gap, kept visible: research-strict keeps Patient.generalPractitioner,
  // Patient.managingOrganization, Encounter.serviceProvider… (pseudonymized) but does not serve
  // Practitioner or Organization, so those references answer 403. When the profile serves those
  // types or drops those references, this test starts failing: turn it into a plain `it`.
  it('never references a type the policy does not serve (regression: Practitioner, Organization answered 403)', () => {
    const references = new Set(crawled().flatMap(referencesIn));
    const unserved = [...references].filter((r) => !servedTypes.includes(r.split('/')[0]!));
    expect(unserved).toEqual([]);
    expect(servedTypes).toEqual(expect.arrayContaining(['Practitioner', 'Organization']));
  });

  it('uses only relative references in the gateway id space', () => {
    for (const ref of new Set(crawled().flatMap(referencesIn))) {
      expect(ref).toMatch(/^[A-Z][A-Za-z]+\/[A-Za-z0-9\-.]{1,64}$/);
      expect(realOf.has(ref), 'a reference is a pseudonym of a cohort resource').toBe(true);
    }
  });
});

describe('validity: anonymized resources validate against FHIR R4', () => {
  it('validates every crawled resource with @medplum/core', () => {
    const failures: string[] = [];
    for (const resource of crawled()) {
      try {
        const errors = validateResource(resource).filter((i) => i.severity === 'error' || i.severity === 'fatal');
        if (errors.length > 0) failures.push(`${resource.resourceType}: ${errors[0].details?.text}`);
      } catch (err) {
        failures.push(`${resource.resourceType}: ${(err as Error).message.slice(0, 200)}`);
      }
    }
    expect([...new Set(failures)]).toEqual([]);
  });
});

/** The real patient id a real resource belongs to. */
function patientOf(resource: Resource): string | undefined {
  if (resource.resourceType === 'Patient') return resource.id;
  const ref = referencesIn(resource).find((r) => r.startsWith('Patient/'));
  return ref?.slice('Patient/'.length);
}

const DATE_PATHS: Record<string, string[][]> = {
  Patient: [['deceasedDateTime']],
  Encounter: [['period', 'start'], ['period', 'end']],
  Observation: [['effectiveDateTime'], ['issued']],
  Condition: [['onsetDateTime'], ['recordedDate']],
  MedicationRequest: [['authoredOn']],
  DocumentReference: [['date'], ['context', 'period', 'start'], ['context', 'period', 'end']],
  ImagingStudy: [['started']],
};

/** (anonymized, original) pairs of day-or-finer dates that the gateway returned at full precision. */
function datePairs(anonymized: Resource, original: Resource): [string, string][] {
  const pairs: [string, string][] = [];
  for (const path of DATE_PATHS[anonymized.resourceType] ?? []) {
    const a = path.reduce<unknown>((node, key) => (node as Record<string, unknown> | undefined)?.[key], anonymized);
    const o = path.reduce<unknown>((node, key) => (node as Record<string, unknown> | undefined)?.[key], original);
    if (typeof a === 'string' && typeof o === 'string' && a.length === o.length && o.length >= 10) pairs.push([a, o]);
  }
  return pairs;
}
