import { patientCompartmentDefinition, searchParamInfo } from '../fhir/definitions.js';

/**
 * The R4 Patient compartment: for each resource type, the reference search parameters that put a
 * resource in a patient's compartment. Patient- and Group-level exports search each type by these.
 */
let byType: ReadonlyMap<string, readonly string[]> | undefined;

export function patientCompartmentParams(resourceType: string): readonly string[] {
  if (resourceType === 'Patient') return ['_id'];
  return compartment().get(resourceType) ?? [];
}

export function isInPatientCompartment(resourceType: string): boolean {
  return patientCompartmentParams(resourceType).length > 0;
}

function compartment(): ReadonlyMap<string, readonly string[]> {
  if (byType) return byType;
  const map = new Map<string, readonly string[]>();
  // Only reference parameters that can point at a Patient can be searched with Patient/{id}.
  for (const [type, codes] of patientCompartmentDefinition()) {
    const params = codes.filter((code) => {
      const info = searchParamInfo(type, code);
      return info?.type === 'reference' && (info.targets.length === 0 || info.targets.includes('Patient'));
    });
    if (params.length > 0) map.set(type, params);
  }
  byType = map;
  return map;
}
