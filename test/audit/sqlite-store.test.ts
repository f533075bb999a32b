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
  interaction: 'search',
  route: '/fhir/:type',
  resourceType: 'Observation',
  status: 200,
  outcome: '0',
  errorCode: null,
  returned: { Observation: 3, Patient: 1 },
  durationMs: 12.5,
  upstreamLatencyMs: 8.25,
  requestId: 'req-1',
  ...over,
});

describe('SqliteAuditStore', () => {
  const dirs: string[] = [];
  afterEach(() => {
    for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
  });
  const dbPath = () => {
    const dir = mkdtempSync(join(tmpdir(), 'voile-audit-'));
    dirs.push(dir);
    return join(dir, 'nested', 'audit.db');
  };

  it('keeps records across a restart, in append order, with every field', async () => {
    const path = dbPath();
    const first = new SqliteAuditStore(path);
    const a = record();
    const b = record({ clientId: 'app-b', recorded: '2026-01-03T00:00:00.000Z', upstreamLatencyMs: null, errorCode: 'NO_POLICY', status: 403, outcome: '4', returned: {} });
    await first.append(a);
    await first.append(b);
    await first.close();

    const reopened = new SqliteAuditStore(path);
    const rows = await reopened.query({ limit: 10 });
    expect(rows.map((r) => r.record)).toEqual([a, b]);
    expect(rows[0]!.seq).toBeLessThan(rows[1]!.seq);
    await reopened.close();
  });

  it('filters by time, client, policy and pages by position', async () => {
    const store = new SqliteAuditStore(dbPath());
    for (let i = 0; i < 5; i++) await store.append(record({ recorded: `2026-01-0${i + 1}T00:00:00.000Z`, clientId: i % 2 ? 'odd' : 'even', policy: i < 3 ? 'p1' : 'p2' }));
    expect((await store.query({ since: '2026-01-02T00:00:00.000Z', until: '2026-01-04T00:00:00.000Z', limit: 10 })).length).toBe(2);
    expect((await store.query({ clientId: 'odd', limit: 10 })).length).toBe(2);
    expect((await store.query({ policy: 'p2', limit: 10 })).length).toBe(2);
    const page1 = await store.query({ limit: 2 });
    const page2 = await store.query({ limit: 2, afterSeq: page1.at(-1)!.seq });
    expect(page2.map((r) => r.record.recorded)).toEqual(['2026-01-03T00:00:00.000Z', '2026-01-04T00:00:00.000Z']);
    await store.close();
  });

  it('is append-only in the database itself: UPDATE and DELETE abort', async () => {
    const path = dbPath();
    const store = new SqliteAuditStore(path);
    await store.append(record());
    const raw = new Database(path);
    expect(() => raw.prepare("UPDATE audit_event SET client_id = 'x'").run()).toThrow(/append-only/);
    expect(() => raw.prepare('DELETE FROM audit_event').run()).toThrow(/append-only/);
    raw.close();
    expect((await store.query({ limit: 10 }))[0]!.record.clientId).toBe('app-a');
    await store.close();
  });
});
