/**
 * What the generator put into the cohort that identifies a person. The leak tests take this list
 * as ground truth: it is written down by the generator at the moment it invents each value, so it
 * owes nothing to the code under test.
 */
export type IdentifyingKind =
  | 'patient-id'
  | 'name'
  | 'contact-name'
  | 'practitioner-name'
  | 'phone'
  | 'email'
  | 'address-line'
  | 'identifier'
  | 'birth-date'
  | 'dicom-uid'
  | 'free-text';

export interface IdentifyingValue {
  readonly kind: IdentifyingKind;
  readonly value: string;
  /** The real id of the patient it belongs to; absent for staff (practitioners). */
  readonly patientId?: string;
}

export type IdentifyingValues = readonly IdentifyingValue[];

/** Kinds that are words of a name: match them case-insensitively and on word boundaries. */
export const NAME_KINDS: ReadonlySet<IdentifyingKind> = new Set(['name', 'contact-name', 'practitioner-name']);

export class IdentifyingCollector {
  readonly #values: IdentifyingValue[] = [];
  readonly #seen = new Set<string>();

  add(kind: IdentifyingKind, value: string, patientId?: string): void {
    const trimmed = value.trim();
    if (trimmed === '') return;
    const key = `${kind}\u0000${trimmed}\u0000${patientId ?? ''}`;
    if (this.#seen.has(key)) return;
    this.#seen.add(key);
    this.#values.push(patientId === undefined ? { kind, value: trimmed } : { kind, value: trimmed, patientId });
  }

  values(): IdentifyingValues {
    return [...this.#values];
  }
}
