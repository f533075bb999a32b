import type { Bundle, CapabilityStatement, Encounter, Observation, OperationOutcome, Patient } from '@medplum/fhirtypes';
import { Client } from 'fhir-kit-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateCohort } from '../../src/demo/cohort.js';
import { startDemoUpstream, type DemoUpstream } from '../../src/demo/upstream.js';

/** The embedded demo FHIR server, driven over HTTP by a real FHIR client. */
let upstream: DemoUpstream;
let client: Client;
let patientId: string;

beforeAll(async () => {
  upstream = await startDemoUpstream({ cohort: generateCohort({ patients: 24 }) });
  client = new Client({ baseUrl: upstream.url });
  patientId = upstream.cohort.patients[0].id;
});
afterAll(async () => {
  await upstream?.close();
});

async function statusOf(promise: Promise<unknown>): Promise<{ status: number; data: OperationOutcome }> {
  try {
    await promise;
  } catch (err) {
    const response = (err as { response?: { status: number; data: OperationOutcome } }).response;
    if (response) return response;
    throw err;
  }
  throw new Error('expected an HTTP error');
}

const entriesOf = (bundle: Bundle) => (bundle.entry ?? []).map((e) => e.resource!);

describe('demo upstream: metadata, read, vread', () => {
  it('answers metadata with a CapabilityStatement listing the cohort types and $everything', async () => {
    const cs = (await client.capabilityStatement()) as unknown as CapabilityStatement;
    expect(cs.resourceType).toBe('CapabilityStatement');
    const types = cs.rest?.[0].resource?.map((r) => r.type) ?? [];
    expect(types).toEqual(expect.arrayContaining(['Patient', 'Observation', 'Encounter', 'DocumentReference', 'ImagingStudy']));
    const patient = cs.rest?.[0].resource?.find((r) => r.type === 'Patient');
    expect(patient?.operation?.map((o) => o.name)).toContain('everything');
  });

  it('reads a patient by its real id', async () => {
    const patient = (await client.read({ resourceType: 'Patient', id: patientId })) as unknown as Patient;
    expect(patient.id).toBe(patientId);
    expect(patient.name?.[0].family).toBeTruthy();
  });

  it('vreads version 1 and 404s on another version or id', async () => {
    const patient = (await client.vread({ resourceType: 'Patient', id: patientId, version: '1' })) as unknown as Patient;
    expect(patient.meta?.versionId).toBe('1');
    expect((await statusOf(client.vread({ resourceType: 'Patient', id: patientId, version: '7' }))).status).toBe(404);
    const missing = await statusOf(client.read({ resourceType: 'Patient', id: 'no-such-patient' }));
    expect(missing.status).toBe(404);
    expect(missing.data.resourceType).toBe('OperationOutcome');
  });
});

