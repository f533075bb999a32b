import { tmpdir } from 'node:os';
import path from 'node:path';
import type { FastifyRequest } from 'fastify';
import type { Principal } from '../auth/principal.js';
import type { FhirUpstream, FhirUpstreamOptions, UpstreamErrorObserver } from '../upstream/fhir-upstream.js';

/** What `bulkExportPlugin` needs. Register it with `prefix: '/fhir'`, next to the FHIR proxy. */
export interface BulkExportOptions {
  /**
   * The upstream FHIR client: the gateway's own (`gatewayShared(app).fhirUpstream`: one pool, its
   * failures in the gateway's metrics), or options for a client the plugin opens and closes itself.
   */
  readonly upstream: FhirUpstream | FhirUpstreamOptions;
  /** With upstream options only: each upstream failure by kind (metrics). */
  readonly onUpstreamError?: UpstreamErrorObserver;
  /** The gateway's public base URL (no `/fhir`), or a function asked per request. */
  readonly publicBaseUrl: string | (() => string);
  readonly authenticate: (request: FastifyRequest) => Promise<Principal>;
  /** Folder holding one sub-folder per job. Default `$TMPDIR/voile-bulk`. */
  readonly dir?: string;
  /** How long the files of a finished job stay downloadable. Default 3600 s. */
  readonly fileTtlSeconds?: number;
  /** Jobs a client may have running at once. Default 2. */
  readonly maxConcurrentJobsPerClient?: number;
  /** Resources one job may write; beyond, the job fails. Default 1 000 000. */
  readonly maxResourcesPerJob?: number;
  /** `_count` of each upstream page. Default 200. */
  readonly pageSize?: number;
  /** `Retry-After` sent while a job runs. Default 2 s. */
  readonly retryAfterSeconds?: number;
  /** Called once per job that fails to anonymize (metrics). */
  readonly onAnonymizationFailure?: () => void;
}

export interface BulkLimits {
  readonly dir: string;
  readonly fileTtlSeconds: number;
  readonly maxConcurrentJobsPerClient: number;
  readonly maxResourcesPerJob: number;
  readonly pageSize: number;
  readonly retryAfterSeconds: number;
}

export function bulkLimitsOf(options: BulkExportOptions): BulkLimits {
  const limits = {
    dir: path.resolve(options.dir ?? path.join(tmpdir(), 'voile-bulk')),
    fileTtlSeconds: options.fileTtlSeconds ?? 3600,
    maxConcurrentJobsPerClient: options.maxConcurrentJobsPerClient ?? 2,
    maxResourcesPerJob: options.maxResourcesPerJob ?? 1_000_000,
    pageSize: options.pageSize ?? 200,
    retryAfterSeconds: options.retryAfterSeconds ?? 2,
  };
  for (const [name, value] of Object.entries(limits)) {
    if (name !== 'dir' && (typeof value !== 'number' || !Number.isFinite(value) || value <= 0)) {
      throw new RangeError(`bulk export option ${name} must be a positive number`);
    }
  }
  return limits;
}
