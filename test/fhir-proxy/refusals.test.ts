import { request } from 'node:http';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { cohort } from './support/fixtures.js';
import { startFakeFhirServer, type FakeFhirServer } from './support/fake-fhir-server.js';
import { startGateway, type RunningGateway } from './support/gateway.js';
import { TEST_SECRET, testPolicy } from './support/policy.js';

/** Requests the gateway must refuse with a clear OperationOutcome, most of them without any upstream call. */
let upstream: FakeFhirServer;
let gw: RunningGateway;
const policy = testPolicy();
const smith = policy.identity.pseudonymizeId('Patient', 'pat-smith');

beforeAll(async () => {
  upstream = await startFakeFhirServer(cohort());
  gw = await startGateway(upstream.url, policy);
});
afterAll(async () => {
  await gw?.close();
  await upstream?.close();
});
beforeEach(() => {
  upstream.requests.length = 0;
});

async function call(path: string, init?: RequestInit) {
  const res = await fetch(`${gw.url}${path}`, init);
  const text = await res.text();
  return { status: res.status, type: res.headers.get('content-type'), text, body: JSON.parse(text) as any };
}

/** fetch() normalises dot segments away; a raw request sends the path exactly as written. */
function rawGet(path: string): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const req = request(`${gw.url}${path}`, { method: 'GET' }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => (text += c));
      res.on('end', () => resolve({ status: res.statusCode!, text }));
    });
    req.path = path;
    req.on('error', reject);
    req.end();
  });
}

function expectOutcome(r: { type: string | null; body: any }, code: string) {
  expect(r.type).toMatch(/^application\/fhir\+json/);
  expect(r.body.resourceType).toBe('OperationOutcome');
  expect(r.body.issue[0].code).toBe(code);
  expect(typeof r.body.issue[0].diagnostics).toBe('string');
}

describe('writes are refused', () => {
  it.each([
    ['POST', '/fhir/Patient', JSON.stringify({ resourceType: 'Patient' })],
    ['PUT', `/fhir/Patient/${smith}`, JSON.stringify({ resourceType: 'Patient', id: smith })],
    ['PATCH', `/fhir/Patient/${smith}`, '[]'],
    ['DELETE', `/fhir/Patient/${smith}`, undefined],
    ['POST', '/fhir', JSON.stringify({ resourceType: 'Bundle', type: 'transaction' })],
    ['POST', '/fhir/Patient', '{not json'],
  ])('%s %s → 405 without upstream call', async (method, path, body) => {
    const r = await call(path, { method, body, headers: body ? { 'content-type': 'application/fhir+json' } : {} });
    expect(r.status).toBe(405);
    expectOutcome(r, 'not-supported');
    expect(upstream.requests).toHaveLength(0);
  });

  it('refuses a create through the FHIR client too', async () => {
    await expect(gw.client.create({ resourceType: 'Patient', body: { resourceType: 'Patient' } })).rejects.toMatchObject({
      response: { status: 405 },
    });
  });
});

describe('pseudonyms', () => {
  it('answers a forged pseudonym with a plain 404 and no upstream call', async () => {
    const forged = smith.slice(0, -3) + (smith.endsWith('AAA') ? 'BBB' : 'AAA');
    const r = await call(`/fhir/Patient/${forged}`);
    expect(r.status).toBe(404);
    expectOutcome(r, 'not-found');
    expect(upstream.requests).toHaveLength(0);
  });

  it('answers a foreign pseudonym (another secret) with 404 and no upstream call', async () => {
    const foreign = testPolicy({ secret: Buffer.alloc(32, 99) }).identity.pseudonymizeId('Patient', 'pat-smith');
    expect((await call(`/fhir/Patient/${foreign}`)).status).toBe(404);
    expect(upstream.requests).toHaveLength(0);
  });

  it('does not accept a real id in place of a pseudonym', async () => {
    expect((await call('/fhir/Patient/pat-smith')).status).toBe(404);
    expect(upstream.requests).toHaveLength(0);
  });

  it('does not accept a pseudonym of another type', async () => {
    const obs = policy.identity.pseudonymizeId('Observation', 'pat-smith');
    expect((await call(`/fhir/Patient/${obs}`)).status).toBe(404);
    expect(upstream.requests).toHaveLength(0);
  });

  it('answers a search by an unknown pseudonym with an empty Bundle and no upstream call', async () => {
    const r = await call('/fhir/Observation?subject=Patient/aForgedPseudonymThatDoesNotResolve');
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ resourceType: 'Bundle', type: 'searchset', total: 0, entry: [] });
    expect(upstream.requests).toHaveLength(0);
  });
});

