import path from 'node:path';
import type { Bundle, CapabilityStatement, Observation, Patient, Resource } from '@medplum/fhirtypes';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateCohort } from '../../src/demo/cohort.js';
import { startDemoUpstream, type DemoUpstream } from '../../src/demo/upstream.js';
import { loadPolicyRegistry } from '../../src/policy/registry.js';
import type { ResolvedPolicy } from '../../src/policy/runtime.js';
import { MemoryMappingStore } from '../../src/store/mapping-store.js';
import { startGateway, type RunningGateway } from './support/gateway.js';

/**
 * Every interaction through HTTP with a real FHIR client, against the embedded demo upstream (a
 * real FHIR server: @medplum/fhir-router) and the shipped `demo-research` policy with the real engine.
 */
let upstream: DemoUpstream;
let gw: RunningGateway;
let policy: ResolvedPolicy;
let patientReal: string;
let patientPseudo: string;

beforeAll(async () => {
  const registry = loadPolicyRegistry({
    policiesDir: path.resolve(process.cwd(), 'policies'),
    profilesDir: path.resolve(process.cwd(), 'profiles'),
    store: new MemoryMappingStore(),
    secretOf: () => Buffer.alloc(32, 3),
  });
  policy = registry.get('demo-research')!;
  upstream = await startDemoUpstream({ cohort: generateCohort({ seed: 7, patients: 4 }) });
  gw = await startGateway(upstream.url, policy);
  patientReal = upstream.cohort.patients[0]!.id;
  patientPseudo = policy.identity.patientPseudonym(patientReal);
});
afterAll(async () => {
  await gw?.close();
  await upstream?.close();
});

const asBundle = (x: unknown) => x as Bundle;

