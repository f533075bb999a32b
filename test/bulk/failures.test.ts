import { readdir } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testPolicy } from '../fhir-proxy/support/policy.js';
import { startBulkGateway, type BulkGateway } from './support/stack.js';

/**
 * A job that fails stops cleanly: its partial files are deleted and the manifest carries the
 * gateway's own OperationOutcome — never upstream text, never data. The upstream here is a small
 * hostile FHIR server on port 0 whose error bodies quote patient data.
 */
const LEAKY_TEXT = 'Jean-Baptiste Delacroix born 1957-03-14';
let upstream: Server;
let upstreamUrl: string;
let gateway: BulkGateway;

function condition(id: string) {
  return { resourceType: 'Condition', id, subject: { reference: 'Patient/p1' }, code: { text: LEAKY_TEXT } };
}

beforeAll(async () => {
  upstream = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    const send = (status: number, body: unknown) => {
      res.writeHead(status, { 'content-type': 'application/fhir+json' });
      res.end(typeof body === 'string' ? body : JSON.stringify(body));
    };
    const page2 = url.searchParams.get('page') === '2';
    if (url.pathname === '/fhir/Condition' && !page2) {
      return send(200, {
        resourceType: 'Bundle',
        type: 'searchset',
        entry: [{ resource: condition('c1') }, { resource: condition('c2') }],
        link: [{ relation: 'next', url: `${upstreamUrl}/Condition?page=2` }],
      });
    }
    if (url.pathname === '/fhir/Condition') return send(500, { resourceType: 'OperationOutcome', issue: [{ diagnostics: LEAKY_TEXT }] });
    if (url.pathname === '/fhir/Encounter') {
      return send(200, { resourceType: 'Bundle', type: 'searchset', link: [{ relation: 'next', url: 'http://elsewhere.invalid/fhir/Encounter?page=2' }] });
    }
    return send(404, LEAKY_TEXT);
  });
  await new Promise<void>((resolve) => upstream.listen(0, '127.0.0.1', resolve));
  upstreamUrl = `http://127.0.0.1:${(upstream.address() as AddressInfo).port}/fhir`;
  gateway = await startBulkGateway(upstreamUrl);
});
afterAll(async () => {
  await gateway?.close();
  await new Promise((r) => upstream.close(r));
});

async function failedJob(query: string, bulk?: BulkGateway) {
  const g = bulk ?? gateway;
  const statusUrl = await g.kickoff(`$export?${query}`);
  const manifest = await g.waitForManifest(statusUrl);
  const id = statusUrl.split('/').pop()!;
  return { manifest, id, g };
}

describe('a failing job', () => {
  it('an upstream error mid-export: sanitized OperationOutcome in error, partial files deleted', async () => {
    const { manifest, id, g } = await failedJob('_type=Condition');
    expect(manifest.output).toEqual([]);
    expect(manifest.error).toHaveLength(1);
    expect(manifest.error[0]!.type).toBe('OperationOutcome');
    const errorFile = await g.get(manifest.error[0]!.url);
    expect(errorFile.status).toBe(200);
    const outcome = JSON.parse(errorFile.text.trim()) as { resourceType: string; issue: { diagnostics: string }[] };
    expect(outcome.resourceType).toBe('OperationOutcome');
    expect(outcome.issue[0]!.diagnostics).toBe('The upstream FHIR server returned an error');
    expect(errorFile.text).not.toContain('Delacroix');
    expect(await readdir(`${g.dir}/${id}`)).toEqual(['error.ndjson']);
    // The first page's file existed while the job ran; it is not downloadable now.
    expect((await g.get(manifest.error[0]!.url.replace('error.ndjson', '1.ndjson'))).status).toBe(404);
  });

  it('a next link leaving the upstream base fails the job without following it', async () => {
    const { manifest, g } = await failedJob('_type=Encounter');
    const errorFile = await g.get(manifest.error[0]!.url);
    expect(errorFile.text).toContain('unexpected document');
    expect(errorFile.text).not.toContain('elsewhere');
  });

  it('more resources than maxResourcesPerJob: the job fails with the limit, and no file remains', async () => {
    const small = await startBulkGateway(upstreamUrl, { maxResourcesPerJob: 1 });
    try {
      const { manifest, id } = await failedJob('_type=Condition', small);
      expect(manifest.output).toEqual([]);
      const errorFile = await small.get(manifest.error[0]!.url);
      expect(errorFile.text).toContain('exceeds the number of resources one job may write');
      expect(await readdir(`${small.dir}/${id}`)).toEqual(['error.ndjson']);
    } finally {
      await small.close();
    }
  });

  it('a resource that cannot be anonymized fails the whole job: no file with any of its page, metric counted', async () => {
    let failures = 0;
    const failing = testPolicy({ resourceTypes: ['Condition'], failWhen: (r) => r.id === 'c2' });
    const g = await startBulkGateway(upstreamUrl, { onAnonymizationFailure: () => (failures += 1) }, {}, failing);
    try {
      const { manifest, id } = await failedJob('_type=Condition', g);
      expect(manifest.output).toEqual([]);
      const errorFile = await g.get(manifest.error[0]!.url);
      const outcome = JSON.parse(errorFile.text.trim()) as { issue: { diagnostics: string }[] };
      expect(outcome.issue[0]!.diagnostics).toBe('The response could not be anonymized');
      expect(errorFile.text).not.toContain('Delacroix');
      expect(await readdir(`${g.dir}/${id}`)).toEqual(['error.ndjson']);
      expect(failures).toBe(1);
    } finally {
      await g.close();
    }
  });
});
