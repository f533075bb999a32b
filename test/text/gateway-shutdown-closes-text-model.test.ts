import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { assembleGateway } from '../../src/cli/gateway.js';
import { validateConfig } from '../../src/config/load.js';

/**
 * Regression: the text model's worker threads were never stopped — the policy binding had a close()
 * that nobody called. The gateway's shutdown (fastify onClose → runtime.close) now closes them, and a
 * note arriving after that fails closed instead of starting new workers.
 */
describe('gateway shutdown and the text model', () => {
  it('closing the gateway closes the text-model workers of its policies', async () => {
    const { app, runtime } = await assembleGateway({
      baseDir: mkdtempSync(join(tmpdir(), 'voile-text-close-')),
      env: { VOILE_SECRET_RESEARCH: 'hex:' + '44'.repeat(32) },
      config: validateConfig({
        upstream: { fhir: { url: 'http://127.0.0.1:9/fhir', timeoutMs: 1000 } },
        identity: { domains: { research: { secretEnv: 'VOILE_SECRET_RESEARCH' } } },
        store: { sqlite: { path: 'data/voile.db' } },
        policies: { only: ['research-text'] },
        auth: { mode: 'none', policy: 'research-text' },
        logging: { level: 'silent' },
      }),
    });
    const text = runtime.registry.get('research-text')!.text;
    // Starts the worker threads (they start on first use) and shows they answer.
    const out = await text.deidentify('Vu par le Dr Martin ce jour.', { format: 'plain', lang: 'fr' });
    expect(out).not.toContain('Martin');

    await app.close();

    await expect(text.deidentify('Vu par le Dr Martin ce jour.', { format: 'plain', lang: 'fr' })).rejects.toMatchObject({ code: 'ANONYMIZATION_FAILED' });
  }, 60_000);

  it('a policy whose text model was never used closes cleanly and starts nothing afterwards', async () => {
    const { app, runtime } = await assembleGateway({
      baseDir: mkdtempSync(join(tmpdir(), 'voile-text-close-')),
      env: { VOILE_SECRET_RESEARCH: 'hex:' + '44'.repeat(32) },
      config: validateConfig({
        upstream: { fhir: { url: 'http://127.0.0.1:9/fhir', timeoutMs: 1000 } },
        identity: { domains: { research: { secretEnv: 'VOILE_SECRET_RESEARCH' } } },
        store: { sqlite: { path: 'data/voile.db' } },
        policies: { only: ['research-text'] },
        auth: { mode: 'none', policy: 'research-text' },
        logging: { level: 'silent' },
      }),
    });
    await app.close();
    await expect(runtime.registry.get('research-text')!.text.deidentify('Vu par le Dr Martin.', { format: 'plain', lang: 'fr' })).rejects.toMatchObject({
      code: 'ANONYMIZATION_FAILED',
    });
  }, 60_000);
});
