import v8 from 'node:v8';
import vm from 'node:vm';
import { request } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBulkStack, type BulkStack } from './support/stack.js';

/**
 * A large export (300 patients, every released type) streams: the job writes page by page with
 * back-pressure and the download streams from disk, so the live heap stays flat however much is
 * exported. Measured as the heap after a full GC, sampled while the job writes and while the
 * client downloads; no timing assertion.
 */
v8.setFlagsFromString('--expose-gc');
const gc = vm.runInNewContext('gc') as () => void;
const MiB = 1024 * 1024;

let stack: BulkStack;
beforeAll(async () => {
  stack = await startBulkStack({ patients: 300 });
});
afterAll(async () => stack?.close());

function liveHeap(): number {
  gc();
  return process.memoryUsage().heapUsed;
}

describe('a large export', () => {
  it('writes and downloads every resource with a bounded live heap', async () => {
    const baseline = liveHeap();
    let peak = baseline;
    const sample = () => {
      peak = Math.max(peak, liveHeap());
    };

    const statusUrl = await stack.kickoff('$export');
    let manifest;
    for (;;) {
      const res = await stack.get(statusUrl);
      sample();
      if (res.status === 200) {
        manifest = JSON.parse(res.text) as { output: { type: string; url: string; count: number }[] };
        break;
      }
      expect(res.status).toBe(202);
      await new Promise((r) => setTimeout(r, 500));
    }

    let bytes = 0;
    let lines = 0;
    for (const file of manifest.output) {
      const res = await request(file.url, { headers: { 'x-test-client': 'alpha' } });
      expect(res.statusCode).toBe(200);
      let fileLines = 0;
      let chunks = 0;
      for await (const chunk of res.body as AsyncIterable<Buffer>) {
        bytes += chunk.length;
        for (let i = chunk.indexOf(10); i !== -1; i = chunk.indexOf(10, i + 1)) fileLines += 1;
        if (++chunks % 256 === 0) sample();
      }
      expect(fileLines).toBe(file.count);
      lines += fileLines;
    }
    sample();

    const released = stack.policy.fhir.resourceTypes;
    const expected = stack.cohort.resources.filter((r) => released === undefined || released.has(r.resourceType)).length;
    expect(lines).toBe(expected);
    const growth = peak - baseline;
    console.log(`bulk large export: ${lines} resources, ${(bytes / MiB).toFixed(1)} MiB written; live heap growth at peak ${(growth / MiB).toFixed(1)} MiB`);
    // Holding the export in memory would cost several times its size in heap; streaming holds a page.
    expect(growth).toBeLessThan(Math.max(bytes / 2, 16 * MiB));
  });
});
