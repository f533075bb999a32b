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
  ].map((t) => makeDoc(t, 'auto'));

  it('concurrent requests, batched together, get the same spans as one at a time', async () => {
    // Scores may differ in the last float bits between batch shapes; labels and offsets may not.
    const shape = (spans: Span[]) => spans.map((s) => ({ ...s, score: Math.round(s.score * 100) / 100 }));
    const alone = [];
    for (const d of docs) alone.push(shape(await runner.detect(d)));
    const together = (await Promise.all(docs.concat(docs).map((d) => runner.detect(d)))).map(shape);
    expect(together.slice(0, 4)).toEqual(alone);
    expect(together.slice(4)).toEqual(alone);
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
