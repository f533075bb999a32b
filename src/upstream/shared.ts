import type { FastifyInstance } from 'fastify';
import { VoileError } from '../errors.js';
import type { GatewayMetrics } from '../server/metrics.js';
import type { FhirUpstream } from './fhir-upstream.js';

/**
 * What `buildGateway` shares with the transports registered after it (Bulk export, DICOMweb,
 * cohort admin): its one FHIR upstream client — one pool, one retry policy, failures counted once —
 * its metrics, and the base URL its links use.
 */
export interface GatewayShared {
  readonly fhirUpstream: FhirUpstream;
  readonly metrics: GatewayMetrics;
  /** The configured public base URL, or the bound address once the server listens. */
  readonly publicBaseUrl: () => string;
}

declare module 'fastify' {
  interface FastifyInstance {
    /** Set by buildGateway (src/server/app.ts); read through `gatewayShared`. */
    voileShared?: GatewayShared;
  }
}

export function gatewayShared(app: FastifyInstance): GatewayShared {
  if (app.voileShared === undefined) throw new VoileError('INTERNAL', 'The gateway shares no upstream client: build it with buildGateway');
  return app.voileShared;
}
