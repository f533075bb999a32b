import type { Patient } from '@medplum/fhirtypes';
import { describe, expect, it } from 'vitest';
import { anonymize, profile } from './helpers.js';

const V3 = 'http://terminology.hl7.org/CodeSystem/v3-ObservationValue';
const patient: Patient = {
  resourceType: 'Patient',
  id: 'p1',
  meta: { security: [{ system: 'http://terminology.hl7.org/CodeSystem/v3-Confidentiality', code: 'R' }] },
  text: { status: 'generated', div: '<div xmlns="http://www.w3.org/1999/xhtml">Anne Martin</div>' },
  gender: 'female',
  birthDate: '1970-01-02',
  name: [{ family: 'Martin' }],
};

describe('narrative', () => {
  it('is removed by default, even under a keep of the whole resource', async () => {
    const out = await anonymize(profile([{ path: 'Patient', method: 'keep' }]), patient);
    expect(out?.['text']).toBeUndefined();
    expect(JSON.stringify(out)).not.toContain('Anne');
  });

  it('is regenerated as a generic statement when the profile asks', async () => {
    const out = await anonymize(profile([{ path: 'Patient', method: 'keep' }], { narrative: 'generated' }), patient);
    expect(out?.['text']).toEqual({ status: 'generated', div: expect.stringContaining('anonymized by Voile') });
    expect(JSON.stringify(out?.['text'])).not.toContain('Martin');
  });
});

describe('meta.security', () => {
  const codes = (out: Record<string, unknown> | undefined) =>
    ((out?.['meta'] as { security?: { system?: string; code: string }[] })?.security ?? []).filter((c) => c.system === V3).map((c) => c.code);

  it('records what was done: PSEUDED, REDACTED, ABSTRED, PERTURBED, MASKED', async () => {
    const out = await anonymize(
      profile([
        { path: 'Resource.id', method: 'pseudonymize' },
        { path: 'Patient.birthDate', method: 'generalize', cases: { true: '%value.toString().substring(0,4)' } },
        { path: 'Patient.gender', method: 'substitute', replaceWith: 'unknown' },
      ]),
      patient,
    );
    expect(codes(out)).toEqual(['PSEUDED', 'REDACTED', 'ABSTRED', 'MASKED']);
    const shifted = await anonymize(profile([{ path: 'Patient.birthDate', method: 'dateshift' }]), patient);
    expect(codes(shifted)).toContain('PERTURBED');
  });

  it('keeps existing labels a rule keeps and adds no duplicates', async () => {
    const out = await anonymize(profile([{ path: 'Resource.meta.security', method: 'keep' }, { path: 'Patient.name', method: 'redact' }]), patient);
    const security = (out?.['meta'] as { security: { code: string }[] }).security;
    expect(security[0]).toEqual({ system: 'http://terminology.hl7.org/CodeSystem/v3-Confidentiality', code: 'R' });
    expect(security.filter((c) => c.code === 'REDACTED')).toHaveLength(1);
  });

  it('adds nothing when nothing was changed', async () => {
    const out = await anonymize(profile([{ path: 'Patient.gender', method: 'keep' }]), { resourceType: 'Patient', gender: 'male' });
    expect(out).toEqual({ resourceType: 'Patient', gender: 'male' });
  });
});
