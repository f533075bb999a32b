import type { FastifyRequest } from 'fastify';
import type { LoggerOptions } from 'pino';
import type { Principal } from '../auth/principal.js';
import type { PolicyRegistry } from '../policy/runtime.js';
import type { FhirUpstreamOptions } from '../upstream/fhir-upstream.js';

/** Everything `buildGateway` needs; the config loader (src/config) builds it from voile.yaml. */
export interface GatewayOptions {
  /**
   * The URL partners use to reach the gateway, e.g. `https://voile.example`; every `fullUrl` and
   * paging link is built on it (never on the request's Host header, which a client controls).
   * When absent, the address the server is bound to is used (`http://127.0.0.1:PORT`): fine on
   * loopback, wrong behind a proxy or on 0.0.0.0, where it must be configured.
   */
  readonly publicBaseUrl?: string;
  readonly upstream: {
    readonly fhir: UpstreamFhirOptions;
  };
  readonly registry: PolicyRegistry;
  /**
   * Who is calling. The auth plugin supplies it (bearer validation + policy binding); the embedded
   * demo uses `fixedPolicyAuthenticator`. Throws a VoileError (UNAUTHENTICATED, NO_POLICY…) to refuse.
   */
  readonly authenticate: (request: FastifyRequest) => Promise<Principal>;
  readonly limits?: GatewayLimits;
  /** pino options, or false for no logging. Default: info level. */
  readonly logger?: LoggerOptions | false;
}

/** Options of the FHIR upstream client (one definition, in src/upstream). */
export type UpstreamFhirOptions = FhirUpstreamOptions;

export interface GatewayLimits {
  /** Largest request body accepted (POST _search). Default 1 MiB. */
  readonly bodyLimitBytes?: number;
  /** `_count` used when a search gives none, and the cap when the policy sets no maxCount. Default 50 / 200. */
  readonly defaultCount?: number;
  readonly maxCount?: number;
  /** How long a paging cursor stays valid. Default 3600 s. */
  readonly cursorTtlSeconds?: number;
}
