import { afterAll, describe, expect, it } from 'vitest';
import { NerRunner } from '../../src/anonymize/text/ner/runner.js';
import { makeDoc } from '../../src/anonymize/text/normalize.js';
import type { Span } from '../../src/anonymize/text/types.js';

const runner = NerRunner.create({ executionProvider: 'cpu', workers: 2, maxWaitMs: 5 })!;
afterAll(() => runner.close());

describe('NER inference in worker threads', () => {
  const docs = [
    'Je vois en consultation Mme Sophie Lemaire pour une douleur thoracique.',
    'I saw Mr John Carter in clinic today.',
    'Transfert au CHU de Bordeaux organisé.',
    'Pas de plainte ce jour.',
    // 29 and 46 tokens: once padded together to 46, the first used to round differently than alone.
    'Mme Sophie Lemaire, née le 3 mars 1950, vue ce jour par le Dr Paul Martin au CHU de Bordeaux pour le suivi de son diabète.',
    'Compte rendu : Mme Sophie Lemaire, 72 ans, adressée par le Dr Paul Martin (CHU de Bordeaux, service de cardiologie) pour bilan de douleurs thoraciques ; vue avec sa fille Claire Lemaire, domiciliée 12 rue des Lilas à Pessac.',
  ].map((t) => makeDoc(t, 'auto'));

  it('concurrent requests, batched together, get exactly the same spans as one at a time, scores to the last bit', async () => {
    // Windows are batched only with windows of the same padded length, the only thing (besides the
    // window itself) ONNX Runtime's rounding depends on; before that, scores differed in their last bits.
    const alone: Span[][] = [];
    for (const d of docs) alone.push(await runner.detect(d));
    const together = await Promise.all(docs.concat(docs).map((d) => runner.detect(d)));
    expect(together.slice(0, docs.length)).toEqual(alone);
    expect(together.slice(docs.length)).toEqual(alone);
  });

  it('finds names the rules have no context for', async () => {
    const spans = await runner.detect(docs[0]!);
    const text = docs[0]!.text;
    expect(spans.filter((s) => s.label === 'PERSON').map((s) => text.slice(s.start, s.end)).join(' ')).toContain('Lemaire');
  });

  it('documents longer than one model window are cut and put back together', async () => {
    const long = makeDoc(`${'Le patient va bien. '.repeat(60)}Vu par Mme Sophie Lemaire.`, 'fr');
    const spans = await runner.detect(long);
    expect(spans.some((s) => s.label === 'PERSON' && long.text.slice(s.start, s.end).includes('Lemaire'))).toBe(true);
  });

  it('a crashed worker makes requests fail cleanly instead of hanging (fail closed)', async () => {
    const crashing = NerRunner.create({ executionProvider: 'cpu' })!;
    await crashing.detect(docs[0]!);
    await crashing.simulateCrash();
    await expect(crashing.detect(docs[1]!)).rejects.toMatchObject({ code: 'ANONYMIZATION_FAILED' });
    await crashing.close();
  });
});
