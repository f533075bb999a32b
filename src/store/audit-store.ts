import type { AuditRecord } from '../audit/record.js';

/**
 * Append-only store of audit records. The embedded default is SQLite (audit-sqlite.ts); a
 * PostgreSQL implementation fills the same interface. Records are never updated or deleted through
 * it; retention is an operator's job on the database itself.
 */
export interface AuditQuery {
  /** Inclusive lower bound on `recorded` (ISO 8601). */
  readonly since?: string;
  /** Exclusive upper bound on `recorded` (ISO 8601). */
  readonly until?: string;
  readonly clientId?: string;
  readonly policy?: string;
  /** Only records after this sequence number (paging). */
  readonly afterSeq?: number;
  /** At most this many records, oldest first. */
  readonly limit: number;
}

export interface StoredAuditRecord {
  /** Position in the append order, for paging. */
  readonly seq: number;
  readonly record: AuditRecord;
}

export interface AuditStore {
  append(record: AuditRecord): Promise<void>;
  query(query: AuditQuery): Promise<StoredAuditRecord[]>;
  close(): Promise<void>;
}

/** For unit tests: nothing survives the process. */
export class MemoryAuditStore implements AuditStore {
  readonly #records: StoredAuditRecord[] = [];

  async append(record: AuditRecord): Promise<void> {
    this.#records.push({ seq: this.#records.length + 1, record: structuredClone(record) });
  }

  async query(q: AuditQuery): Promise<StoredAuditRecord[]> {
    return this.#records
      .filter(({ seq, record: r }) =>
        (q.afterSeq === undefined || seq > q.afterSeq) &&
        (q.since === undefined || r.recorded >= q.since) &&
        (q.until === undefined || r.recorded < q.until) &&
        (q.clientId === undefined || r.clientId === q.clientId) &&
        (q.policy === undefined || r.policy === q.policy))
      .slice(0, q.limit);
  }

  async close(): Promise<void> {}
}
