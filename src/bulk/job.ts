import { randomBytes } from 'node:crypto';
import type { Principal } from '../auth/principal.js';
import type { VoileError } from '../errors.js';
import type { ExportPlan } from './request.js';

/**
 * One export job, held in memory by the process that runs it. Its id is 128 random bits
 * (base64url): it names the job in URLs and carries no data. A job belongs to the caller that
 * started it (client, policy and patient binding); anyone else is told it does not exist.
 */
export type JobState = 'running' | 'done' | 'failed';

export interface OutputFile {
  readonly type: string;
  /** `1.ndjson`, `2.ndjson`…, or `error.ndjson` for the OperationOutcome of a failed job. */
  readonly name: string;
  readonly count: number;
}

export class ExportJob {
  readonly id = randomBytes(16).toString('base64url');
  readonly owner: string;
  readonly clientId: string;
  readonly plan: ExportPlan;
  /** The gateway URL of the kick-off request, for the manifest. */
  readonly requestUrl: string;
  readonly transactionTime = new Date().toISOString();
  readonly dir: string;
  readonly abort = new AbortController();
  state: JobState = 'running';
  outputs: OutputFile[] = [];
  error: VoileError | undefined;
  written = 0;
  typesDone = 0;
  /** Epoch ms after which the files are gone; set when the job ends. */
  expiresAt = Number.POSITIVE_INFINITY;
  /** Settles when the job has stopped (done, failed or cancelled) and its files are final. */
  finished: Promise<void> = Promise.resolve();

  constructor(principal: Principal, plan: ExportPlan, requestUrl: string, jobsDir: string) {
    this.owner = ownerOf(principal);
    this.clientId = principal.clientId;
    this.plan = plan;
    this.requestUrl = requestUrl;
    this.dir = `${jobsDir}/${this.id}`;
  }

  belongsTo(principal: Principal): boolean {
    return this.owner === ownerOf(principal);
  }

  /** `X-Progress`: Voile's own words and counts, never data. */
  progress(): string {
    return `${this.written} resources written, ${this.typesDone} of ${this.plan.types.length} resource types done`;
  }
}

function ownerOf(principal: Principal): string {
  return JSON.stringify([principal.clientId, principal.policy.name, principal.patientId ?? null]);
}

const JOB_ID = /^[A-Za-z0-9_-]{22}$/;

export function isJobId(value: string): boolean {
  return JOB_ID.test(value);
}
