import { CACHE_LIMIT, parseReference } from './references.js';
import { rememberBounded } from '../../util/bounded-memo.js';

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

/** What a reference says of a patient: her id, the `urn:uuid:` fullUrl of a Bundle entry, or nothing. */
type PatientPointer = { readonly id: string; readonly fullUrl?: undefined } | { readonly id?: undefined; readonly fullUrl: string } | null;

/**
 * One per engine: the references parsed are memoized (bounded), since the same `subject` recurs
 * across a search page and parsing it is a regex per resource.
 */
export class PatientFinder {
  readonly #pointers = new Map<string, PatientPointer>();

  /** `uuidTargets` maps `urn:uuid:` fullUrls of a Bundle to the real id of the Patient they name. */
  find(resource: Record<string, unknown>, uuidTargets?: ReadonlyMap<string, string>): string | undefined {
    const type = resource['resourceType'];
    if (type === 'Patient') return typeof resource['id'] === 'string' ? resource['id'] : undefined;
    const elements = BY_TYPE[type as string] ?? PATIENT_ELEMENTS;
    for (const name of elements) {
      const value = resource[name];
      const candidates = Array.isArray(value) ? value : [value];
      for (const candidate of candidates) {
        const id = this.#patientIdOf(candidate, uuidTargets);
        if (id !== undefined) return id;
      }
    }
    return undefined;
  }

  #patientIdOf(value: unknown, uuidTargets?: ReadonlyMap<string, string>): string | undefined {
    if (value === null || typeof value !== 'object') return undefined;
    const reference = (value as { reference?: unknown }).reference;
    if (typeof reference !== 'string') return undefined;
    const pointer = this.#pointer(reference);
    if (pointer === null) return undefined;
    // The uuid → patient map is the Bundle's own: looked up per resource, never memoized.
    return pointer.id ?? uuidTargets?.get(pointer.fullUrl);
  }

  #pointer(reference: string): PatientPointer {
    let pointer = this.#pointers.get(reference);
    if (pointer === undefined) {
      pointer = pointerOf(reference);
      rememberBounded(this.#pointers, reference, pointer, CACHE_LIMIT);
    }
    return pointer;
  }
}

function pointerOf(reference: string): PatientPointer {
  const parsed = parseReference(reference);
  if (parsed.kind === 'literal' && parsed.type === 'Patient') return { id: parsed.id };
  if (parsed.kind === 'uuid') return { fullUrl: `urn:uuid:${parsed.uuid}` };
  return null;
}