describe('against the demo upstream', () => {
  it('metadata: only released types, read-only interactions, gateway URL', async () => {
    const cs = (await gw.client.capabilityStatement()) as unknown as CapabilityStatement;
    expect(cs.implementation?.url).toBe(`${gw.url}/fhir`);
    const types = cs.rest![0]!.resource!.map((r) => r.type);
    expect(types).toContain('Patient');
    // Only what research-strict releases (the demo upstream also serves RelatedPerson, Group, Medication…).
    const released = ['Patient', 'Observation', 'Condition', 'Encounter', 'MedicationRequest', 'Procedure', 'DiagnosticReport', 'DocumentReference', 'ImagingStudy', 'Practitioner', 'Organization'];
    for (const type of types) expect(released).toContain(type);
    for (const r of cs.rest![0]!.resource!) for (const i of r.interaction ?? []) expect(['read', 'vread', 'search-type']).toContain(i.code);
  });

  it('read and vread by pseudonym', async () => {
    const patient = (await gw.client.read({ resourceType: 'Patient', id: patientPseudo })) as unknown as Patient;
    expect(patient.id).toBe(patientPseudo);
    expect(patient.name).toBeUndefined();
    const version = patient.meta?.versionId;
    expect(version).toBeDefined();
    const again = (await gw.client.vread({ resourceType: 'Patient', id: patientPseudo, version: version! })) as unknown as Patient;
    expect(again.id).toBe(patientPseudo);
  });

  it('search with paging through gateway cursors, GET and POST alike', async () => {
    const seen: string[] = [];
    let bundle = asBundle(await gw.client.search({ resourceType: 'Observation', searchParams: { subject: `Patient/${patientPseudo}`, _count: '5' } }));
    const total = bundle.total!;
    expect(total).toBeGreaterThan(5);
    for (;;) {
      for (const e of bundle.entry ?? []) {
        seen.push(e.resource!.id!);
        expect((e.resource as Observation).subject?.reference).toBe(`Patient/${patientPseudo}`);
        expect(e.fullUrl).toBe(`${gw.url}/fhir/Observation/${e.resource!.id}`);
      }
      if (!bundle.link?.some((l) => l.relation === 'next')) break;
      expect(JSON.stringify(bundle.link)).not.toContain(upstream.url);
      bundle = asBundle(await gw.client.nextPage({ bundle: bundle as never }));
    }
    expect(new Set(seen).size).toBe(total);
    const posted = asBundle(
      await gw.client.search({ resourceType: 'Observation', searchParams: { subject: `Patient/${patientPseudo}`, _count: '5' }, options: { postSearch: true } }),
    );
    expect(posted.total).toBe(total);
  });

  it('_include and _revinclude', async () => {
    const inc = asBundle(await gw.client.search({ resourceType: 'Observation', searchParams: { subject: `Patient/${patientPseudo}`, _count: '3', _include: 'Observation:subject' } }));
    const included = (inc.entry ?? []).filter((e) => e.search?.mode === 'include').map((e) => e.resource as Resource);
    expect(included.map((r) => `${r.resourceType}/${r.id}`)).toEqual([`Patient/${patientPseudo}`]);
    const rev = asBundle(await gw.client.search({ resourceType: 'Patient', searchParams: { _id: patientPseudo, _revinclude: 'Condition:subject' } }));
    expect(rev.entry!.filter((e) => e.search?.mode === 'match')).toHaveLength(1);
    for (const e of rev.entry!.filter((x) => x.search?.mode === 'include')) expect(e.resource!.resourceType).toBe('Condition');
  });

  it('Patient/$everything keeps only released types, all in one compartment', async () => {
    let bundle = asBundle(await gw.client.operation({ name: '$everything', resourceType: 'Patient', id: patientPseudo, method: 'GET' }));
    const released = policy.fhir.resourceTypes!;
    let count = 0;
    for (;;) {
      for (const e of bundle.entry ?? []) {
        count += 1;
        expect(released.has(e.resource!.resourceType)).toBe(true);
      }
      if (!bundle.link?.some((l) => l.relation === 'next')) break;
      bundle = asBundle(await gw.client.nextPage({ bundle: bundle as never }));
    }
    expect(count).toBeGreaterThan(5);
  });

  it('_summary=count and _elements', async () => {
    const counted = asBundle(await gw.client.search({ resourceType: 'Observation', searchParams: { subject: `Patient/${patientPseudo}`, _summary: 'count' } }));
    expect(counted.total).toBeGreaterThan(0);
    expect(counted.entry ?? []).toHaveLength(0);
    const slim = asBundle(await gw.client.search({ resourceType: 'Observation', searchParams: { subject: `Patient/${patientPseudo}`, _elements: 'code', _count: '2' } }));
    for (const e of slim.entry!) expect((e.resource as Observation).valueQuantity).toBeUndefined();
  });

  it('a date search scoped to one patient returns exactly the resources whose shown date matches', async () => {
    const all = asBundle(await gw.client.search({ resourceType: 'Observation', searchParams: { subject: `Patient/${patientPseudo}`, _count: '200' } }));
    const day = (all.entry!.map((e) => (e.resource as Observation).effectiveDateTime).find((d) => d !== undefined) as string).slice(0, 10);
    const expected = all.entry!.filter((e) => (e.resource as Observation).effectiveDateTime?.startsWith(day)).map((e) => e.resource!.id).sort();
    const found = asBundle(await gw.client.search({ resourceType: 'Observation', searchParams: { subject: `Patient/${patientPseudo}`, date: day, _count: '200' } }));
    expect(found.entry!.map((e) => e.resource!.id).sort()).toEqual(expected);
  });

  it('refuses writes and forged pseudonyms', async () => {
    await expect(gw.client.create({ resourceType: 'Patient', body: { resourceType: 'Patient' } })).rejects.toMatchObject({ response: { status: 405 } });
    await expect(gw.client.read({ resourceType: 'Patient', id: patientReal })).rejects.toMatchObject({ response: { status: 404 } });
  });
});
