import { describe, expect, it } from 'vitest';
import { createTextDeidentifier } from '../../src/anonymize/text/deidentifier.js';
import { cudaProviderPath, NerRunner } from '../../src/anonymize/text/ner/runner.js';
import { isVoileError } from '../../src/errors.js';
import { testIdentity } from './helpers.js';

describe('execution providers', () => {
  it.skipIf(cudaProviderPath() !== undefined)('asking for CUDA without its files throws a clear configuration error', () => {
    let caught: unknown;
    try {
      createTextDeidentifier({ identity: testIdentity(), executionProvider: 'cuda' });
    } catch (err) {
      caught = err;
    }
    expect(isVoileError(caught) && caught.code).toBe('CONFIG_INVALID');
    expect((caught as Error).message).toMatch(/CUDA/);
  });

  it('an unknown provider is refused', () => {
    expect(() => NerRunner.create({ executionProvider: 'tpu' as 'cpu' })).toThrow(/execution provider/);
  });

  it('cpu is the default and works', async () => {
    const deid = createTextDeidentifier({ identity: testIdentity(), mode: 'tags' });
    try {
      expect(await deid.deidentify('Vu par le Dr Martin.', { format: 'plain', lang: 'fr' })).toBe('Vu par le Dr [PERSON].');
    } finally {
      await deid.close();
    }
  });
});
