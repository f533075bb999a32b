import type { Worker } from 'node:worker_threads';
import type Database from 'better-sqlite3';
import { VoileError } from '../errors.js';
import type { AuditOutcome, AuditInteraction, AuditRecord } from '../audit/record.js';
import { spawnModuleWorker } from '../util/spawn-worker.js';
import { auditBatchWriter, openAuditDatabase } from './audit-sqlite-schema.js';
import type { BatchWritten, WriteBatch } from './audit-sqlite-writer.js';
import type { AuditQuery, AuditStore, StoredAuditRecord } from './audit-store.js';

interface Row {
  seq: number;
  id: string;
  recorded: string;
  client_id: string | null;
  policy: string | null;
  method: string;
  interaction: string;
  route: string | null;
  resource_type: string | null;
  status: number;
  outcome: string;
  error_code: string | null;
  returned: string;
  duration_ms: number;
  upstream_latency_ms: number | null;
  request_id: string;
}

/** How long appended records wait to be sent to the writer thread together (a crash loses at most these). */
const BATCH_WINDOW_MS = 5;

interface PendingAppend {
  readonly record: AuditRecord;
  readonly resolve: () => void;
  readonly reject: (err: unknown) => void;
}

/**
 * Embedded audit trail (schema and append-only triggers: src/store/audit-sqlite-schema.ts).
 *
 * Appends are batched: the records appended within a 5 ms window are written in one
 * transaction (by the writer thread, src/store/audit-sqlite-writer.ts), and while that batch is
 * being written the next records wait and go as the next batch (group commit). Each `append`
 * promise settles when its record is committed (or failed). One commit per batch instead of one
 * per request is what makes the audit cheap under load (each commit rewrites the table, index and
 * sequence pages into the WAL). Durability: a record is in memory only until its batch is committed, so a
 * crash of the process loses at most the records of the last 5 ms and of the batches in flight (responses already
 * sent); a power loss may lose the last few milliseconds of commits (WAL, synchronous = NORMAL).
 * `query` and `close` wait for every pending record first. If the writer thread dies, the records
 * in flight fail (the audit hook logs it) and the next batch starts a new thread.
 */
export class SqliteAuditStore implements AuditStore {
  readonly #db: Database.Database;
  readonly #path: string;
  readonly #inThread: ((records: readonly AuditRecord[]) => number[]) | undefined;
  #writer: Worker | undefined;
  #pending: PendingAppend[] = [];
  #flushScheduled = false;
  #closed = false;
  /** Batches sent to the writer thread, oldest first: it answers them in the order it got them. */
  #inFlight: PendingAppend[][] = [];
  #idleWaiters: (() => void)[] = [];

  constructor(path: string) {
    this.#path = path;
    // The schema is created here, synchronously, so the writer thread never races a query.
    this.#db = openAuditDatabase(path);
    // `:memory:` is written in-thread: a second thread would open another, empty database.
    this.#inThread = path === ':memory:' ? auditBatchWriter(this.#db) : undefined;
  }

