import type {} from 'fastify';
import type { ResolvedPolicy } from '../policy/runtime.js';

/**
 * Who is calling, set on every request by the auth plugin before any route runs. Transports
 * (`/fhir`, `/dicomweb`, bulk) read `request.principal` and never look at tokens themselves.
 */
export interface Principal {
  /** OAuth client id (or 'anonymous-demo' when auth is disabled for the embedded demo). */
  readonly clientId: string;
  /** Granted scopes as received (SMART v2 syntax; v1 `.read` normalised to `.rs`). */
  readonly scopes: readonly string[];
  readonly policy: ResolvedPolicy;
  /** For patient-level scopes: the real id of the only patient this caller may see. */
  readonly patientId?: string;
}

declare module 'fastify' {
  interface FastifyRequest {
    principal?: Principal;
  }
}
