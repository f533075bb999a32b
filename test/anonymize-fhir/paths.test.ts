import { describe, expect, it } from 'vitest';
import { compileSimplePath, toStandardFhirPath } from '../../src/anonymize/fhir/paths.js';

describe('rule path compilation', () => {
  it.each([
    ['Patient.name.given', { root: 'Patient', steps: [{ kind: 'child', name: 'name' }, { kind: 'child', name: 'given' }], ofType: undefined }],
    ['Resource.id', { root: undefined, steps: [{ kind: 'child', name: 'id' }], ofType: undefined }],
    ["nodesByType('HumanName')", { root: undefined, steps: [{ kind: 'byType', type: 'HumanName' }], ofType: undefined }],
    ["Patient.nodesByType('Address').state", { root: 'Patient', steps: [{ kind: 'byType', type: 'Address' }, { kind: 'child', name: 'state' }], ofType: undefined }],
    ['Observation.value as Quantity', { root: 'Observation', steps: [{ kind: 'child', name: 'value' }], ofType: 'Quantity' }],
    ['Observation.value.ofType(string)', { root: 'Observation', steps: [{ kind: 'child', name: 'value' }], ofType: 'string' }],
    ['Patient', { root: 'Patient', steps: [], ofType: undefined }],
  ])('%s compiles to a matcher (no FHIRPath at run time)', (path, expected) => {
    expect(compileSimplePath(path)).toEqual(expected);
  });

  it.each(["Patient.extension.where(url='x')", 'Patient.name.first()', 'Observation.value.exists()', "Device.where(id.exists()).id"])('%s needs FHIRPath', (path) => {
    expect(compileSimplePath(path)).toBeUndefined();
  });

  it("rewrites Microsoft's nodesByType for fhirpath.js", () => {
    expect(toStandardFhirPath("Patient.nodesByType('Address').where(city='X')")).toBe("Patient.descendants().ofType(Address).where(city='X')");
  });
});
