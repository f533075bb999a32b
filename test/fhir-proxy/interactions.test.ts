import type { Bundle, CapabilityStatement, Observation, Patient } from '@medplum/fhirtypes';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cohort, IDENTIFYING_VALUES } from './support/fixtures.js';
import { startFakeFhirServer, type FakeFhirServer } from './support/fake-fhir-server.js';
import { startGateway, type RunningGateway } from './support/gateway.js';
import { testPolicy } from './support/policy.js';

/** Every read interaction through HTTP with a real FHIR client (fhir-kit-client). */
let upstream: FakeFhirServer;
let gw: RunningGateway;
const policy = testPolicy();
const pseudo = (type: string, id: string) => policy.identity.pseudonymizeId(type, id);

beforeAll(async () => {
  upstream = await startFakeFhirServer(cohort());
  gw = await startGateway(upstream.url, policy);
});
afterAll(async () => {
  await gw?.close();
  await upstream?.close();
});

function expectNoIdentifyingValue(body: unknown) {
  const text = JSON.stringify(body);
  for (const value of IDENTIFYING_VALUES) expect(text).not.toContain(value);
  expect(text).not.toContain(upstream.url.replace(/\/fhir\/R4$/, ''));
}

describe('read and vread', () => {
  it('reads a patient by pseudonym and returns the anonymized resource', async () => {
    const patient = (await gw.client.read({ resourceType: 'Patient', id: pseudo('Patient', 'pat-dupont') })) as unknown as Patient;
    expect(patient).toMatchObject({ resourceType: 'Patient', id: pseudo('Patient', 'pat-dupont'), gender: 'female', birthDate: '1970' });
    expect(upstream.requests.at(-1)?.path).toBe('/fhir/R4/Patient/pat-dupont');
    expectNoIdentifyingValue(patient);
  });

  it('vreads a version', async () => {
    const patient = (await gw.client.vread({ resourceType: 'Patient', id: pseudo('Patient', 'pat-dupont'), version: '3' })) as unknown as Patient;
    expect(patient.id).toBe(pseudo('Patient', 'pat-dupont'));
    expect(upstream.requests.at(-1)?.path).toBe('/fhir/R4/Patient/pat-dupont/_history/3');
  });

  it('answers an unknown version with 404', async () => {
    const res = await fetch(`${gw.url}/fhir/Patient/${pseudo('Patient', 'pat-dupont')}/_history/99`);
    expect(res.status).toBe(404);
    expect(await res.json()).toMatchObject({ resourceType: 'OperationOutcome', issue: [{ code: 'not-found' }] });
  });

  it('sends FHIR JSON that is not cached', async () => {
    const res = await fetch(`${gw.url}/fhir/Patient/${pseudo('Patient', 'pat-smith')}`);
    expect(res.headers.get('content-type')).toMatch(/^application\/fhir\+json/);
    expect(res.headers.get('cache-control')).toBe('no-store');
  });
});

describe('search', () => {
  it('searches by a pseudonymous reference, translated to the real id upstream', async () => {
    const bundle = (await gw.client.search({
      resourceType: 'Observation',
      searchParams: { subject: `Patient/${pseudo('Patient', 'pat-smith')}` },
    })) as unknown as Bundle<Observation>;
    expect(bundle.total).toBe(5);
    expect(bundle.entry).toHaveLength(5);
    expect(upstream.requests.at(-1)?.query.get('subject')).toBe('Patient/pat-smith');
    for (const e of bundle.entry!) {
      expect(e.resource?.subject?.reference).toBe(`Patient/${pseudo('Patient', 'pat-smith')}`);
      expect(e.fullUrl).toBe(`${gw.url}/fhir/Observation/${e.resource!.id}`);
    }
    expectNoIdentifyingValue(bundle);
  });

  it('searches with POST _search (form-urlencoded)', async () => {
    const bundle = (await gw.client.search({
      resourceType: 'Observation',
      searchParams: { patient: `Patient/${pseudo('Patient', 'pat-smith')}` },
      options: { postSearch: true },
    })) as unknown as Bundle;
    expect(bundle.entry).toHaveLength(5);
    expect(upstream.requests.at(-1)?.query.get('patient')).toBe('Patient/pat-smith');
  });

  it('pages through a multi-page search with opaque gateway cursors, one pseudonym throughout', async () => {
    const seen = new Set<string>();
    const subjects = new Set<string>();
    let bundle = (await gw.client.search({
      resourceType: 'Observation',
      searchParams: { subject: `Patient/${pseudo('Patient', 'pat-dupont')}`, _count: '10' },
    })) as unknown as Bundle<Observation>;
    let pages = 1;
    for (;;) {
      for (const e of bundle.entry ?? []) {
        seen.add(e.resource!.id!);
        subjects.add(e.resource!.subject!.reference!);
      }
      for (const link of bundle.link ?? []) {
        expect(link.url.startsWith(`${gw.url}/fhir/_page?cursor=`)).toBe(true);
        expect(link.url).not.toContain('pat-dupont');
        expect(link.url).not.toContain('_offset');
      }
      const next = bundle.link?.find((l) => l.relation === 'next');
      if (!next) break;
      bundle = (await gw.client.nextPage({ bundle: bundle as never })) as unknown as Bundle<Observation>;
      pages += 1;
    }
    expect(pages).toBe(3);
    expect(seen.size).toBe(25);
    expect([...subjects]).toEqual([`Patient/${pseudo('Patient', 'pat-dupont')}`]);
  });

  it('accepts a cursor on another replica holding the same secret, and only for the same client', async () => {
    const first = (await gw.client.search({
      resourceType: 'Observation',
      searchParams: { subject: `Patient/${pseudo('Patient', 'pat-dupont')}`, _count: '10' },
    })) as unknown as Bundle<Observation>;
    const next = first.link!.find((l) => l.relation === 'next')!.url;
    const replica = await startGateway(upstream.url, testPolicy());
    const otherClient = await startGateway(upstream.url, testPolicy(), { principal: { clientId: 'someone-else' } });
    try {
      const res = await fetch(next.replace(gw.url, replica.url));
      expect(res.status).toBe(200);
      const page = (await res.json()) as Bundle<Observation>;
      expect(page.entry).toHaveLength(10);
      expect(page.entry![0]!.resource!.subject!.reference).toBe(`Patient/${pseudo('Patient', 'pat-dupont')}`);
      expect((await fetch(next.replace(gw.url, otherClient.url))).status).toBe(400);
    } finally {
      await replica.close();
      await otherClient.close();
    }
  });

  it('caps _count at the policy maximum', async () => {
    await gw.client.search({ resourceType: 'Observation', searchParams: { _count: '500' } });
    expect(upstream.requests.at(-1)?.query.get('_count')).toBe('10');
  });

  it('returns _include targets, anonymized, as include entries', async () => {
    const bundle = (await gw.client.search({
      resourceType: 'Observation',
      searchParams: { subject: `Patient/${pseudo('Patient', 'pat-smith')}`, _include: 'Observation:subject' },
    })) as unknown as Bundle;
    const included = bundle.entry!.filter((e) => e.search?.mode === 'include');
    expect(included.map((e) => e.resource?.resourceType)).toEqual(['Patient']);
    expect(included[0]!.resource!.id).toBe(pseudo('Patient', 'pat-smith'));
    expectNoIdentifyingValue(bundle);
  });

  it('never relays upstream OperationOutcome entries', async () => {
    const bundle = (await gw.client.search({ resourceType: 'Patient', searchParams: { gender: 'male' } })) as unknown as Bundle;
    expect(bundle.entry!.every((e) => e.resource?.resourceType === 'Patient')).toBe(true);
  });
});