describe('demo upstream: search and paging', () => {
  it('pages through a multi-page search with next links that point to the upstream', async () => {
    let bundle = (await client.search({ resourceType: 'Observation', searchParams: { _count: 50 } })) as unknown as Bundle;
    const total = bundle.total ?? 0;
    expect(total).toBeGreaterThan(100);
    const ids = new Set<string>();
    for (;;) {
      for (const r of entriesOf(bundle)) ids.add(r.id!);
      const next = bundle.link?.find((l) => l.relation === 'next');
      if (!next) break;
      expect(next.url.startsWith(upstream.url)).toBe(true);
      bundle = (await client.nextPage({ bundle: bundle as never })) as unknown as Bundle;
    }
    expect(ids.size).toBe(total);
  });

  it('searches by reference, as Type/id or as a bare id, via GET and POST _search', async () => {
    const byRef = (await client.search({ resourceType: 'Observation', searchParams: { subject: `Patient/${patientId}`, _count: 200 } })) as unknown as Bundle;
    const byId = (await client.search({ resourceType: 'Observation', searchParams: { patient: patientId, _count: 200 } })) as unknown as Bundle;
    const posted = (await client.search({ resourceType: 'Observation', searchParams: { patient: patientId, _count: 200 }, options: { postSearch: true } })) as unknown as Bundle;
    expect(byRef.total).toBeGreaterThan(0);
    expect(byId.total).toBe(byRef.total);
    expect(posted.total).toBe(byRef.total);
    expect(entriesOf(byRef).every((o) => (o as Observation).subject?.reference === `Patient/${patientId}`)).toBe(true);
  });

  it('follows _include and _revinclude', async () => {
    const included = (await client.search({
      resourceType: 'Encounter',
      searchParams: { subject: `Patient/${patientId}`, _include: 'Encounter:subject' },
    })) as unknown as Bundle;
    const modes = (included.entry ?? []).map((e) => `${e.resource?.resourceType}:${e.search?.mode}`);
    expect(modes).toContain('Patient:include');
    expect(modes.filter((m) => m === 'Encounter:match').length).toBe(included.total);

    const reverse = (await client.search({ resourceType: 'Patient', searchParams: { _id: patientId, _revinclude: 'Encounter:subject' } })) as unknown as Bundle;
    const encounters = entriesOf(reverse).filter((r) => r.resourceType === 'Encounter') as Encounter[];
    expect(encounters.length).toBeGreaterThan(0);
    expect(encounters.every((e) => e.subject?.reference === `Patient/${patientId}`)).toBe(true);
  });

  it('applies _summary and _elements', async () => {
    const summary = (await client.search({ resourceType: 'Patient', searchParams: { _summary: 'true', _count: 3 } })) as unknown as Bundle;
    for (const p of entriesOf(summary) as Patient[]) {
      expect(p.text).toBeUndefined();
      expect(p.maritalStatus).toBeUndefined();
      expect(p.meta?.tag?.some((t) => t.code === 'SUBSETTED')).toBe(true);
    }
    const elements = (await client.search({ resourceType: 'Patient', searchParams: { _elements: 'gender', _count: 3 } })) as unknown as Bundle;
    for (const p of entriesOf(elements)) expect(Object.keys(p).sort()).toEqual(['gender', 'id', 'meta', 'resourceType']);
    const count = (await client.search({ resourceType: 'Patient', searchParams: { _summary: 'count' } })) as unknown as Bundle;
    expect(count.total).toBe(24);
    expect(count.entry).toBeUndefined();
  });

  it('sorts with _sort and refuses an unknown sort key', async () => {
    const sorted = (await client.search({ resourceType: 'Encounter', searchParams: { _sort: '-date', _count: 100 } })) as unknown as Bundle;
    const starts = (entriesOf(sorted) as Encounter[]).map((e) => Date.parse(e.period?.start ?? ''));
    expect(starts).toEqual([...starts].sort((a, b) => b - a));
    expect((await statusOf(client.search({ resourceType: 'Encounter', searchParams: { _sort: 'shoeSize' } }))).status).toBe(400);
  });

  it('pages $everything with _count, and follows _include:iterate one step further', async () => {
    const first = (await client.request(`Patient/${patientId}/$everything?_count=5`)) as unknown as Bundle;
    expect(first.entry).toHaveLength(5);
    const next = first.link?.find((l) => l.relation === 'next')?.url;
    expect(next?.startsWith(`${upstream.url}/Patient/${patientId}/$everything?`)).toBe(true);
    const second = (await client.nextPage({ bundle: first as never })) as unknown as Bundle;
    expect(second.entry?.[0].resource?.id).not.toBe(first.entry?.[0].resource?.id);

    const iterated = (await client.search({
      resourceType: 'Observation',
      searchParams: { patient: patientId, _count: 1, _include: 'Observation:encounter', '_include:iterate': 'Encounter:service-provider' },
    })) as unknown as Bundle;
    const included = (iterated.entry ?? []).filter((e) => e.search?.mode === 'include').map((e) => e.resource?.resourceType);
    expect(included).toEqual(expect.arrayContaining(['Encounter', 'Organization']));
  });

  it('answers Patient/$everything with the patient, its compartment and referenced staff', async () => {
    const bundle = (await client.operation({ name: '$everything', resourceType: 'Patient', id: patientId, method: 'GET' })) as unknown as Bundle;
    const resources = entriesOf(bundle);
    expect(resources[0]).toMatchObject({ resourceType: 'Patient', id: patientId });
    const types = new Set(resources.map((r) => r.resourceType));
    for (const type of ['Encounter', 'Observation', 'Condition', 'MedicationRequest', 'DocumentReference', 'Practitioner', 'Organization']) {
      expect(types.has(type as never), type).toBe(true);
    }
    const others = new Set(upstream.cohort.patients.map((p) => `Patient/${p.id}`));
    others.delete(`Patient/${patientId}`);
    expect(JSON.stringify(bundle).match(/Patient\/[0-9a-f-]{36}/g)?.some((r) => others.has(r))).toBe(false);
  });
});

describe('demo upstream: errors', () => {
  it('refuses unknown parameters, bad _count and unknown types with an OperationOutcome', async () => {
    expect((await statusOf(client.search({ resourceType: 'Patient', searchParams: { shoeSize: '42' } }))).status).toBe(400);
    expect((await statusOf(client.search({ resourceType: 'Patient', searchParams: { _count: 'many' } }))).status).toBe(400);
    expect((await statusOf(client.search({ resourceType: 'Observation', searchParams: { date: 'yesterday' } }))).status).toBe(400);
    const unknown = await fetch(`${upstream.url}/Spaceship`);
    expect(unknown.status).toBe(404);
    expect(unknown.headers.get('content-type')).toMatch(/^application\/fhir\+json/);
  });

  it('is read-only: writes get 405', async () => {
    const created = await statusOf(client.create({ resourceType: 'Patient', body: { resourceType: 'Patient' } }));
    expect(created.status).toBe(405);
    const deleted = await statusOf(client.delete({ resourceType: 'Patient', id: patientId }));
    expect(deleted.status).toBe(405);
    const patient = (await client.read({ resourceType: 'Patient', id: patientId })) as unknown as Patient;
    expect(patient.id).toBe(patientId);
  });

  it('answers an empty search for a valid type it holds no data of', async () => {
    const bundle = (await client.search({ resourceType: 'AllergyIntolerance', searchParams: {} })) as unknown as Bundle;
    expect(bundle.total).toBe(0);
  });
});

describe('demo upstream: start-up', () => {
  it('loads the default 120-patient cohort quickly', async () => {
    const started = Date.now();
    const full = await startDemoUpstream();
    try {
      expect(Date.now() - started).toBeLessThan(10_000);
      const count = (await new Client({ baseUrl: full.url }).search({ resourceType: 'Patient', searchParams: { _summary: 'count' } })) as unknown as Bundle;
      expect(count.total).toBe(120);
    } finally {
      await full.close();
    }
  });
});
