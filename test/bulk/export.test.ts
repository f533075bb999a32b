import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { downloadAll, startBulkStack, type BulkStack } from './support/stack.js';

let stack: BulkStack;
beforeAll(async () => {
  stack = await startBulkStack({ patients: 30 });
});
afterAll(async () => stack?.close());

describe('system-level $export', () => {
  it('kicks off with 202 and a status URL on the gateway, then serves a manifest', async () => {
    const statusUrl = await stack.kickoff('$export');
    expect(statusUrl).toMatch(new RegExp(`^${stack.base.replace(/[.$]/g, '\\$&')}/\\$export-status/[A-Za-z0-9_-]{22}$`));
    const manifest = await stack.waitForManifest(statusUrl);
    console.log(JSON.stringify(manifest, null, 1));
    const resources = await downloadAll(stack, manifest);
    console.log(resources.length);
  });
});
