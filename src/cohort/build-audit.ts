import { outcomeOf, type AuditRecord } from '../audit/record.js';
import { newRecordId } from '../audit/record-id.js';
import type { VoileError } from '../errors.js';

/** What differs between the two ways a cohort build is started (CLI, admin route). */
export interface CohortBuildAudit {
  readonly clientId: string | null;
  readonly policy: string;
  readonly method: string;
  readonly route: string;
  readonly requestId: string;
  /** Undefined when the build succeeded. */
  readonly failure: VoileError | undefined;
  readonly returned: AuditRecord['returned'];
  readonly durationMs: number;
}

/**
 * The audit record of a cohort build, `voile cohort build` and `$rebuild` alike: who, which policy,
 * outcome, counts only (no id, no value).
 */
export function cohortBuildAuditRecord(build: CohortBuildAudit): AuditRecord {
  const status = build.failure?.status ?? 200;
  const errorCode = build.failure?.code ?? null;
  const now = Date.now();
  return {
    id: newRecordId(now),
    recorded: new Date(now).toISOString(),
    clientId: build.clientId,
    policy: build.policy,
    method: build.method,
    interaction: 'admin',
    route: build.route,
    resourceType: 'Patient',
    status,
    outcome: outcomeOf(status, errorCode),
    errorCode,
    returned: build.returned,
    durationMs: build.durationMs,
    upstreamLatencyMs: null,
    requestId: build.requestId,
  };
}
