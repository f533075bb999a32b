import { describe, expect, it } from 'vitest';
import { Tags, dicomDeidentifierForPolicy } from '../../src/anonymize/dicom/index.js';
import { fixture, inject, makeIdentity, reread, str, valueAt } from './helpers.js';
import { testPolicy } from './gateway.js';

function instance(patientId: string, issuer: string): Buffer {
  return inject(fixture('CT_small.dcm'), str(Tags.PatientID, 'LO', patientId), str(Tags.IssuerOfPatientID, 'LO', issuer));
}

describe('policy patient linkage', () => {
  it('PatientID-is-FHIR-identifier asks the FHIR side, only for the configured issuer', async () => {
    const identity = makeIdentity();
    const asked: string[] = [];
    const policy = testPolicy(identity, { patientLinkage: { map: 'PatientID-is-FHIR-identifier', system: 'urn:oid:1.2.250.1', issuer: 'CHU' } });
    const d = dicomDeidentifierForPolicy(policy, async (p, system, value) => {
      asked.push(`${system}|${value}`);
      expect(p).toBe(policy);
      return value === 'IPP-7' ? 'fhir-7' : undefined;
    });
    const linked = reread((await d.part10(instance('IPP-7', 'CHU'))).chunks).dataset;
    expect(valueAt(linked, Tags.PatientID)).toBe(identity.patientPseudonym('fhir-7'));
    const otherIssuer = reread((await d.part10(instance('IPP-7', 'ELSEWHERE'))).chunks).dataset;
    expect(valueAt(otherIssuer, Tags.PatientID)).toBe(identity.patientPseudonym('dicom:ELSEWHERE:IPP-7'));
    const unknown = reread((await d.part10(instance('IPP-8', 'CHU'))).chunks).dataset;
    expect(valueAt(unknown, Tags.PatientID)).toBe(identity.patientPseudonym('dicom:CHU:IPP-8'));
    expect(asked).toEqual(['urn:oid:1.2.250.1|IPP-7', 'urn:oid:1.2.250.1|IPP-8']);
  });

  it('the policy options, allowlist and burned-in choice apply', async () => {
    const identity = makeIdentity();
    const d = dicomDeidentifierForPolicy(testPolicy(identity, { options: ['retainUIDs'], allowBurnedIn: true }));
    const out = reread((await d.part10(fixture('SC_rgb_small_odd.dcm'))).chunks).dataset;
    expect(valueAt(out, Tags.SOPInstanceUID)).not.toMatch(/^2\.25\./);
    // An unknown option fails when the de-identifier is built (start-up), not on the first file.
    expect(() => dicomDeidentifierForPolicy(testPolicy(identity, { options: ['noSuchOption'] }))).toThrow(expect.objectContaining({ code: 'POLICY_INVALID' }));
  });
});
