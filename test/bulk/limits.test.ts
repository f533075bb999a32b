import { readdir } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBulkStack, type BulkStack } from './support/stack.js';

/** Jobs are bounded: concurrent jobs per client, and files that expire. */
let stack: BulkStack;
beforeAll(async () => {
  stack = await startBulkStack({ patients: 30, bulk: { fileTtlSeconds: 0.5, maxConcurrentJobsPerClient: 1 } });
});
afterAll(async () => stack?.close());

describe('job limits', () => {
  it('refuses a second running job of the same client with 429 and Retry-After; other clients are not affected', async () => {
    const first = await stack.kickoff('$export');
    const second = await stack.get(`${stack.base}/$export`, 'alpha', { prefer: 'respond-async' });
    expect(second.status).toBe(429);
    expect(second.headers['retry-after']).toBeDefined();
    const other = await stack.kickoff('$export?_type=Condition', 'beta');
    await stack.waitForManifest(other, 'beta');
    await stack.waitForManifest(first);
    // Once the first job is done, the client may start another.
    await stack.waitForManifest(await stack.kickoff('$export?_type=Condition'));
  });

  it('two simultaneous kick-offs of one client: exactly one starts', async () => {
    const kick = () => stack.get(`${stack.base}/$export?_type=Condition`, 'alpha', { prefer: 'respond-async' });
    const answers = await Promise.all([kick(), kick()]);
    expect(answers.map((a) => a.status).sort()).toEqual([202, 429]);
    await stack.waitForManifest(String(answers.find((a) => a.status === 202)!.headers['content-location']));
  });

  it('reports progress while running: 202 with X-Progress and Retry-After', async () => {
    const statusUrl = await stack.kickoff('$export');
    const res = await stack.get(statusUrl);
    if (res.status === 202) {
      expect(res.headers['x-progress']).toMatch(/^\d+ resources written, \d+ of \d+ resource types done$/);
      expect(res.headers['retry-after']).toBe('1');
    } else {
      expect(res.status).toBe(200); // a very fast machine finished already
    }
    await stack.waitForManifest(statusUrl);
  });
});

describe('file expiry', () => {
  it('expired jobs answer 410 and their files are removed from disk', async () => {
    const statusUrl = await stack.kickoff('$export?_type=Condition');
    const manifest = await stack.waitForManifest(statusUrl);
    const id = statusUrl.split('/').pop()!;
    await new Promise((r) => setTimeout(r, 700));
    expect((await stack.get(statusUrl)).status).toBe(410);
    expect((await stack.get(manifest.output[0]!.url)).status).toBe(410);
    // The files go asynchronously after the 410: wait for them (a fixed 100 ms failed on a loaded machine).
    for (let i = 0; i < 100 && (await readdir(stack.dir)).includes(id); i++) await new Promise((r) => setTimeout(r, 50));
    expect(await readdir(stack.dir)).not.toContain(id);
  });
});