describe('public base URL', () => {
  it('defaults to the bound address when not configured (never the Host header)', async () => {
    const bare = await startGateway(upstream.url, policy, { publicBaseUrl: undefined });
    try {
      const res = await fetch(`${bare.url}/fhir/Observation?subject=Patient/${pseudo('Patient', 'pat-smith')}`, { headers: { 'x-forwarded-host': 'evil.example' } });
      const bundle = (await res.json()) as Bundle;
      expect(bundle.entry![0]!.fullUrl).toBe(`${bare.url}/fhir/Observation/${bundle.entry![0]!.resource!.id}`);
    } finally {
      await bare.close();
    }
  });
});

describe('Patient/$everything', () => {
  it('returns the compartment anonymized and drops types the profile does not release', async () => {
    const bundle = (await gw.client.operation({
      name: '$everything',
      resourceType: 'Patient',
      id: pseudo('Patient', 'pat-smith'),
      method: 'GET',
    })) as unknown as Bundle;
    expect(upstream.requests.at(-1)?.path).toBe('/fhir/R4/Patient/pat-smith/$everything');
    const types = bundle.entry!.map((e) => e.resource!.resourceType);
    expect(types.filter((t) => t === 'Observation')).toHaveLength(5);
    expect(types).toContain('Patient');
    expectNoIdentifyingValue(bundle);
  });

  it('drops a Device of the compartment: its type is not released', async () => {
    const bundle = (await gw.client.operation({ name: '$everything', resourceType: 'Patient', id: pseudo('Patient', 'pat-dupont'), method: 'GET' })) as unknown as Bundle;
    expect(upstream.requests.at(-1)?.query.get('_count')).toBe('10');
    expect(bundle.entry!.some((e) => e.resource?.resourceType === 'Device')).toBe(false);
    expect(JSON.stringify(bundle)).not.toContain('SN-DEVICE-SECRET');
  });
});

describe('metadata', () => {
  it('rewrites the upstream CapabilityStatement to what the gateway offers', async () => {
    const cs = (await gw.client.capabilityStatement()) as unknown as CapabilityStatement;
    expect(cs.software?.name).toBe('Voile');
    expect(cs.implementation?.url).toBe(`${gw.url}/fhir`);
    const rest = cs.rest![0]!;
    expect(rest.interaction).toBeUndefined();
    expect(rest.resource!.map((r) => r.type).sort()).toEqual(['Observation', 'Patient', 'Practitioner']);
    const obs = rest.resource!.find((r) => r.type === 'Observation')!;
    expect(obs.interaction!.map((i) => i.code).sort()).toEqual(['read', 'search-type', 'vread']);
    expect(obs.searchParam!.map((p) => p.name).sort()).toEqual(['_id', 'code', 'date', 'patient', 'subject']);
    const patient = rest.resource!.find((r) => r.type === 'Patient')!;
    expect(patient.searchParam!.map((p) => p.name).sort()).toEqual(['_id', 'gender']);
    expect(patient.operation).toEqual([{ name: 'everything', definition: 'http://hl7.org/fhir/OperationDefinition/Patient-everything' }]);
    expect(JSON.stringify(cs)).not.toMatch(/upstream text|upstream doc|Hospital EHR|ehr\.internal|Upstream EHR/);
  });
});