describe('paths', () => {
  it.each([
    '/fhir/Patient/..%2F..%2Fadmin',
    '/fhir/Patient/a%2Fb',
    '/fhir/Patient/%2e%2e',
    '/fhir/Patient/../Observation',
    '/fhir//Patient',
    '/fhir/Patient/a%5Cb',
    '/fhir/Patient/./x',
    '/fhir/Patient/..',
  ])('refuses %s with 400 and no upstream call', async (path) => {
    const r = await rawGet(path);
    expect(r.status).toBe(400);
    expect(upstream.requests).toHaveLength(0);
  });

  it('refuses malformed ids with 400', async () => {
    const r = await call('/fhir/Patient/bad_id!');
    expect(r.status).toBe(400);
    expectOutcome(r, 'invalid');
    expect(upstream.requests).toHaveLength(0);
  });

  it('answers an unknown resource type with 404 and a type not released with 403', async () => {
    expect((await call('/fhir/NotAType')).status).toBe(404);
    const device = await call('/fhir/Device');
    expect(device.status).toBe(403);
    expectOutcome(device, 'forbidden');
    expect(upstream.requests).toHaveLength(0);
  });

  it('refuses history and system-level search', async () => {
    expect((await call(`/fhir/Patient/${smith}/_history`)).status).toBe(501);
    expect((await call('/fhir?_type=Patient')).status).toBe(400);
    expect(upstream.requests).toHaveLength(0);
  });

  it('does not echo the unknown path in a 404', async () => {
    const r = await call('/fhir/Patient/x/y/z/Dupont');
    expect(r.status).toBe(404);
    expect(r.text).not.toContain('Dupont');
  });
});

describe('search parameters', () => {
  it.each([
    ['name=Dupont', 'name'],
    ['family=Dupont', 'family'],
    ['birthdate=1970-05-12', 'birthdate'],
    ['identifier=IPP-884421', 'identifier'],
    ['address-city=Lyon', 'address-city'],
    ['telecom=0612345678', 'telecom'],
    ['email=marie@example.fr', 'email'],
  ])('refuses identity-probing Patient?%s with a clear 400', async (query, name) => {
    const r = await call(`/fhir/Patient?${query}`);
    expect(r.status).toBe(400);
    expectOutcome(r, 'not-supported');
    expect(r.body.issue[0].details.text).toBe(`parameter ${name}`);
    expect(r.text).not.toMatch(/Dupont|1970-05-12|IPP-884421|Lyon|0612345678|marie@/);
    expect(upstream.requests).toHaveLength(0);
  });

  it.each([
    'subject:Patient.name=Dupont',
    'subject.name=Dupont',
    '_has:Observation:patient:code=1234',
    '_filter=name eq Dupont',
    '_text=Dupont',
    '_content=Dupont',
    '_query=custom',
    'subject:identifier=IPP-884421',
  ])('refuses probing construct Observation?%s', async (query) => {
    const r = await call(`/fhir/Observation?${query}`);
    expect(r.status).toBe(400);
    expect(r.text).not.toMatch(/Dupont|IPP-884421/);
    expect(upstream.requests).toHaveLength(0);
  });

  it('refuses parameters the policy does not allowlist', async () => {
    const r = await call('/fhir/Observation?value-quantity=60');
    expect(r.status).toBe(400);
    expect(r.body.issue[0].details.text).toBe('parameter value-quantity');
    expect(upstream.requests).toHaveLength(0);
  });

  it('refuses unknown parameters without echoing their name', async () => {
    const r = await call('/fhir/Observation?Dupont=1');
    expect(r.status).toBe(400);
    expect(r.text).not.toContain('Dupont');
  });

  it('refuses absolute URLs in reference values (SSRF)', async () => {
    const r = await call('/fhir/Observation?subject=http://169.254.169.254/latest/meta-data');
    expect(r.status).toBe(400);
    expect(upstream.requests).toHaveLength(0);
  });

  it('refuses _include to a type the caller may not read (403), and wildcards (400)', async () => {
    expect((await call('/fhir/Observation?_include=Observation:device:Device')).status).toBe(403);
    expect((await call('/fhir/Observation?_include=*')).status).toBe(400);
    expect(upstream.requests).toHaveLength(0);
  });

  it('refuses a date search that is not scoped to one patient', async () => {
    const r = await call('/fhir/Observation?date=ge2020-03-01');
    expect(r.status).toBe(400);
    expect(r.body.issue[0].diagnostics).toMatch(/scoped to one patient/);
    expect(upstream.requests).toHaveLength(0);
  });

  it('answers a patient-scoped date search correctly, translating the bounds by that patient’s shift', async () => {
    const dupont = policy.identity.pseudonymizeId('Patient', 'pat-dupont');
    const shift = policy.identity.dateShiftDays('pat-dupont');
    // What the client sees of obs 4 (real 2020-03-05) is its shifted date; search on exactly that day.
    const shownDay = policy.identity.shiftDate('2020-03-05', 'pat-dupont');
    const r = await call(`/fhir/Observation?subject=Patient/${dupont}&date=${shownDay}`);
    expect(r.status).toBe(200);
    expect(upstream.requests[0]!.query.get('date')).toBe('2020-03-05');
    expect(r.body.entry.map((e: any) => e.resource.effectiveDateTime.slice(0, 10))).toEqual([shownDay]);
    expect(shift).not.toBe(0);
  });

  it('refuses malformed percent-encoding in the query', async () => {
    const r = await call('/fhir/Patient?gender=%zz');
    expect(r.status).toBe(400);
    expect(upstream.requests).toHaveLength(0);
  });

  it('refuses a malformed _count', async () => {
    expect((await call('/fhir/Observation?_count=abc')).status).toBe(400);
  });
});

