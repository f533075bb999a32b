import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { cohort } from './support/fixtures.js';
import { startFakeFhirServer, type FakeFhirServer } from './support/fake-fhir-server.js';
import { startGateway, type RunningGateway } from './support/gateway.js';
import { testPolicy } from './support/policy.js';

/** SMART scopes applied by the proxy: before anything is fetched, and again on what comes back. */
let upstream: FakeFhirServer;
const policy = testPolicy();
const p = (type: string, id: string) => policy.identity.pseudonymizeId(type, id);

beforeAll(async () => {
  upstream = await startFakeFhirServer(cohort());
});
afterAll(async () => {
  await upstream?.close();
});
beforeEach(() => {
  upstream.requests.length = 0;
});

async function get(gw: RunningGateway, path: string) {
  const res = await fetch(`${gw.url}${path}`);
  return { status: res.status, body: (await res.json()) as any };
}

describe('patient-level scopes', () => {
  let gw: RunningGateway;
  beforeAll(async () => {
    gw = await startGateway(upstream.url, policy, { principal: { clientId: 'patient-app', scopes: ['patient/*.rs'], patientId: 'pat-dupont' } });
  });
  afterAll(async () => gw?.close());

  it('reads the own patient, and answers 404 for another one without an upstream call', async () => {
    expect((await get(gw, `/fhir/Patient/${p('Patient', 'pat-dupont')}`)).status).toBe(200);
    upstream.requests.length = 0;
    expect((await get(gw, `/fhir/Patient/${p('Patient', 'pat-smith')}`)).status).toBe(404);
    expect(upstream.requests).toHaveLength(0);
  });

  it('confines searches to the patient compartment upstream', async () => {
    const r = await get(gw, '/fhir/Observation?code=8867-4&_count=50');
    expect(r.status).toBe(200);
    expect(upstream.requests[0]!.query.get('patient')).toBe('Patient/pat-dupont');
    const subjects = new Set(r.body.entry.map((e: any) => e.resource.subject.reference));
    expect([...subjects]).toEqual([`Patient/${p('Patient', 'pat-dupont')}`]);
  });

  it('answers date searches, which are scoped to the one patient', async () => {
    const shown = policy.identity.shiftDate('2020-03-10', 'pat-dupont');
    const r = await get(gw, `/fhir/Observation?date=${shown}`);
    expect(r.status).toBe(200);
    expect(upstream.requests[0]!.query.get('date')).toBe('2020-03-10');
  });

  it('withholds a resource of another patient read by id', async () => {
    const r = await get(gw, `/fhir/Observation/${p('Observation', 'obs-pat-smith-1')}`);
    expect(r.status).toBe(404);
  });

  it('refuses $everything of another patient without an upstream call', async () => {
    expect((await get(gw, `/fhir/Patient/${p('Patient', 'pat-smith')}/$everything`)).status).toBe(404);
    expect(upstream.requests).toHaveLength(0);
  });
});

describe('type-limited scopes', () => {
  let gw: RunningGateway;
  beforeAll(async () => {
    gw = await startGateway(upstream.url, policy, { principal: { clientId: 'obs-only', scopes: ['system/Observation.rs'] } });
  });
  afterAll(async () => gw?.close());

  it('refuses reading a type not granted, with 403 and no upstream call', async () => {
    const r = await get(gw, `/fhir/Patient/${p('Patient', 'pat-dupont')}`);
    expect(r.status).toBe(403);
    expect(r.body.issue[0].code).toBe('forbidden');
    expect(upstream.requests).toHaveLength(0);
  });

  it('refuses _include of a type not granted (scope escalation)', async () => {
    const r = await get(gw, `/fhir/Observation?subject=Patient/${p('Patient', 'pat-smith')}&_include=Observation:subject`);
    expect(r.status).toBe(403);
    expect(upstream.requests).toHaveLength(0);
  });

  it('refuses $everything, which reads a Patient', async () => {
    expect((await get(gw, `/fhir/Patient/${p('Patient', 'pat-smith')}/$everything`)).status).toBe(403);
    expect(upstream.requests).toHaveLength(0);
  });

  it('serves the granted type', async () => {
    const r = await get(gw, `/fhir/Observation?subject=Patient/${p('Patient', 'pat-smith')}`);
    expect(r.status).toBe(200);
    expect(r.body.entry).toHaveLength(5);
  });

  it('lists only granted types in the CapabilityStatement', async () => {
    const r = await get(gw, '/fhir/metadata');
    expect(r.body.rest[0].resource.map((x: any) => x.type)).toEqual(['Observation']);
  });
});
