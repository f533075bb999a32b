import type { FhirAnonymizer } from '../anonymize/fhir/api.js';
import type { TextDeidentifier } from '../anonymize/text/api.js';
import type { Identity } from '../identity/index.js';
import type { Policy } from './types.js';

/**
 * A policy ready to serve: its validated data plus the compiled engines and the identity domain it
 * uses. Built once at start-up by src/policy/registry.ts; transports only read it.
 */
export interface ResolvedPolicy {
  readonly name: string;
  readonly policy: Policy;
  readonly identity: Identity;
  readonly fhir: FhirAnonymizer;
  readonly text: TextDeidentifier;
}

export interface PolicyRegistry {
  get(name: string): ResolvedPolicy | undefined;
  all(): readonly ResolvedPolicy[];
}