describe('cursors', () => {
  it('refuses a forged cursor with 400 and no upstream call', async () => {
    const r = await call('/fhir/_page?cursor=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA');
    expect(r.status).toBe(400);
    expectOutcome(r, 'invalid');
    expect(upstream.requests).toHaveLength(0);
  });

  it('refuses a cursor sealed for another client', async () => {
    const audience = JSON.stringify(['fhir-page', 'other-client', policy.name, null]);
    const foreign = policy.identity.seal({ q: 'Observation?_count=10' }, 60, audience);
    expect((await call(`/fhir/_page?cursor=${foreign}`)).status).toBe(400);
    expect(upstream.requests).toHaveLength(0);
  });

  it('refuses a cursor that would leave the upstream base (SSRF)', async () => {
    const audience = JSON.stringify(['fhir-page', 'anonymous-demo', policy.name, null]);
    for (const q of ['../../admin', 'http://169.254.169.254/', '//evil.example/x', '/etc/passwd']) {
      const token = policy.identity.seal({ q }, 60, audience);
      expect((await call(`/fhir/_page?cursor=${token}`)).status).toBe(400);
    }
    expect(upstream.requests).toHaveLength(0);
  });

  it('refuses an expired cursor', async () => {
    const audience = JSON.stringify(['fhir-page', 'anonymous-demo', policy.name, null]);
    const expired = policy.identity.seal({ q: 'Observation?_count=10' }, -10, audience);
    expect((await call(`/fhir/_page?cursor=${expired}`)).status).toBe(400);
  });

  it('refuses a cursor sealed under another identity secret', async () => {
    const other = testPolicy({ secret: Buffer.from(TEST_SECRET).fill(5) });
    const audience = JSON.stringify(['fhir-page', 'anonymous-demo', policy.name, null]);
    const token = other.identity.seal({ q: 'Observation?_count=10' }, 60, audience);
    expect((await call(`/fhir/_page?cursor=${token}`)).status).toBe(400);
  });
});

describe('request bodies', () => {
  it('refuses malformed JSON on POST _search with 400', async () => {
    const r = await call('/fhir/Observation/_search', { method: 'POST', body: '{"code": Dupont', headers: { 'content-type': 'application/json' } });
    expect(r.status).toBe(400);
    expectOutcome(r, 'structure');
    expect(r.text).not.toContain('Dupont');
  });

  it('refuses a malformed form body with 400', async () => {
    const r = await call('/fhir/Observation/_search', {
      method: 'POST',
      body: 'code=%E0%A4%A',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect(r.status).toBe(400);
  });

  it('refuses a JSON body on POST _search with 415', async () => {
    const r = await call('/fhir/Observation/_search', { method: 'POST', body: '{}', headers: { 'content-type': 'application/json' } });
    expect(r.status).toBe(415);
  });

  it('asks for JSON only: an XML Accept gets 406', async () => {
    const r = await call(`/fhir/Patient/${smith}`, { headers: { accept: 'application/fhir+xml' } });
    expect(r.status).toBe(406);
  });
});
