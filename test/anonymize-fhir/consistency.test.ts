import { describe, expect, it } from 'vitest';
import { condition, encounter, observation, patient, PATIENT_ID, searchBundle } from './fixtures.js';
import { anonymize, loadProfile, newIdentity } from './helpers.js';

const DAY = 86_400_000;

describe('consistency across resources and requests', () => {
  const profile = loadProfile('research-strict');

  it('one patient = one pseudonym in Patient.id and every reference, in every request', async () => {
    const identity = newIdentity();
    const p = await anonymize(profile, patient, { identity });
    const o = (await anonymize(profile, observation, { identity })) as { subject: { reference: string } };
    const c = (await anonymize(profile, condition, { identity })) as { subject: { reference: string } };
    expect(o.subject.reference).toBe(`Patient/${p?.['id']}`);
    expect(c.subject.reference).toBe(`Patient/${p?.['id']}`);
    // Another process with the same secret agrees.
    const again = await anonymize(profile, patient, { identity: newIdentity() });
    expect(again?.['id']).toBe(p?.['id']);
  });

  it('one date shift for all resources of a patient: intervals are kept exactly', async () => {
    const identity = newIdentity();
    const o = (await anonymize(profile, observation, { identity })) as { effectiveDateTime: string };
    const e = (await anonymize(profile, encounter, { identity })) as { period: { start: string; end: string } };
    const shift = identity.dateShiftDays(PATIENT_ID);
    expect(shift).not.toBe(0);
    expect(Date.parse(o.effectiveDateTime) - Date.parse(observation.effectiveDateTime!)).toBe(shift * DAY);
    expect(Date.parse(e.period.start) - Date.parse(encounter.period!.start!)).toBe(shift * DAY);
    expect(Date.parse(e.period.end) - Date.parse(e.period.start)).toBe(Date.parse(encounter.period!.end!) - Date.parse(encounter.period!.start!));
  });

  it('the same resources inside a Bundle get the same output as alone', async () => {
    const identity = newIdentity();
    const bundle = (await anonymize(profile, searchBundle, { identity })) as { entry: { resource: unknown }[] };
    expect(bundle.entry[1]!.resource).toEqual(await anonymize(profile, observation, { identity }));
  });

  it('different patients get different pseudonyms and (almost always) different shifts', async () => {
    const identity = newIdentity();
    const a = await anonymize(profile, patient, { identity });
    const b = await anonymize(profile, { ...patient, id: 'other-patient' }, { identity });
    expect(a?.['id']).not.toBe(b?.['id']);
  });
});
