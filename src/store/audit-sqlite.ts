import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { VoileError } from '../errors.js';
import type { AuditOutcome, AuditInteraction, AuditRecord } from '../audit/record.js';
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

interface PendingAppend {
  readonly record: AuditRecord;
  readonly resolve: () => void;
  readonly reject: (err: unknown) => void;
}

/**
 * Embedded audit trail. Append-only is enforced by the database itself (triggers abort any UPDATE
 * or DELETE), not only by this class. WAL with `synchronous = NORMAL`.
 *
 * Appends are batched per event-loop turn: the records appended during one turn are written in one
 * transaction by a `setImmediate` callback, and each `append` promise settles when its record is
 * committed (or failed). One commit per turn instead of one per request is what makes the audit
 * cheap under load (each commit rewrites the table, index and sequence pages into the WAL).
 * Durability: a record is in memory only until the end of the turn it was appended in, so a crash
 * of the process loses at most the records of that one turn (responses already sent); a power loss
 * may lose the last few milliseconds of commits (WAL, synchronous = NORMAL). `query` and `close`
 * write what is pending first.
 */
export class SqliteAuditStore implements AuditStore {
  readonly #db: Database.Database;
  readonly #insert: Database.Statement;
  readonly #insertBatch: (records: readonly AuditRecord[]) => void;
  #pending: PendingAppend[] = [];
  #flushScheduled = false;
  #closed = false;

  constructor(path: string) {
    if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
    this.#db = new Database(path);
    this.#db.pragma('journal_mode = WAL');
    this.#db.pragma('synchronous = NORMAL');
    this.#db.pragma('busy_timeout = 5000');
    this.#db.exec(`
      CREATE TABLE IF NOT EXISTS audit_event (
        seq INTEGER PRIMARY KEY AUTOINCREMENT,
        id TEXT NOT NULL UNIQUE,
        recorded TEXT NOT NULL,
        client_id TEXT,
        policy TEXT,
        method TEXT NOT NULL,
        interaction TEXT NOT NULL,
        route TEXT,
        resource_type TEXT,
        status INTEGER NOT NULL,
        outcome TEXT NOT NULL,
        error_code TEXT,
        returned TEXT NOT NULL,
        duration_ms REAL NOT NULL,
        upstream_latency_ms REAL,
        request_id TEXT NOT NULL
      );
      CREATE INDEX IF NOT EXISTS audit_event_recorded ON audit_event (recorded);
      CREATE INDEX IF NOT EXISTS audit_event_client ON audit_event (client_id, seq);
      CREATE TRIGGER IF NOT EXISTS audit_event_no_update BEFORE UPDATE ON audit_event
        BEGIN SELECT RAISE(ABORT, 'audit records are append-only'); END;
      CREATE TRIGGER IF NOT EXISTS audit_event_no_delete BEFORE DELETE ON audit_event
        BEGIN SELECT RAISE(ABORT, 'audit records are append-only'); END;
    `);
    this.#insert = this.#db.prepare(`INSERT INTO audit_event
      (id, recorded, client_id, policy, method, interaction, route, resource_type, status, outcome, error_code, returned, duration_ms, upstream_latency_ms, request_id)
      VALUES (@id, @recorded, @clientId, @policy, @method, @interaction, @route, @resourceType, @status, @outcome, @errorCode, @returned, @durationMs, @upstreamLatencyMs, @requestId)`);
    this.#insertBatch = this.#db.transaction((records: readonly AuditRecord[]) => {
      for (const record of records) this.#insertOne(record);
    });
  }

  append(record: AuditRecord): Promise<void> {
    if (this.#closed) return Promise.reject(new VoileError('INTERNAL', 'The audit store is closed'));
    return new Promise((resolve, reject) => {
      this.#pending.push({ record, resolve, reject });
      if (!this.#flushScheduled) {
        this.#flushScheduled = true;
        setImmediate(() => this.#flush());
      }
    });
  }

  /** Writes every pending record: one transaction, or one by one if that fails (each its own outcome). */
  #flush(): void {
    this.#flushScheduled = false;
    const batch = this.#pending;
    if (batch.length === 0) return;
    this.#pending = [];
    try {
      this.#insertBatch(batch.map((p) => p.record));
      for (const p of batch) p.resolve();
      return;
    } catch {
      // The transaction rolled back whole: a bad record must not take the others with it.
    }
    for (const p of batch) {
      try {
        this.#insertOne(p.record);
        p.resolve();
      } catch (err) {
        p.reject(err);
      }
    }
  }

  #insertOne(record: AuditRecord): void {
    this.#insert.run({ ...record, returned: JSON.stringify(record.returned) });
  }

  async query(q: AuditQuery): Promise<StoredAuditRecord[]> {
    this.#flush();
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
    this.#flush();
    this.#closed = true;
    this.#db.close();
  }
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
