import type { Observation } from '@medplum/fhirtypes';
import { describe, expect, it } from 'vitest';
import { anonymize, newIdentity, OBSERVATION_REQUIRED, profile } from './helpers.js';

const UUID = /^urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const rules = profile([{ path: "nodesByType('Reference')", method: 'pseudonymize' }, ...OBSERVATION_REQUIRED]);

function withSubject(subject: Record<string, unknown>): Observation {
  return { resourceType: 'Observation', status: 'final', code: { text: 'x' }, subject } as Observation;
}

async function subjectOf(subject: Record<string, unknown>, identity = newIdentity()): Promise<unknown> {
  return (await anonymize(rules, withSubject(subject), { identity }))?.['subject'];
}

describe('reference forms under pseudonymize', () => {
  it('relative Type/id → Type/pseudonym', async () => {
    const identity = newIdentity();
    expect(await subjectOf({ reference: 'Patient/123' }, identity)).toEqual({ reference: `Patient/${identity.pseudonymizeId('Patient', '123')}` });
  });

  it('absolute URL → relative Type/pseudonym (no upstream base leaks)', async () => {
    const identity = newIdentity();
    expect(await subjectOf({ reference: 'https://ehr.example.org/fhir/Patient/123' }, identity)).toEqual({ reference: `Patient/${identity.pseudonymizeId('Patient', '123')}` });
  });

  it('versioned Type/id/_history/v keeps its version', async () => {
    const identity = newIdentity();
    expect(await subjectOf({ reference: 'Patient/123/_history/4' }, identity)).toEqual({ reference: `Patient/${identity.pseudonymizeId('Patient', '123')}/_history/4` });
  });

  it('urn:uuid → another valid UUID, the same for the same input', async () => {
    const identity = newIdentity();
    const a = (await subjectOf({ reference: 'urn:uuid:9c1a7d2e-0f4b-4c55-9e2a-6b8d3f1a2c3d' }, identity)) as { reference: string };
    const b = (await subjectOf({ reference: 'urn:uuid:9C1A7D2E-0F4B-4C55-9E2A-6B8D3F1A2C3D' }, identity)) as { reference: string };
    expect(a.reference).toMatch(UUID);
    expect(a.reference).not.toContain('9c1a7d2e');
    expect(b.reference).toBe(a.reference);
  });

  it('contained #id stays a local reference', async () => {
    expect(await subjectOf({ reference: '#p1' })).toEqual({ reference: '#p1' });
  });

  it('identifier-only reference is removed (identifier values never pass)', async () => {
    expect(await subjectOf({ identifier: { system: 'urn:nir', value: '2610475123456' }, display: 'Jeanne Dupont' })).toBeUndefined();
  });

  it('display is dropped, type kept', async () => {
    const identity = newIdentity();
    expect(await subjectOf({ reference: 'Patient/123', type: 'Patient', display: 'Jeanne Dupont', identifier: { value: 'X' } }, identity)).toEqual({
      reference: `Patient/${identity.pseudonymizeId('Patient', '123')}`,
      type: 'Patient',
    });
  });

  it('unparseable reference (not a FHIR literal) is removed', async () => {
    expect(await subjectOf({ reference: 'mailto:jeanne@example.fr' })).toBeUndefined();
  });

  it('a Reference.reference leaf rule rewrites the string the same way', async () => {
    const identity = newIdentity();
    const out = await anonymize(profile([{ path: 'Observation.subject.reference', method: 'pseudonymize' }, ...OBSERVATION_REQUIRED]), withSubject({ reference: 'Patient/9', display: 'X' }), { identity });
    expect(out?.['subject']).toEqual({ reference: `Patient/${identity.pseudonymizeId('Patient', '9')}` });
  });
});

describe('contained resources', () => {
  it('anonymizes contained resources with the same rules and keeps their local ids', async () => {
    const identity = newIdentity();
    const input = {
      resourceType: 'Observation',
      status: 'final',
      code: { text: 'x' },
      contained: [{ resourceType: 'Practitioner', id: 'pr1', name: [{ family: 'Leroy' }], gender: 'male' }],
      performer: [{ reference: '#pr1' }],
      subject: { reference: 'Patient/123' },
    } as Observation;
    const out = await anonymize(profile([{ path: "nodesByType('Reference')", method: 'pseudonymize' }, { path: 'Practitioner.gender', method: 'keep' }, ...OBSERVATION_REQUIRED]), input, { identity });
    expect(out?.['contained']).toEqual([{ resourceType: 'Practitioner', id: 'pr1', gender: 'male' }]);
    expect(out?.['performer']).toEqual([{ reference: '#pr1' }]);
  });
});
