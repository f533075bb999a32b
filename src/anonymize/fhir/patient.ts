import { parseReference } from './references.js';

/**
 * Finds the real patient a resource belongs to (its patient compartment), before anything is
 * pseudonymized, so that every date of that patient moves by the same offset. The elements are
 * those of the R4 patient CompartmentDefinition that point at the patient herself.
 */
const PATIENT_ELEMENTS: readonly string[] = ['subject', 'patient', 'beneficiary', 'individual', 'who', 'entity'];

const BY_TYPE: Readonly<Record<string, readonly string[]>> = {
  Coverage: ['beneficiary', 'subscriber', 'policyHolder'],
  Group: [],
  Provenance: ['patient'],
  Person: [],
};

/** `uuidTargets` maps `urn:uuid:` fullUrls of a Bundle to the real id of the Patient they name. */
export function findPatientId(resource: Record<string, unknown>, uuidTargets?: ReadonlyMap<string, string>): string | undefined {
  const type = resource['resourceType'];
  if (type === 'Patient') return typeof resource['id'] === 'string' ? resource['id'] : undefined;
  const elements = BY_TYPE[type as string] ?? PATIENT_ELEMENTS;
  for (const name of elements) {
    const value = resource[name];
    const candidates = Array.isArray(value) ? value : [value];
    for (const candidate of candidates) {
      const id = patientIdOf(candidate, uuidTargets);
      if (id !== undefined) return id;
    }
  }
  return undefined;
}

function patientIdOf(value: unknown, uuidTargets?: ReadonlyMap<string, string>): string | undefined {
  if (value === null || typeof value !== 'object') return undefined;
  const reference = (value as { reference?: unknown }).reference;
  if (typeof reference !== 'string') return undefined;
  const parsed = parseReference(reference);
  if (parsed.kind === 'literal' && parsed.type === 'Patient') return parsed.id;
  if (parsed.kind === 'uuid') return uuidTargets?.get(`urn:uuid:${parsed.uuid}`);
  return undefined;
}
