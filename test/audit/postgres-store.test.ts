import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuditRecord } from '../../src/audit/record.js';
import { PostgresAuditStore } from '../../src/store/audit-postgres.js';
import { postgresBinDir, startPostgres, type RunningPostgres } from './postgres-server.js';

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
  returned: { Observation: 3 },
  durationMs: 12.5,
  upstreamLatencyMs: 8.25,
  requestId: 'req-1',
  ...over,
});

// Needs the PostgreSQL server binaries (Debian postgresql-15); CI installs them.
describe.skipIf(postgresBinDir() === undefined)('PostgresAuditStore against a real PostgreSQL', () => {
  let server: RunningPostgres;
  beforeAll(async () => {
    server = await startPostgres();
  });
  afterAll(async () => server?.stop());

  it('keeps records across store instances, in order, with every field, and filters and pages like the embedded store', async () => {
    const first = new PostgresAuditStore({ connectionString: server.connectionString });
    const records = [0, 1, 2, 3].map((i) => record({ recorded: `2026-01-0${i + 1}T00:00:00.000Z`, clientId: i % 2 ? 'odd' : 'even', upstreamLatencyMs: i === 3 ? null : 1 }));
    for (const r of records) await first.append(r);
    await first.close();

    const second = new PostgresAuditStore({ connectionString: server.connectionString });
    const all = await second.query({ limit: 10 });
    expect(all.map((r) => r.record)).toEqual(records);
    expect((await second.query({ clientId: 'odd', limit: 10 })).length).toBe(2);
    expect((await second.query({ since: '2026-01-02T00:00:00.000Z', until: '2026-01-04T00:00:00.000Z', limit: 10 })).length).toBe(2);
    const page2 = await second.query({ afterSeq: all[1]!.seq, limit: 10 });
    expect(page2.map((r) => r.record.id)).toEqual([records[2]!.id, records[3]!.id]);
    await second.close();
  });

  it('is append-only in the database: UPDATE, DELETE and TRUNCATE fail', async () => {
    const store = new PostgresAuditStore({ connectionString: server.connectionString, table: 'guarded_audit' });
    await store.append(record());
    const client = new pg.Client({ connectionString: server.connectionString });
    await client.connect();
    try {
      await expect(client.query("UPDATE guarded_audit SET client_id = 'x'")).rejects.toThrow(/append-only/);
      await expect(client.query('DELETE FROM guarded_audit')).rejects.toThrow(/append-only/);
      await expect(client.query('TRUNCATE guarded_audit')).rejects.toThrow(/append-only/);
    } finally {
      await client.end();
    }
    expect((await store.query({ limit: 10 }))[0]!.record.clientId).toBe('app-a');
    await store.close();
  });
});
