import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createInference, type BatchInputs, type InferenceOptions } from '../../src/anonymize/text/ner/inference.js';
import { readModelFiles, SPLIT_MANIFEST } from '../../src/anonymize/text/ner/model-files.js';
import { DEFAULT_MODEL_DIR, NerRunner } from '../../src/anonymize/text/ner/runner.js';
import { FeatureEncoder, tokenize, type Vocabulary } from '../../src/anonymize/text/ner/tokenizer.js';
import { makeDoc } from '../../src/anonymize/text/normalize.js';

// The character-feature cache (models/ner/split.py's char-encoder.onnx + tagger.onnx, features
// computed once per distinct token and kept across batches) must give exactly the logits of
// model.onnx run whole, padding included; and split files that do not match model.onnx must never
// be used.
const dir = DEFAULT_MODEL_DIR;
const vocab = JSON.parse(readFileSync(path.join(dir, 'vocab.json'), 'utf8')) as Vocabulary;
const encoder = new FeatureEncoder(vocab);
const texts = readFileSync(path.join(dir, 'fixtures/tokenizer.jsonl'), 'utf8')
  .split('\n')
  .filter(Boolean)
  .map((l) => (JSON.parse(l) as { text: string }).text)
  // The runner never sends a window without tokens.
  .filter((text) => tokenize(text, vocab.maxTokenChars).length > 0);
const options = (cacheEntries: number): InferenceOptions => ({ executionProvider: 'cpu', intraOpThreads: 1, inputType: vocab.inputType ?? 'int64', cacheEntries });

/** The fixture texts as batches of `size` windows padded to a multiple of 16 tokens, as the runner builds them. */
function batches(size: number): BatchInputs[] {
  const out: BatchInputs[] = [];
  for (let k = 0; k < texts.length; k += size) {
    const group = texts.slice(k, k + size).map((text) => ({ text, tokens: tokenize(text, vocab.maxTokenChars).slice(0, vocab.maxLen) }));
    const t = Math.ceil(Math.max(...group.map((g) => g.tokens.length)) / 16) * 16;
    const c = vocab.maxChars;
    const rows = { words: new Int32Array(group.length * t), shapes: new Int32Array(group.length * t), chars: new Int32Array(group.length * t * c), tokens: t };
    group.forEach((g, i) => encoder.encodeInto(g.text, g.tokens, rows, i));
    out.push({ batch: group.length, tokens: t, maxChars: c, words: rows.words, shapes: rows.shapes, chars: rows.chars });
  }
  return out;
}
/** The float bits, so that equality means the same value to the last bit (and -0 is not 0). */
const bits = (a: Float32Array) => Array.from(new Uint32Array(a.buffer, a.byteOffset, a.length));

const temps: string[] = [];
afterAll(() => temps.forEach((d) => rmSync(d, { recursive: true, force: true })));
/** A copy of the model directory, to tamper with. */
function copyOfModelDir(): string {
  const to = mkdtempSync(path.join(tmpdir(), 'voile-ner-split-'));
  temps.push(to);
  for (const f of ['model.onnx', 'vocab.json', 'char-encoder.onnx', 'tagger.onnx', SPLIT_MANIFEST]) copyFileSync(path.join(dir, f), path.join(to, f));
  return to;
}

