import type { Resource } from '@medplum/fhirtypes';
import { VoileError } from '../errors.js';
import { IdentifyingCollector, type IdentifyingValues } from './cohort/identifying.js';
import { generatePatientRecord } from './cohort/patient-record.js';
import { CohortRandom, type CohortLocale } from './cohort/random.js';
import { generateSites } from './cohort/staff.js';

export type { IdentifyingKind, IdentifyingValue, IdentifyingValues } from './cohort/identifying.js';
export { NAME_KINDS } from './cohort/identifying.js';
export type { CohortLocale } from './cohort/random.js';

export interface CohortOptions {
  /** Same seed, same cohort, byte for byte. Default 42. */
  readonly seed?: number;
  /** Number of patients, half French and half English. Default 120. */
  readonly patients?: number;
}

export interface CohortPatient {
  /** The real (upstream) id of the Patient resource. */
  readonly id: string;
  readonly locale: CohortLocale;
}

export interface Cohort {
  readonly seed: number;
  /** FHIR R4 resources, staff and organizations first, then each patient's record. */
  readonly resources: readonly Resource[];
  /** Every identifying value the generator put into `resources`: the ground truth of leak tests. */
  readonly identifying: IdentifyingValues;
  readonly patients: readonly CohortPatient[];
}

export const MAX_COHORT_PATIENTS = 5000;

/**
 * A realistic, fictitious hospital cohort: patients with French or English identities (alternating,
 * so exactly half each), their encounters, vitals, labs, conditions, prescriptions, clinical notes
 * and imaging studies, plus the hospitals and physicians they refer to.
 */
export function generateCohort(options: CohortOptions = {}): Cohort {
  const seed = options.seed ?? 42;
  const patientCount = options.patients ?? 120;
  if (!Number.isSafeInteger(seed) || seed < 0) {
    throw new VoileError('BAD_REQUEST', 'The cohort seed must be a non-negative integer');
  }
  if (!Number.isInteger(patientCount) || patientCount < 1 || patientCount > MAX_COHORT_PATIENTS) {
    throw new VoileError('BAD_REQUEST', `The cohort size must be an integer between 1 and ${MAX_COHORT_PATIENTS}`);
  }

  const rng = new CohortRandom(seed);
  const identifying = new IdentifyingCollector();
  const sites = generateSites(rng, identifying);
  const resources: Resource[] = sites.flatMap((site) => [site.organization, ...site.practitioners.map((p) => p.resource)]);
  const patients: CohortPatient[] = [];

  for (let i = 0; i < patientCount; i++) {
    const locale: CohortLocale = i % 2 === 0 ? 'fr' : 'en';
    const site = rng.pick(sites.filter((s) => s.locale === locale));
    const record = generatePatientRecord(rng, locale, site, identifying);
    patients.push({ id: record.patient.id, locale });
    resources.push(...record.resources);
  }

  return { seed, resources, identifying: identifying.values(), patients };
}
