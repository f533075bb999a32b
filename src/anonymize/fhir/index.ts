import type { FhirProfile } from '../../policy/types.js';
import type { FhirAnonymizeDeps, FhirAnonymizer } from './api.js';
import { createVoileAnonymizer } from './engine.js';
import { createMicrosoftAnonymizer, isMicrosoftProfile, type MicrosoftProfile } from './microsoft/engine.js';

export type { FhirAnonymizeDeps, FhirAnonymizeResult, FhirAnonymizer } from './api.js';
export { fromMicrosoftConfig, type MicrosoftProfile } from './microsoft/config.js';
export { ensureFhirSchema } from './schema.js';

/**
 * Builds the anonymizer of a profile. Voile profiles are default-deny; a configuration converted by
 * `fromMicrosoftConfig` keeps Microsoft's own semantics (default keep, their date shift and hashes).
 */
export function createFhirAnonymizer(profile: FhirProfile | MicrosoftProfile, deps: FhirAnonymizeDeps): FhirAnonymizer {
  return isMicrosoftProfile(profile) ? createMicrosoftAnonymizer(profile, deps) : createVoileAnonymizer(profile, deps);
}
