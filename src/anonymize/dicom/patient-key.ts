/**
 * The identity-layer key of a DICOM patient that no policy links to a FHIR Patient. A PatientID is
 * only unique together with its IssuerOfPatientID (as a FHIR identifier value is only unique within
 * its system), so the key holds both: `dicom:<issuer>:<PatientID>`. An absent and an empty issuer
 * are the same (DICOM cannot match "no issuer" apart from "any issuer").
 *
 * Both are free text (LO): an issuer is often a URN (`urn:oid:1.2.250…`) and holds colons. The
 * PatientID is the part escaped (`%` → `%25`, `:` → `%3A`) and the last colon is the separator, so
 * two different patients never share a key (and so a pseudonym and a date shift), while the keys —
 * and pseudonyms — of every PatientID without `:` or `%` stay what they always were.
 */
const PREFIX = 'dicom:';

export interface DicomPatient {
  /** IssuerOfPatientID, `''` when absent. */
  readonly issuer: string;
  readonly patientId: string;
}

export function dicomPatientKey(issuer: string | undefined, patientId: string): string {
  return `${PREFIX}${issuer ?? ''}:${patientId.replaceAll('%', '%25').replaceAll(':', '%3A')}`;
}

/** The patient behind a DICOM-only key, or undefined for any other key (a FHIR id, a study key). */
export function parseDicomPatientKey(key: string): DicomPatient | undefined {
  if (!key.startsWith(PREFIX)) return undefined;
  const rest = key.slice(PREFIX.length);
  const colon = rest.lastIndexOf(':');
  if (colon < 0) return undefined;
  const escaped = rest.slice(colon + 1);
  if (escaped === '' || /%(?!25|3A)/i.test(escaped)) return undefined;
  return { issuer: rest.slice(0, colon), patientId: escaped.replace(/%3A/gi, ':').replace(/%25/g, '%') };
}
