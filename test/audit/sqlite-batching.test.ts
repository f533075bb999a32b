import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import type { AuditRecord } from '../../src/audit/record.js';
import { SqliteAuditStore } from '../../src/store/audit-sqlite.js';

const record = (over: Partial<AuditRecord> = {}): AuditRecord => ({
  id: crypto.randomUUID(),
  recorded: '2026-01-02T03:04:05.000Z',
  clientId: 'app-a',
  policy: 'research',
  method: 'GET',
  interaction: 'read',
  route: '/fhir/:type/:id',
  resourceType: 'Patient',
  status: 200,
  outcome: '0',
  errorCode: null,
  returned: { Patient: 1 },
  durationMs: 1.5,
  upstreamLatencyMs: 0.5,
  requestId: 'req-1',
  ...over,
});

/** Rows as another process would see them (a second connection to the same file). */
function countFromOutside(path: string): number {
  const raw = new Database(path, { readonly: true });
  try {
    return (raw.prepare('SELECT count(*) AS n FROM audit_event').get() as { n: number }).n;
  } finally {
    raw.close();
  }
}

describe('SqliteAuditStore batches the appends of one event-loop turn', () => {
  const dirs: string[] = [];
  afterEach(() => {
    for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
  });
  const dbPath = () => {
    const dir = mkdtempSync(join(tmpdir(), 'voile-audit-batch-'));
    dirs.push(dir);
    return join(dir, 'audit.db');
  };

  it('an append settles only once its record is committed, visible to another connection', async () => {
    const path = dbPath();
    const store = new SqliteAuditStore(path);
    const appends = [store.append(record()), store.append(record()), store.append(record())];
    expect(countFromOutside(path)).toBe(0); // still this turn: nothing written yet
    await Promise.all(appends);
    expect(countFromOutside(path)).toBe(3);
    await store.close();
  });

  it('a record that cannot be written fails alone; the rest of its batch is committed', async () => {
    const path = dbPath();
    const store = new SqliteAuditStore(path);
    const duplicate = record();
    await store.append(duplicate);
    const results = await Promise.allSettled([store.append(record({ requestId: 'a' })), store.append(duplicate), store.append(record({ requestId: 'b' }))]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    const rows = await store.query({ limit: 10 });
    expect(rows.map((r) => r.record.requestId)).toEqual(['req-1', 'a', 'b']);
    await store.close();
  });

  it('query sees records appended earlier in the same turn', async () => {
    const store = new SqliteAuditStore(dbPath());
    const pending = store.append(record({ requestId: 'same-turn' }));
    const rows = await store.query({ limit: 10 });
    expect(rows.map((r) => r.record.requestId)).toEqual(['same-turn']);
    await pending;
    await store.close();
  });

  it('query waits for records appended while an earlier batch was being written (regression: the 5 ms window)', async () => {
    const store = new SqliteAuditStore(dbPath());
    const first = store.append(record({ requestId: 'first' }));
    // Past the window: the first batch is with the writer thread (still starting up), not yet answered.
    await new Promise((resolve) => setTimeout(resolve, 15));
    const second = store.append(record({ requestId: 'second' }));
    const rows = await store.query({ limit: 10 });
    expect(rows.map((r) => r.record.requestId)).toEqual(['first', 'second']);
    await Promise.all([first, second]);
    await store.close();
  });

  it('close writes what is pending, then refuses further appends', async () => {
    const path = dbPath();
    const store = new SqliteAuditStore(path);
    const pending = [store.append(record({ requestId: 'x' })), store.append(record({ requestId: 'y' }))];
    await store.close();
    await Promise.all(pending);
    expect(countFromOutside(path)).toBe(2);
    await expect(store.append(record())).rejects.toMatchObject({ code: 'INTERNAL' });
  });
});
