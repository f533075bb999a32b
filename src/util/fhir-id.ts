/** A FHIR `id`: 1–64 characters of letters, digits, `-` and `.` (R4 datatype `id`). */
export const FHIR_ID_SOURCE = '[A-Za-z0-9\\-.]{1,64}';

const FHIR_ID = new RegExp(`^${FHIR_ID_SOURCE}$`);

export function isFhirId(value: unknown): value is string {
  return typeof value === 'string' && FHIR_ID.test(value);
}
