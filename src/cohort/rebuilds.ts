import { randomUUID } from 'node:crypto';
import { VoileError, toVoileError } from '../errors.js';
import type { PolicyRegistry, ResolvedPolicy } from '../policy/runtime.js';
import type { AuditStore } from '../store/audit-store.js';
import type { FhirUpstream } from '../upstream/fhir-upstream.js';
import { cohortBuildAuditRecord } from './build-audit.js';
import { buildCohort, type CohortBuildResult } from './build.js';
import type { AvatarBuildStore } from './store.js';

/**
 * Rebuilds of avatar cohorts requested over HTTP (`POST /admin/cohorts/{policy}/$rebuild`): each one
 * runs `buildCohort` — the very code `voile cohort build` runs — in the background, at most one per
 * policy at a time, and leaves an audit record when it ends (who, which policy, outcome, how many
 * patients; no id, no value). Jobs live in this process's memory: the latest job of each policy is
 * kept so that its status URL answers after it ended; a restart forgets them (the build itself is
 * in the store).
 */
export type RebuildState = 'running' | 'succeeded' | 'failed';

/** What a job tells its requester: aggregates only. */
export interface RebuildStatus {
  readonly job: string;
  readonly policy: string;
  readonly state: RebuildState;
  readonly requestedBy: string;
  readonly startedAt: string;
  readonly finishedAt?: string;
  readonly result?: { readonly patients: number; readonly columns: readonly string[]; readonly builtAt: string };
  /** A Voile error code and its Voile-written message (never an upstream body). */
  readonly error?: { readonly code: string; readonly message: string };
}

export interface CohortRebuildsOptions {
  readonly registry: PolicyRegistry;
  readonly upstream: FhirUpstream;
  readonly store: AvatarBuildStore;
  readonly audit: AuditStore;
  /** Called with a job's failure (already a VoileError: safe to log). */
  readonly onFailure?: (error: VoileError, policy: string) => void;
}

interface Job {
  status: RebuildStatus;
  readonly finished: Promise<void>;
}

export const REBUILD_ROUTE = 'POST /admin/cohorts/:policy/$rebuild';

export class CohortRebuilds {
  readonly #options: CohortRebuildsOptions;
  /** The latest job of each policy (running or ended). */
  readonly #latest = new Map<string, Job>();

  constructor(options: CohortRebuildsOptions) {
    this.#options = options;
  }

  /** The policy, if it is loaded and in avatar mode; NOT_FOUND otherwise (both look the same). */
  avatarPolicy(name: string): ResolvedPolicy {
    const resolved = this.#options.registry.get(name);
    if (!resolved?.policy.avatar) throw new VoileError('NOT_FOUND', 'No avatar cohort is declared under this policy name');
    return resolved;
  }

  /** Starts a rebuild; CONFLICT while one of the same policy runs. */
  start(policyName: string, requestedBy: string): RebuildStatus {
    const resolved = this.avatarPolicy(policyName);
    if (this.#latest.get(policyName)?.status.state === 'running') {
      throw new VoileError('CONFLICT', 'A rebuild of this cohort is already running');
    }
    const started = Date.now();
    const status: RebuildStatus = { job: randomUUID(), policy: policyName, state: 'running', requestedBy, startedAt: new Date(started).toISOString() };
    // The audit record is written before the job says it ended, so whoever saw the end finds it.
    const job: Job = {
      status,
      finished: this.#run(resolved).then(
        async (result) => {
          await this.#audit(status, undefined, result.patients, started);
          job.status = { ...status, state: 'succeeded', finishedAt: new Date().toISOString(), result: { patients: result.patients, columns: result.columns, builtAt: result.builtAt } };
        },
        async (err: unknown) => {
          const error = toVoileError(err);
          this.#options.onFailure?.(error, policyName);
          await this.#audit(status, error, 0, started);
          job.status = { ...status, state: 'failed', finishedAt: new Date().toISOString(), error: { code: error.code, message: error.message } };
        },
      ),
    };
    // Registered before any await, so a second request sees this job running.
    this.#latest.set(policyName, job);
    return status;
  }

  /** A job of this policy by id (the latest job only; older ids are forgotten). */
  status(policyName: string, jobId: string): RebuildStatus | undefined {
    const job = this.#latest.get(policyName);
    return job?.status.job === jobId ? job.status : undefined;
  }

  latest(policyName: string): RebuildStatus | undefined {
    return this.#latest.get(policyName)?.status;
  }

  /** Waits for the running jobs (they fail fast once the upstream client is closed). */
  async settle(): Promise<void> {
    await Promise.allSettled([...this.#latest.values()].map((j) => j.finished));
  }

  async #run(resolved: ResolvedPolicy): Promise<CohortBuildResult> {
    // Deferred to the next turn: the 202 leaves before the first upstream call.
    await new Promise((resolve) => setImmediate(resolve));
    return buildCohort({ policy: resolved.policy, identity: resolved.identity, upstream: this.#options.upstream, store: this.#options.store });
  }

  async #audit(status: RebuildStatus, failure: VoileError | undefined, patients: number, started: number): Promise<void> {
    const record = cohortBuildAuditRecord({
      clientId: status.requestedBy,
      policy: status.policy,
      method: 'POST',
      route: REBUILD_ROUTE,
      requestId: status.job,
      failure,
      returned: failure ? {} : { Patient: patients },
      durationMs: Date.now() - started,
    });
    // An audit store that cannot write must not turn a stored build into a failed job.
    await this.#options.audit.append(record).catch(() => {});
  }
}
