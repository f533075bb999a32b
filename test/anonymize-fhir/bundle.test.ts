import type { Bundle } from '@medplum/fhirtypes';
import { describe, expect, it } from 'vitest';
import { searchBundle } from './fixtures.js';
import { anonymize, loadProfile, newIdentity, profile } from './helpers.js';

const rules = profile([
  { path: 'Resource.id', method: 'pseudonymize' },
  { path: "nodesByType('Reference')", method: 'pseudonymize' },
  { path: 'Patient.gender', method: 'keep' },
  { path: 'Observation.status', method: 'keep' },
  { path: 'Observation.code', method: 'keep' },
]);

describe('Bundle', () => {
  it('anonymizes each entry and rewrites fullUrl to match the pseudonymized id', async () => {
    const identity = newIdentity();
    const out = (await anonymize(rules, searchBundle, { identity })) as unknown as Bundle;
    for (const entry of out.entry!) {
      expect(entry.fullUrl).toBe(`${entry.resource!.resourceType}/${entry.resource!.id}`);
    }
    expect(out.entry![0]!.fullUrl).toBe(`Patient/${identity.pseudonymizeId('Patient', 'pat-8842')}`);
    // The reference from the Observation points at the Patient entry's new fullUrl.
    const obs = out.entry![1]!.resource as { subject: { reference: string } };
    expect(obs.subject.reference).toBe(out.entry![0]!.fullUrl);
  });

  it('keeps type, total and entry.search; drops links (they carry upstream URLs and ids)', async () => {
    const out = (await anonymize(rules, searchBundle)) as unknown as Bundle;
    expect(out.type).toBe('searchset');
    expect(out.total).toBe(3);
    expect(out.link).toBeUndefined();
    expect(out.entry!.map((e) => e.search)).toEqual([{ mode: 'include' }, { mode: 'match', score: 1 }, { mode: 'match' }]);
    expect(JSON.stringify(out)).not.toContain('ehr.example.org');
  });

  it('urn:uuid fullUrls and references to them map to the same valid UUID', async () => {
    const uuid = 'urn:uuid:61ebe359-bfdc-4613-8bf2-c5e300945f0a';
    const tx: Bundle = {
      resourceType: 'Bundle',
      type: 'collection',
      entry: [
        { fullUrl: uuid, resource: { resourceType: 'Patient', id: 'p9', gender: 'male' } },
        { fullUrl: 'urn:uuid:0b4c9a0e-1111-4aaa-8bbb-222233334444', resource: { resourceType: 'Observation', status: 'final', code: { text: 'x' }, subject: { reference: uuid }, effectiveDateTime: '2024-01-01' } },
      ],
    };
    const identity = newIdentity();
    const p = profile([...rules.rules, { path: "nodesByType('dateTime')", method: 'dateshift' }]);
    const out = (await anonymize(p, tx, { identity })) as unknown as Bundle;
    const [pat, obs] = out.entry!;
    expect(pat!.fullUrl).toMatch(/^urn:uuid:[0-9a-f-]{36}$/);
    expect(pat!.fullUrl).not.toBe(uuid);
    expect((obs!.resource as { subject: { reference: string } }).subject.reference).toBe(pat!.fullUrl);
    // The urn:uuid subject still puts the Observation in p9's compartment: p9's date shift applies.
    expect((obs!.resource as { effectiveDateTime: string }).effectiveDateTime).toBe(identity.shiftDate('2024-01-01', 'p9'));
  });

  it('drops entries whose type the profile does not release', async () => {
    const out = (await anonymize(loadProfile('research-strict'), {
      resourceType: 'Bundle',
      type: 'searchset',
      entry: [{ resource: { resourceType: 'RelatedPerson', id: 'x', patient: { reference: 'Patient/y' }, name: [{ family: 'Leroy' }] } }, { resource: { resourceType: 'Patient', id: 'y', gender: 'female' } }],
    } as Bundle)) as unknown as Bundle;
    expect(out.entry!.map((e) => e.resource!.resourceType)).toEqual(['Patient']);
  });
});
