import type { ResolvedPolicy } from '../../policy/runtime.js';
import { type DicomDeidentifier, type LinkPatient, createDicomDeidentifier } from './deidentifier.js';

/**
 * Looks up the FHIR Patient carrying an identifier (for `patientLinkage.map:
 * PatientID-is-FHIR-identifier`); the gateway's FHIR side supplies it.
 */
export type FindFhirPatientByIdentifier = (policy: ResolvedPolicy, system: string | undefined, value: string) => Promise<string | undefined>;

/** The DICOM de-identifier of a policy (its `dicom` section), as the gateway and the batch CLI build it. */
export function dicomDeidentifierForPolicy(policy: ResolvedPolicy, findFhirPatientByIdentifier?: FindFhirPatientByIdentifier): DicomDeidentifier {
  const dicom = policy.policy.dicom ?? {};
  return createDicomDeidentifier(
    { options: dicom.options ?? [], safePrivate: dicom.safePrivate ?? [], allowBurnedIn: dicom.allowBurnedIn === true },
    { identity: policy.identity, text: policy.text, linkPatient: linkerOf(policy, findFhirPatientByIdentifier) },
  );
}

function linkerOf(policy: ResolvedPolicy, find: FindFhirPatientByIdentifier | undefined): LinkPatient | undefined {
  const linkage = policy.policy.dicom?.patientLinkage;
  if (!linkage) return undefined;
  return async (patientId, issuer) => {
    if (linkage.issuer !== undefined && issuer !== linkage.issuer) return undefined;
    if (linkage.map === 'PatientID-is-FHIR-id') return patientId;
    return find?.(policy, linkage.system, patientId);
  };
}
