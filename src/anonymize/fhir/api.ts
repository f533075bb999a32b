import type { Resource } from '@medplum/fhirtypes';
import type { Identity } from '../../identity/index.js';
import type { TextDeidentifier } from '../text/api.js';

/**
 * Contract of the FHIR rule engine, shared by the proxy, the batch CLI, Bulk export and avatar mode.
 * The engine knows nothing of HTTP. Everything it is given is real data; everything it returns is
 * anonymized; when it cannot anonymize something it throws a VoileError('ANONYMIZATION_FAILED')
 * whose message carries no data.
 */
export interface FhirAnonymizeDeps {
  readonly identity: Identity;
  readonly text: TextDeidentifier;
}

export interface FhirAnonymizeResult {
  /** The anonymized resource, or undefined when the profile drops it (e.g. an unknown modifierExtension). */
  readonly resource: Resource | undefined;
}

export interface FhirAnonymizer {
  /** Anonymizes one resource (a Bundle's entries included, with their fullUrls). */
  anonymize(resource: Resource): Promise<FhirAnonymizeResult>;
  /**
   * Several resources at once (a search page), results in the same order; fails whole if any one
   * fails. Optional: an anonymizer without it is called once per resource.
   */
  anonymizeMany?(resources: readonly Resource[]): Promise<(Resource | undefined)[]>;
  /** Resource types this profile lets out at all (others are dropped). undefined = all. */
  readonly resourceTypes: ReadonlySet<string> | undefined;
  /**
   * True when resources of released types may be withheld depending on whose they are (avatar mode):
   * an upstream's search total would count them, so totals are not relayed.
   */
  readonly withholdsResources?: boolean;
}
