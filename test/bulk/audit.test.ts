/**
 * Regression: bulk file downloads (streamed from disk) were audited as a FHIR `read`/`search` of no
 * type with nothing returned, and status polls as `read`s. Every bulk request is now a `bulk`
 * record; a file download says which type and how many resources left, and no record carries an
 * identifying value, a real id, a pseudonym or the job id.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuditRecord } from '../../src/audit/record.js';
import { MemoryAuditStore } from '../../src/store/audit-store.js';
import { haystackOf, LeakDetector } from '../e2e/support/leaks.js';
import { startBulkStack, type BulkStack, type Manifest } from './support/stack.js';

describe('Bulk export requests are audited, without PHI', () => {
  const store = new MemoryAuditStore();
  let stack: BulkStack;
  let manifest: Manifest;
  let statusUrl: string;
  let records: AuditRecord[];

  beforeAll(async () => {
    stack = await startBulkStack({ patients: 6, audit: store });
    statusUrl = await stack.kickoff('Patient/$export?_type=Patient,Observation');
    manifest = await stack.waitForManifest(statusUrl);
    for (const file of manifest.output) expect((await stack.get(file.url)).status).toBe(200);
    expect((await stack.get(`${stack.base}/$export-file/${statusUrl.split('/').pop()}/99.ndjson`)).status).toBe(404);
    // The hook writes once each response has ended.
    for (let i = 0; i < 100; i++) {
      records = (await store.query({ limit: 10_000 })).map((r) => r.record);
      if (records.filter((r) => r.route === '/fhir/$export-file/:job/:file').length === manifest.output.length + 1) break;
      await new Promise((r) => setTimeout(r, 20));
    }
  });
  afterAll(async () => {
    await stack?.close();
  });

  it('kick-off, status polls and downloads are bulk records of the caller', () => {
    expect(manifest.output.map((o) => o.type).sort()).toEqual(['Observation', 'Patient']);
    expect(records.find((r) => r.route === '/fhir/Patient/$export')).toMatchObject({ interaction: 'bulk', clientId: 'alpha', policy: 'demo-research', status: 202 });
    const polls = records.filter((r) => r.route === '/fhir/$export-status/:job');
    expect(polls.length).toBeGreaterThan(0);
    for (const poll of polls) expect(poll).toMatchObject({ interaction: 'bulk', clientId: 'alpha' });
  });

  it('each file download records its type and the resources it released', () => {
    const downloads = records.filter((r) => r.route === '/fhir/$export-file/:job/:file' && r.status === 200);
    expect(downloads).toHaveLength(manifest.output.length);
    for (const file of manifest.output) {
      expect(downloads).toContainEqual(expect.objectContaining({ interaction: 'bulk', resourceType: file.type, returned: { [file.type]: file.count }, outcome: '0' }));
    }
    const missing = records.find((r) => r.route === '/fhir/$export-file/:job/:file' && r.status === 404);
    expect(missing).toMatchObject({ interaction: 'bulk', errorCode: 'NOT_FOUND', returned: {} });
  });

  it('no record holds an identifying value, a real or pseudonymous id, or the job id', async () => {
    const text = JSON.stringify(records);
    expect(new LeakDetector(stack.cohort.identifying).find(haystackOf(text))).toEqual([]);
    const jobId = statusUrl.split('/').pop()!;
    expect(text).not.toContain(jobId);
    for (const patient of stack.cohort.patients) {
      expect(text).not.toContain(patient.id);
      expect(text).not.toContain(stack.policy.identity.patientPseudonym(patient.id));
    }
  });
});
