import type { Identity } from '../../identity/index.js';
import type { ResolvedPolicy } from '../../policy/runtime.js';
import type { Policy } from '../../policy/types.js';
import type { TextDeidentifier } from '../text/api.js';
import { type DicomDeidentifier, type LinkPatient, createDicomDeidentifier } from './deidentifier.js';

/**
 * Looks up the FHIR Patient carrying an identifier (for `patientLinkage.map:
 * PatientID-is-FHIR-identifier`); the gateway's FHIR side supplies it.
 */
export type FindFhirPatientByIdentifier = (policy: ResolvedPolicy, system: string | undefined, value: string) => Promise<string | undefined>;

/** What a policy's `dicom` section needs around it: the gateway has it from a ResolvedPolicy, the batch CLI builds it. */
export interface DicomPolicyContext {
  readonly identity: Identity;
  readonly text?: TextDeidentifier;
  /**
   * The real id of the FHIR Patient with this identifier, for `PatientID-is-FHIR-identifier`.
   * Absent (the batch CLI has no FHIR server): such patients stay DICOM-only.
   */
  readonly findFhirPatient?: (system: string | undefined, value: string) => Promise<string | undefined>;
}

/**
 * The DICOM de-identifier of a policy's `dicom` section — options, safe-private allowlist,
 * burned-in choice and patient linkage — the one builder behind the gateway and the batch CLI.
 * No section (a bare profile in batch): the Basic Profile alone.
 */
export function dicomDeidentifierFor(dicom: Policy['dicom'] | undefined, context: DicomPolicyContext): DicomDeidentifier {
  const section = dicom ?? {};
  return createDicomDeidentifier(
    { options: section.options ?? [], safePrivate: section.safePrivate ?? [], allowBurnedIn: section.allowBurnedIn === true },
    { identity: context.identity, ...(context.text && { text: context.text }), linkPatient: linkerOf(section.patientLinkage, context.findFhirPatient) },
  );
}

/** The DICOM de-identifier of a served policy (the gateway's). */
export function dicomDeidentifierForPolicy(policy: ResolvedPolicy, findFhirPatientByIdentifier?: FindFhirPatientByIdentifier): DicomDeidentifier {
  return dicomDeidentifierFor(policy.policy.dicom, {
    identity: policy.identity,
    text: policy.text,
    ...(findFhirPatientByIdentifier && { findFhirPatient: (system: string | undefined, value: string) => findFhirPatientByIdentifier(policy, system, value) }),
  });
}

type PatientLinkage = NonNullable<NonNullable<Policy['dicom']>['patientLinkage']>;

function linkerOf(linkage: PatientLinkage | undefined, find: DicomPolicyContext['findFhirPatient']): LinkPatient | undefined {
  if (!linkage) return undefined;
  return async (patientId, issuer) => {
    if (linkage.issuer !== undefined && issuer !== linkage.issuer) return undefined;
    if (linkage.map === 'PatientID-is-FHIR-id') return patientId;
    return find?.(linkage.system, patientId);
  };
}
