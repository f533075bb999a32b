import type pg from 'pg';
import type { AuditInteraction, AuditOutcome, AuditRecord } from '../audit/record.js';
import type { AuditQuery, AuditStore, StoredAuditRecord } from './audit-store.js';
import { checkedTableName, lazySchema, openPool } from './postgres-shared.js';

export interface PostgresAuditStoreOptions {
  /** libpq connection string, e.g. `postgres://voile@db/voile`. Password preferably from PGPASSWORD. */
  readonly connectionString: string;
  /** Pool size. Default 4. */
  readonly maxConnections?: number;
  /** Table name (schema-qualified allowed). Default `voile_audit_event`. */
  readonly table?: string;
}

interface Row {
  seq: string;
  id: string;
  recorded: Date;
  client_id: string | null;
  policy: string | null;
  method: string;
  interaction: string;
  route: string | null;
  resource_type: string | null;
  status: number;
  outcome: string;
  error_code: string | null;
  returned: Record<string, number>;
  duration_ms: number;
  upstream_latency_ms: number | null;
  request_id: string;
}

/**
 * The audit trail in PostgreSQL, for deployments with several replicas. Same contract as the
 * embedded store: append-only enforced by the database (a trigger rejects UPDATE, DELETE and
 * TRUNCATE), records paged by an ever-increasing sequence number.
 */
export class PostgresAuditStore implements AuditStore {
  readonly #pool: pg.Pool;
  readonly #table: string;
  /** Creates the table and its guards if needed; called lazily by the first operation. */
  readonly init: () => Promise<void>;

  constructor(options: PostgresAuditStoreOptions) {
    this.#table = checkedTableName(options.table ?? 'voile_audit_event', 'audit');
    this.#pool = openPool(options.connectionString, options.maxConnections ?? 4);
    this.init = lazySchema(() => this.#createSchema());
  }

  async append(record: AuditRecord): Promise<void> {
    await this.init();
    await this.#pool.query(
      `INSERT INTO ${this.#table}
        (id, recorded, client_id, policy, method, interaction, route, resource_type, status, outcome, error_code, returned, duration_ms, upstream_latency_ms, request_id)
        VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15)`,
      [
        record.id,
        record.recorded,
        record.clientId,
        record.policy,
        record.method,
        record.interaction,
        record.route,
        record.resourceType,
        record.status,
        record.outcome,
        record.errorCode,
        JSON.stringify(record.returned),
        record.durationMs,
        record.upstreamLatencyMs,
        record.requestId,
      ],
    );
  }

  async query(q: AuditQuery): Promise<StoredAuditRecord[]> {
    await this.init();
    const where: string[] = [];
    const values: unknown[] = [];
    const add = (sql: string, value: unknown) => {
      values.push(value);
      where.push(sql.replace('?', `$${values.length}`));
    };
    if (q.afterSeq !== undefined) add('seq > ?', q.afterSeq);
    if (q.since !== undefined) add('recorded >= ?', q.since);
    if (q.until !== undefined) add('recorded < ?', q.until);
    if (q.clientId !== undefined) add('client_id = ?', q.clientId);
    if (q.policy !== undefined) add('policy = ?', q.policy);
    values.push(Math.max(0, Math.floor(q.limit)));
    const sql = `SELECT * FROM ${this.#table} ${where.length > 0 ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY seq LIMIT $${values.length}`;
    const { rows } = await this.#pool.query<Row>(sql, values);
    return rows.map((row) => ({ seq: Number(row.seq), record: fromRow(row) }));
  }

  async close(): Promise<void> {
    await this.#pool.end();
  }

  async #createSchema(): Promise<void> {
    const t = this.#table;
    const guard = `${t.replace('.', '_')}_append_only`;
    // One implicit transaction (simple protocol), serialised across replicas starting together.
    await this.#pool.query(`
      SELECT pg_advisory_xact_lock(874120331);
      CREATE TABLE IF NOT EXISTS ${t} (
        seq BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        id UUID NOT NULL UNIQUE,
        recorded TIMESTAMPTZ NOT NULL,
        client_id TEXT,
        policy TEXT,
        method TEXT NOT NULL,
        interaction TEXT NOT NULL,
        route TEXT,
        resource_type TEXT,
        status INTEGER NOT NULL,
        outcome TEXT NOT NULL,
        error_code TEXT,
        returned JSONB NOT NULL,
        duration_ms DOUBLE PRECISION NOT NULL,
        upstream_latency_ms DOUBLE PRECISION,
        request_id TEXT NOT NULL
      );
      CREATE INDEX IF NOT EXISTS ${t.replace('.', '_')}_recorded ON ${t} (recorded);
      CREATE INDEX IF NOT EXISTS ${t.replace('.', '_')}_client ON ${t} (client_id, seq);
      CREATE OR REPLACE FUNCTION ${guard}() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN RAISE EXCEPTION 'audit records are append-only'; END $$;
      DROP TRIGGER IF EXISTS ${guard} ON ${t};
      CREATE TRIGGER ${guard} BEFORE UPDATE OR DELETE ON ${t} FOR EACH ROW EXECUTE FUNCTION ${guard}();
      DROP TRIGGER IF EXISTS ${guard}_truncate ON ${t};
      CREATE TRIGGER ${guard}_truncate BEFORE TRUNCATE ON ${t} FOR EACH STATEMENT EXECUTE FUNCTION ${guard}();
    `);
  }
}

function fromRow(row: Row): AuditRecord {
  return {
    id: row.id,
    recorded: row.recorded.toISOString(),
    clientId: row.client_id,
    policy: row.policy,
    method: row.method,
    interaction: row.interaction as AuditInteraction,
    route: row.route,
    resourceType: row.resource_type,
    status: row.status,
    outcome: row.outcome as AuditOutcome,
    errorCode: row.error_code,
    returned: row.returned,
    durationMs: row.duration_ms,
    upstreamLatencyMs: row.upstream_latency_ms,
    requestId: row.request_id,
  };
}
