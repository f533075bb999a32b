import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import type { AuditRecord } from '../audit/record.js';

/**
 * The embedded audit trail's database: schema, pragmas and the batch insert, shared by the store
 * (schema, queries) and its writer thread (inserts). Append-only is enforced by the database
 * itself: triggers abort any UPDATE or DELETE. WAL with `synchronous = NORMAL`.
 */
export function openAuditDatabase(path: string): Database.Database {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  const db = new Database(path);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma('busy_timeout = 5000');
  db.exec(`
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
  return db;
}

/**
 * Writes records in one transaction, or one by one if that fails, so that a record that cannot be
 * written fails alone. Returns the indexes of the records that were not written.
 */
export function auditBatchWriter(db: Database.Database): (records: readonly AuditRecord[]) => number[] {
  const insert = db.prepare(`INSERT INTO audit_event
    (id, recorded, client_id, policy, method, interaction, route, resource_type, status, outcome, error_code, returned, duration_ms, upstream_latency_ms, request_id)
    VALUES (@id, @recorded, @clientId, @policy, @method, @interaction, @route, @resourceType, @status, @outcome, @errorCode, @returned, @durationMs, @upstreamLatencyMs, @requestId)`);
  const insertOne = (record: AuditRecord) => insert.run({ ...record, returned: JSON.stringify(record.returned) });
  const insertAll = db.transaction((records: readonly AuditRecord[]) => {
    for (const record of records) insertOne(record);
  });
  return (records) => {
    try {
      insertAll(records);
      return [];
    } catch {
      // The transaction rolled back whole: a bad record must not take the others with it.
    }
    const failed: number[] = [];
    records.forEach((record, index) => {
      try {
        insertOne(record);
      } catch {
        failed.push(index);
      }
    });
    return failed;
  };
}
