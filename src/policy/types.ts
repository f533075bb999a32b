/**
 * Profiles and policies are data (YAML/JSON under profiles/ and policies/), validated against JSON
 * Schemas (src/policy/schemas/) when loaded. These types mirror those schemas.
 */

// ---- FHIR profile (profiles/fhir/*.yaml) -------------------------------------------------------

export type FhirMethod =
  | 'keep'
  | 'redact'
  | 'pseudonymize'
  | 'dateshift'
  | 'generalize'
  | 'perturb'
  | 'substitute'
  | 'cryptoHash'
  | 'encrypt'
  | 'text';

export interface FhirRule {
  /** A FHIRPath expression (`Patient.name`, `nodesByType('HumanName')`, `Observation.value as Quantity`…). */
  readonly path: string;
  readonly method: FhirMethod;
  /** generalize: FHIRPath cases, first true wins; value is a FHIRPath expression computing the output. */
  readonly cases?: Readonly<Record<string, string>>;
  /** generalize: what to do when no case matches: 'redact' (default) or 'keep'. */
  readonly otherValues?: 'redact' | 'keep';
  /** perturb */
  readonly span?: number;
  readonly rangeType?: 'fixed' | 'proportional';
  readonly roundTo?: number;
  /** substitute */
  readonly replaceWith?: unknown;
  /** free-form note shown in docs */
  readonly comment?: string;
}

export interface FhirProfile {
  readonly kind: 'fhir-profile';
  readonly name: string;
  readonly description?: string;
  readonly rules: readonly FhirRule[];
  /** What happens to a resource carrying a modifierExtension no rule keeps. Default 'drop-resource'. */
  readonly unknownModifierExtension?: 'drop-resource' | 'fail';
  /** Narrative (text.div): removed, or regenerated as a generic statement. Default 'remove'. */
  readonly narrative?: 'remove' | 'generated';
  /** Dates of resources outside any patient compartment. Default 'redact'. */
  readonly datesOutsideCompartment?: 'redact' | 'year' | 'keep';
  /** Resource types this profile releases; others are dropped from every response. */
  readonly resourceTypes?: readonly string[];
}

// ---- Policy (policies/*.yaml) -----------------------------------------------------------------

export interface PolicyBinding {
  /** OAuth client ids bound to this policy. */
  readonly clients?: readonly string[];
  /** Any of these scopes binds the policy. */
  readonly scopes?: readonly string[];
  /** All of these claim values must match. */
  readonly claims?: Readonly<Record<string, string>>;
}

export interface Policy {
  readonly kind: 'policy';
  readonly name: string;
  readonly description?: string;
  /** Profile name (file in profiles/fhir without extension) or a path. */
  readonly profile: string;
  /** Identity domain: which secret keys pseudonyms and date shifts. Policies sharing it agree. */
  readonly identity: {
    readonly domain: string;
    readonly maxDateShiftDays?: number;
  };
  readonly fhir?: {
    /** Search parameters partners may use, per resource type; '*' applies to all types. */
    readonly searchParameters?: Readonly<Record<string, readonly string[]>>;
    /** Identity-probing parameters (name, birthdate, identifier…) allowed anyway. Default []. */
    readonly allowIdentitySearch?: readonly string[];
    readonly maxCount?: number;
  };
  readonly dicom?: {
    readonly profile?: string;
    readonly options?: readonly string[];
    readonly allowPixelData?: boolean;
    readonly allowBurnedIn?: boolean;
    /** Retain Safe Private allowlist: `"CREATOR|gggg|ee"` (see docs/dicom.md). */
    readonly safePrivate?: readonly string[];
    /** QIDO match keys refused by default (identity-probing) that this policy allows anyway. */
    readonly allowQueryKeys?: readonly string[];
    /** How a DICOM PatientID finds its FHIR Patient (same pseudonym and date shift). */
    readonly patientLinkage?: {
      readonly map: 'PatientID-is-FHIR-id' | 'PatientID-is-FHIR-identifier';
      /** Only PatientIDs of this IssuerOfPatientID are linked (any issuer when absent). */
      readonly issuer?: string;
      /** FHIR Patient.identifier.system matched for 'PatientID-is-FHIR-identifier'. */
      readonly system?: string;
    };
  };
  readonly text?: {
    readonly lang?: 'fr' | 'en' | 'auto';
    readonly surrogates?: 'realistic' | 'tags';
  };
  readonly bind?: PolicyBinding;
  /** Cohort avatar mode (src/cohort/, docs/cohort.md). */
  readonly avatar?: AvatarSection;
  readonly limits?: {
    readonly requestsPerMinute?: number;
    readonly maxBodyBytes?: number;
  };
}

// ---- Cohort avatar mode (policy `avatar` section, src/cohort/) ---------------------------------

/** How one feature column of a cohort is extracted from a patient's record. */
export type AvatarColumnSource =
  | 'age'
  | 'gender'
  | 'postalRegion'
  | { readonly latestObservation: string }
  | { readonly conditionFlag: string }
  | { readonly count: string };

export interface AvatarColumn {
  readonly name: string;
  readonly kind: 'numeric' | 'categorical';
  readonly source: AvatarColumnSource;
}

export interface AvatarSection {
  /** The cohort: a Patient search (`Patient?...`) or a Group, named by its pseudonym. */
  readonly cohort: { readonly search: string } | { readonly group: string };
  /** Date (YYYY-MM-DD) at which ages are computed. */
  readonly referenceDate: string;
  readonly k: number;
  readonly ncp: number;
  /**
   * Base of the random b^(−rank) weight factor (default 2, the Avatar paper's). Larger values meet
   * the headline metrics (hidden rate, local cloaking) better but put avatars closer to other real
   * records: read the build's report (DCR, linkability, inference) before raising it.
   */
  readonly dominance?: number;
  /** Categorical decoding (default 'most-likely'); 'weighted-draw' keeps rare levels at their frequency. */
  readonly categoricalDecoding?: 'most-likely' | 'weighted-draw';
  readonly columns: readonly AvatarColumn[];
}