  append(record: AuditRecord): Promise<void> {
    if (this.#closed) return Promise.reject(new VoileError('INTERNAL', 'The audit store is closed'));
    return new Promise((resolve, reject) => {
      this.#pending.push({ record, resolve, reject });
      this.#scheduleFlush();
    });
  }

  /**
   * In-thread (`:memory:`): at the end of this event-loop turn. Writer thread: after a window of
   * BATCH_WINDOW_MS, so that a batch gathers the records of several turns — one message, one
   * structured clone and one commit for all of them (the batch of one turn held 1–4 records under
   * load, and its `postMessage` was ~4 % of the serving thread's profile).
   */
  #scheduleFlush(): void {
    if (this.#flushScheduled || this.#pending.length === 0) return;
    this.#flushScheduled = true;
    if (this.#inThread !== undefined) setImmediate(() => this.#flush());
    else setTimeout(() => this.#flush(), BATCH_WINDOW_MS);
  }

  /** After a batch: at once when `query` or `close` waits for every record, else after the window. */
  #sendWaiting(): void {
    if (this.#idleWaiters.length > 0) this.#flush();
    else this.#scheduleFlush();
  }

  /**
   * Sends every pending record to be written, as one batch — unless a batch is being written:
   * then they wait for its answer and go together (group commit). Under load the batches grow
   * with the load instead of one transaction and one message per event-loop turn.
   */
  #flush(): void {
    this.#flushScheduled = false;
    if (this.#pending.length === 0) return;
    if (this.#inThread === undefined && this.#inFlight.length > 0) return;
    const batch = this.#pending;
    this.#pending = [];
    const records = batch.map((p) => p.record);
    if (this.#inThread !== undefined) {
      settle(batch, this.#inThread(records));
      return;
    }
    this.#inFlight.push(batch);
    const writer = this.#writerThread();
    writer.ref(); // a batch in flight keeps the process alive until it is committed
    writer.postMessage({ records } satisfies WriteBatch);
  }

  #writerThread(): Worker {
    if (this.#writer !== undefined) return this.#writer;
    const writer = spawnModuleWorker(import.meta.url, 'audit-sqlite-writer', { workerData: { path: this.#path } });
    writer.on('message', (message: BatchWritten) => {
      const batch = this.#inFlight.shift();
      if (batch === undefined) return;
      settle(batch, message.failed);
      this.#sendWaiting(); // the records that waited for this batch
      this.#afterBatch(writer);
    });
    const fail = () => {
      if (this.#writer !== writer) return;
      this.#writer = undefined;
      const lost = this.#inFlight.flat();
      this.#inFlight = [];
      for (const p of lost) p.reject(new VoileError('INTERNAL', 'The audit record could not be written'));
      this.#sendWaiting(); // records that waited go to a new thread
      this.#afterBatch(writer);
    };
    writer.on('error', fail);
    writer.on('exit', fail);
    this.#writer = writer;
    return writer;
  }

  #afterBatch(writer: Worker): void {
    if (this.#inFlight.length > 0) return;
    writer.unref(); // idle: the writer thread alone does not keep the process alive
    for (const wake of this.#idleWaiters.splice(0)) wake();
  }

  /** Every record appended so far is committed or failed. */
  async #settled(): Promise<void> {
    this.#flush();
    if (this.#inFlight.length === 0) return;
    await new Promise<void>((resolve) => this.#idleWaiters.push(resolve));
  }

  async query(q: AuditQuery): Promise<StoredAuditRecord[]> {
    await this.#settled();
    const where: string[] = [];
    const params: Record<string, string | number> = { limit: Math.max(0, Math.floor(q.limit)) };
    if (q.afterSeq !== undefined) {
      where.push('seq > @afterSeq');
      params.afterSeq = q.afterSeq;
    }
    if (q.since !== undefined) {
      where.push('recorded >= @since');
      params.since = q.since;
    }
    if (q.until !== undefined) {
      where.push('recorded < @until');
      params.until = q.until;
    }
    if (q.clientId !== undefined) {
      where.push('client_id = @clientId');
      params.clientId = q.clientId;
    }
    if (q.policy !== undefined) {
      where.push('policy = @policy');
      params.policy = q.policy;
    }
    const sql = `SELECT * FROM audit_event ${where.length > 0 ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY seq LIMIT @limit`;
    const rows = this.#db.prepare(sql).all(params) as Row[];
    return rows.map((row) => ({ seq: row.seq, record: fromRow(row) }));
  }

  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    await this.#settled();
    const writer = this.#writer;
    this.#writer = undefined;
    if (writer !== undefined) await writer.terminate();
    this.#db.close();
  }
}

function settle(batch: readonly PendingAppend[], failed: readonly number[]): void {
  // Group commit makes batches as large as the load; a failed one lists every index.
  const failedSet = new Set(failed);
  batch.forEach((p, index) => (failedSet.has(index) ? p.reject(new VoileError('INTERNAL', 'The audit record could not be written')) : p.resolve()));
}

function fromRow(row: Row): AuditRecord {
  return {
    id: row.id,
    recorded: row.recorded,
    clientId: row.client_id,
    policy: row.policy,
    method: row.method,
    interaction: row.interaction as AuditInteraction,
    route: row.route,
    resourceType: row.resource_type,
    status: row.status,
    outcome: row.outcome as AuditOutcome,
    errorCode: row.error_code,
    returned: JSON.parse(row.returned) as Record<string, number>,
    durationMs: row.duration_ms,
    upstreamLatencyMs: row.upstream_latency_ms,
    requestId: row.request_id,
  };
}
