/**
 * Checks, after `models/ner/split.py DIR`, that DIR's char-encoder.onnx + tagger.onnx give the logits
 * of its model.onnx run whole, to the bit, through the runtime's own code (ner/inference.ts, its
 * character-feature cache included) on random batches of several shapes, padding included.
 *   npx tsx models/ner/split-check.ts [DIR ...]      (default models/ner; exit code 1 on any difference)
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createInference, type InferenceOptions } from '../../src/anonymize/text/ner/inference.js';
import { readModelFiles } from '../../src/anonymize/text/ner/model-files.js';
import type { Vocabulary } from '../../src/anonymize/text/ner/tokenizer.js';

const dirs = process.argv.slice(2);
if (dirs.length === 0) dirs.push(path.dirname(fileURLToPath(import.meta.url)));
let failed = false;
for (const dir of dirs) {
  const vocab = JSON.parse(readFileSync(path.join(dir, 'vocab.json'), 'utf8')) as Vocabulary;
  const options = (cacheEntries: number): InferenceOptions => ({ executionProvider: 'cpu', intraOpThreads: 1, inputType: vocab.inputType ?? 'int64', cacheEntries });
  const split = readModelFiles(dir);
  if (split.kind !== 'split') {
    console.log(`${dir}: split files not usable (${split.why}); run models/ner/split.py ${dir}`);
    failed = true;
    continue;
  }
  const whole = await createInference(readModelFiles(dir, false), options(0));
  const cached = await createInference(split, options(50_000));
  const c = vocab.maxChars;
  let same = 0;
  let total = 0;
  // Short rows over few characters, so that tokens repeat within and across batches (cache hits).
  for (const [b, t] of [[1, 16], [3, 32], [16, 128], [7, 48], [5, 16], [16, 128]] as const) {
    const words = new Int32Array(b * t);
    const shapes = new Int32Array(b * t);
    const chars = new Int32Array(b * t * c);
    for (let row = 0; row < b; row++) {
      const length = Math.max(1, t - Math.floor(Math.random() * 16));
      for (let k = 0; k < length; k++) {
        const i = row * t + k;
        words[i] = 1 + Math.floor(Math.random() * (vocab.words.length + 1));
        shapes[i] = 1 + Math.floor(Math.random() * 7);
        const n = 1 + Math.floor(Math.random() * 4);
        for (let j = 0; j < n; j++) chars[i * c + j] = 1 + Math.floor(Math.random() * 8);
      }
    }
    const batch = { batch: b, tokens: t, maxChars: c, words, shapes, chars };
    const expected = await whole.logits(batch);
    const got = await cached.logits(batch);
    for (let k = 0; k < expected.length; k++) (total++, Object.is(expected[k], got[k]) && same++);
  }
  const ok = same === total && cached.cacheStats!.hits > 0;
  failed ||= !ok;
  console.log(`${dir}: ${same} of ${total} logits identical to the bit, ${cached.cacheStats!.hits} cache hits: ${ok ? 'ok' : 'DIFFERENT'}`);
}
process.exit(failed ? 1 : 0);
