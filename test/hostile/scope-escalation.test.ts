import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { ResolvedPolicy } from '../../src/policy/runtime.js';
import { expectNothingIdentifying, startHostileStack, type HostileStack } from './support.js';

/**
 * Scope escalation: a client reaching for resource types its token does not grant, through every
 * construct that crosses types. The policy here allows those constructs (identity-probing searches
 * included), so the only barrier tested is the SMART scopes. Refused requests never reach the
 * upstream; allowed ones return nothing of a type not granted.
 */
let stack: HostileStack;
const tokens: Record<string, string> = {};

beforeAll(async () => {
  stack = await startHostileStack(
    [
      { clientId: 'obs-only', scope: 'system/Observation.rs' },
      { clientId: 'patient-only', scope: 'system/Patient.rs' },
      { clientId: 'obs-and-patient', scope: 'system/Observation.rs system/Patient.rs' },
      { clientId: 'vitals-only', scope: 'system/Observation.rs?category=vital-signs' },
      { clientId: 'smith-app', scope: 'patient/*.rs', extraClaims: { patient: ((p: ResolvedPolicy) => p.identity.patientPseudonym('pat-smith')) as unknown as string } },
    ],
    {
      research: { clients: ['obs-only', 'patient-only', 'obs-and-patient', 'vitals-only', 'smith-app'] },
      fhir: {
        searchParameters: { '*': ['_id'], Observation: ['subject', 'patient', 'code', 'category'], Patient: ['gender', 'name'] },
        allowIdentitySearch: ['name', '_has', '_filter', '_text', '_content', 'subject:Patient.name', 'subject.name'],
        maxCount: 50,
      },
    },
  );
  for (const [client, scope] of [
    ['obs-only', 'system/Observation.rs'],
    ['patient-only', 'system/Patient.rs'],
    ['obs-and-patient', 'system/Observation.rs system/Patient.rs'],
    ['vitals-only', 'system/Observation.rs?category=vital-signs'],
    ['smith-app', 'patient/*.rs'],
  ] as const) {
    tokens[client] = await stack.as.token(client, scope);
  }
});
afterAll(async () => stack?.close());
beforeEach(() => {
  stack.upstream.requests.length = 0;
});

async function expectRefused(client: string, path: string) {
  const res = await stack.call(path, { token: tokens[client] });
  expect([400, 403], `${client} ${path} → ${res.status}`).toContain(res.status);
  expect(res.body?.resourceType).toBe('OperationOutcome');
  expect(stack.upstream.requests, `${client} ${path} reached the upstream`).toHaveLength(0);
  expectNothingIdentifying(res.text);
  return res;
}

function typesIn(body: any): string[] {
  return [...new Set<string>((body?.entry ?? []).map((e: any) => e.resource?.resourceType))].sort();
}

describe('scope escalation', () => {
  const dupont = () => stack.research.identity.patientPseudonym('pat-dupont');

  it('_include of a type not granted', async () => {
    const res = await expectRefused('obs-only', '/fhir/Observation?_include=Observation:subject:Patient');
    expect(res.status).toBe(403);
    await expectRefused('obs-only', '/fhir/Observation?_include=Observation:subject');
    await expectRefused('obs-only', '/fhir/Observation?_include=*');
  });

  it('_include that is granted only returns granted types', async () => {
    const res = await stack.call('/fhir/Observation?_include=Observation:subject', { token: tokens['obs-and-patient'] });
    expect(res.status).toBe(200);
    expect(typesIn(res.body)).toEqual(['Observation', 'Patient']);
  });

  it('_revinclude of a type not granted', async () => {
    await expectRefused('patient-only', '/fhir/Patient?_revinclude=Observation:subject');
    await expectRefused('obs-and-patient', '/fhir/Patient?_revinclude=Device:patient');
  });

  it('$everything without Patient read, and with it: only granted types come back', async () => {
    await expectRefused('obs-only', `/fhir/Patient/${dupont()}/$everything`);
    const res = await stack.call(`/fhir/Patient/${dupont()}/$everything`, { token: tokens['obs-and-patient'] });
    expect(res.status).toBe(200);
    // the upstream's $everything also returns a Device and links a Practitioner: neither may leave
    expect(stack.upstream.requests.length).toBeGreaterThan(0);
    expect(typesIn(res.body)).toEqual(['Observation', 'Patient']);
    expect(res.text).not.toContain('SN-DEVICE-SECRET');
  });

  it('chained search through a type not granted (subject:Patient.name=…)', async () => {
    const res = await expectRefused('obs-only', '/fhir/Observation?subject:Patient.name=Dupont');
    expect(res.text).not.toContain('Dupont');
    await expectRefused('obs-and-patient', '/fhir/Observation?subject.name=Dupont');
  });

  it('_has reaching a type not granted', async () => {
    await expectRefused('patient-only', '/fhir/Patient?_has:Observation:patient:code=8867-4');
  });

  it('_filter, _text and _content', async () => {
    await expectRefused('obs-and-patient', '/fhir/Observation?_filter=' + encodeURIComponent('subject.name eq "Dupont"'));
    await expectRefused('obs-and-patient', '/fhir/Observation?_text=Dupont');
    await expectRefused('obs-and-patient', '/fhir/Observation?_content=Lilas');
  });

  it('a search on a type not granted, and a read of one', async () => {
    await expectRefused('obs-only', '/fhir/Patient?gender=female');
    const read = await stack.call(`/fhir/Patient/${dupont()}`, { token: tokens['obs-only'] });
    expect([403, 404]).toContain(read.status);
    expect(stack.upstream.requests).toHaveLength(0);
  });

  it('a granular scope grants only searches carrying its restriction', async () => {
    await expectRefused('vitals-only', '/fhir/Observation?code=8867-4');
  });

  it('a patient-level token sees its own compartment only', async () => {
    const own = await stack.call(`/fhir/Patient/${stack.research.identity.patientPseudonym('pat-smith')}`, { token: tokens['smith-app'] });
    expect(own.status).toBe(200);
    const other = await stack.call(`/fhir/Patient/${dupont()}`, { token: tokens['smith-app'] });
    expect(other.status).toBe(404);
    expectNothingIdentifying(other.text);
    const search = await stack.call(`/fhir/Observation?subject=Patient/${dupont()}`, { token: tokens['smith-app'] });
    expect([200, 403]).toContain(search.status);
    if (search.status === 200) expect(search.body.entry?.filter((e: any) => e.resource?.resourceType === 'Observation') ?? []).toHaveLength(0);
    const everything = await stack.call(`/fhir/Patient/${dupont()}/$everything`, { token: tokens['smith-app'] });
    expect(everything.status === 200 ? typesIn(everything.body) : []).toEqual([]);
  });
});