describe('character features computed once per distinct token', () => {
  it('the shipped split files match the shipped model.onnx (else run /usr/bin/python3 models/ner/split.py)', () => {
    expect(readModelFiles(dir).kind).toBe('split');
  });

  it('give the logits of the whole model to the bit, with a cold, a warm and an evicting cache', async () => {
    const whole = await createInference(readModelFiles(dir, false), options(0));
    const cached = await createInference(readModelFiles(dir), options(50_000));
    // Three entries: nearly every lookup misses and the cache evicts on every batch.
    const tiny = await createInference(readModelFiles(dir), options(3));
    expect([whole.files, cached.files, tiny.files]).toEqual(['whole', 'split', 'split']);
    let checked = 0;
    for (const size of [1, 5, 16]) {
      for (const batch of batches(size)) {
        const expected = bits(await whole.logits(batch));
        expect(bits(await cached.logits(batch))).toEqual(expected);
        expect(bits(await tiny.logits(batch))).toEqual(expected);
        checked += expected.length;
      }
    }
    expect(checked).toBeGreaterThan(1000);
    // The first pass (batches of 1) computed each distinct token once; the next two found them all.
    const distinct = new Set(texts.flatMap((t) => tokenize(t, vocab.maxTokenChars).slice(0, vocab.maxLen).map((k) => encoder.charIds(t.slice(k.start, k.end)).join(','))));
    // Padding positions are looked up too, as the all-zero row (some window is not a multiple of 16 tokens).
    expect(batches(1).some((b) => b.words.includes(0))).toBe(true);
    distinct.add(new Array<number>(vocab.maxChars).fill(0).join(','));
    expect(cached.cacheStats!.computed).toBe(distinct.size);
    expect(cached.cacheStats!.hits).toBeGreaterThan(2 * distinct.size - 1);
    expect(tiny.cacheStats!.computed).toBeGreaterThan(2 * distinct.size);
  });

  it('split files made from another model.onnx, or altered, are not used; model.onnx runs whole', () => {
    const stale = copyOfModelDir();
    const manifest = JSON.parse(readFileSync(path.join(stale, SPLIT_MANIFEST), 'utf8')) as { sourceSha256: string };
    writeFileSync(path.join(stale, SPLIT_MANIFEST), JSON.stringify({ ...manifest, sourceSha256: '0'.repeat(64) }));
    expect(readModelFiles(stale)).toMatchObject({ kind: 'whole', why: 'split files stale' });

    const altered = copyOfModelDir();
    writeFileSync(path.join(altered, 'tagger.onnx'), Buffer.concat([readFileSync(path.join(altered, 'tagger.onnx')), Buffer.from([0])]));
    expect(readModelFiles(altered)).toMatchObject({ kind: 'whole', why: 'split files stale' });

    const missing = copyOfModelDir();
    rmSync(path.join(missing, 'char-encoder.onnx'));
    expect(readModelFiles(missing)).toMatchObject({ kind: 'whole', why: 'split files missing' });
    rmSync(path.join(missing, SPLIT_MANIFEST));
    expect(readModelFiles(missing)).toMatchObject({ kind: 'whole', why: 'split files missing' });

    const garbled = copyOfModelDir();
    writeFileSync(path.join(garbled, SPLIT_MANIFEST), '{');
    expect(readModelFiles(garbled)).toMatchObject({ kind: 'whole', why: 'split manifest unreadable' });
  });

  it('a runner on stale split files warns without quoting any text, runs model.onnx whole and finds the same spans', async () => {
    const stale = copyOfModelDir();
    const manifest = JSON.parse(readFileSync(path.join(stale, SPLIT_MANIFEST), 'utf8')) as { sourceSha256: string };
    writeFileSync(path.join(stale, SPLIT_MANIFEST), JSON.stringify({ ...manifest, sourceSha256: '0'.repeat(64) }));
    const warnings: Error[] = [];
    const onWarning = (w: Error) => warnings.push(w);
    process.on('warning', onWarning);
    const fallback = NerRunner.create({ executionProvider: 'cpu', modelDir: stale })!;
    const split = NerRunner.create({ executionProvider: 'cpu', modelDir: dir })!;
    try {
      await Promise.all([fallback.ready(), split.ready()]);
      expect([fallback.modelFiles, split.modelFiles]).toEqual(['whole', 'split']);
      const doc = makeDoc('Compte rendu : Mme Sophie Lemaire, adressée par le Dr Paul Martin (CHU de Bordeaux), domiciliée 12 rue des Lilas à Pessac.', 'fr');
      const spans = await split.detect(doc);
      expect(spans.length).toBeGreaterThan(1);
      expect(await fallback.detect(doc)).toEqual(spans);
      // process 'warning' events arrive on the next tick.
      await new Promise((resolve) => setImmediate(resolve));
      const ours = warnings.filter((w) => (w as { code?: string }).code === 'VOILE_NER_SPLIT_UNUSED');
      expect(ours.map((w) => w.message)).toEqual([expect.stringContaining('split files stale')]);
      expect(ours[0]!.message).not.toMatch(/Lemaire|Sophie|Bordeaux/);
    } finally {
      process.off('warning', onWarning);
      await Promise.all([fallback.close(), split.close()]);
    }
  });
});
