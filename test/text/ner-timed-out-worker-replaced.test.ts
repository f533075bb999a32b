import { describe, expect, it } from 'vitest';
import { NerRunner } from '../../src/anonymize/text/ner/runner.js';
import { makeDoc } from '../../src/anonymize/text/normalize.js';

/**
 * Regression: an inference that timed out used to leave its worker busy forever, so every later
 * batch sent to it timed out too (or got another batch's answer). A worker that does not answer in
 * time is now terminated and replaced; what it held fails closed, later requests go to the new one.
 */
describe('a text-model worker that stops answering', () => {
  it('is terminated and replaced: its requests fail closed, later requests are served by the new worker', async () => {
    const runner = NerRunner.create({ executionProvider: 'cpu', workers: 1, timeoutMs: 1500 })!;
    try {
      const doc = makeDoc('Je vois en consultation Mme Sophie Lemaire, adressée par le CHU de Bordeaux.', 'fr');
      const expected = await runner.detect(doc);
      expect(expected.length).toBeGreaterThan(0);

      runner.simulateStall(120_000); // the worker's thread blocks, as an inference stuck in native code would
      const started = Date.now();
      await expect(runner.detect(doc)).rejects.toMatchObject({ code: 'ANONYMIZATION_FAILED', message: expect.stringMatching(/timed out/) });
      expect(Date.now() - started).toBeLessThan(60_000);

      // Sent to the stuck worker this would time out as well; the replacement answers, with the same spans.
      await runner.ready();
      expect(await runner.detect(doc)).toEqual(expected);
    } finally {
      await runner.close();
    }
  }, 90_000);

  it('requests in flight when the runner is closed fail instead of waiting forever', async () => {
    const runner = NerRunner.create({ executionProvider: 'cpu', workers: 1 })!;
    await runner.ready();
    runner.simulateStall(120_000);
    const outcome = expect(runner.detect(makeDoc('Vu par le Dr Martin.', 'fr'))).rejects.toMatchObject({ code: 'ANONYMIZATION_FAILED' });
    await new Promise((r) => setTimeout(r, 50)); // the batch leaves for the (stuck) worker
    await runner.close();
    await outcome;
  }, 30_000);
});
