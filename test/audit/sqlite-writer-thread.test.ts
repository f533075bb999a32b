import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const storeModule = new URL('../../src/store/audit-sqlite.ts', import.meta.url).href;

/** A process that appends through the store and then just ends, without closing it. */
const script = (path: string, appends: number) => `
  const { SqliteAuditStore } = await import(${JSON.stringify(storeModule)});
  const store = new SqliteAuditStore(${JSON.stringify(path)});
  const record = (i) => ({ id: crypto.randomUUID(), recorded: new Date().toISOString(), clientId: 'app', policy: 'p', method: 'GET',
    interaction: 'read', route: '/fhir/:type/:id', resourceType: 'Patient', status: 200, outcome: '0', errorCode: null,
    returned: { Patient: 1 }, durationMs: 1, upstreamLatencyMs: 1, requestId: 'req-' + i });
  await Promise.all(Array.from({ length: ${appends} }, (_, i) => store.append(record(i))));
`;

describe('SqliteAuditStore writer thread', () => {
  const dirs: string[] = [];
  afterEach(() => {
    for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
  });

  it('an idle writer thread does not keep the process alive, and what was appended is committed', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'voile-audit-thread-'));
    dirs.push(dir);
    const path = join(dir, 'audit.db');
    // Hangs (and times out) if the worker stays referenced once its batches are committed.
    await run(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script(path, 5)], { timeout: 30_000 });
    const db = new Database(path, { readonly: true });
    try {
      expect((db.prepare('SELECT count(*) AS n FROM audit_event').get() as { n: number }).n).toBe(5);
    } finally {
      db.close();
    }
  });
});
