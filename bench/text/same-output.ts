/**
 * Proof that a speed change of the text pipeline changes no output. Runs the detection pipeline
 * (rules + NER model) on the hand-written dev set, EDS-Pseudo's public small test set and the second
 * held-out set, and writes every span byte for byte: the pipeline's final spans (offsets, label,
 * score as the full float, source, priority) and the NER runner's raw spans before any filter.
 * Each document runs alone (the reference written and compared: deterministic) and again 16 in
 * flight, micro-batched with its neighbours; both runs must agree, bit for bit: a window gets the
 * same output alone or in a batch. (Before 2026-11-29's speed round they did not, in the last float
 * bits of scores: batches were padded to their longest window and ONNX Runtime's kernels, chosen by
 * size, round differently; windows are now batched only with windows of the same padded length.)
 *
 *   tsx bench/text/same-output.ts --model-dir DIR --write before.jsonl    (on the old code)
 *   tsx bench/text/same-output.ts --model-dir DIR --compare before.jsonl  (on the new code)
 *
 * Compare with the same model file on both sides (--model-dir on a copy): the model may be retrained
 * in between. The third held-out set is never read here. Exit code 1 on any difference.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { NerRunner } from '../../src/anonymize/text/ner/runner.js';
import { makeDoc } from '../../src/anonymize/text/normalize.js';
import { detect } from '../../src/anonymize/text/pipeline.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const arg = (name: string) => (process.argv.includes(name) ? process.argv[process.argv.indexOf(name) + 1] : undefined);
const root = path.resolve(arg('--root') ?? path.join(here, '../..'));
const modelDir = arg('--model-dir') ?? path.join(root, 'models/ner');
const writeTo = arg('--write');
const compareWith = arg('--compare');
if (!writeTo === !compareWith) throw new Error('usage: same-output.ts [--model-dir DIR] [--root DIR] (--write FILE | --compare FILE)');

function jsonl(file: string, text: (o: Record<string, unknown>) => string): { id: string; text: string }[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((l, i) => {
      const o = JSON.parse(l) as Record<string, unknown>;
      return { id: `${path.basename(file)}:${String(o.id ?? o.note_id ?? i)}`, text: text(o) };
    });
}
function dir(d: string): string[] {
  return readdirSync(d)
    .filter((f) => f.endsWith('.jsonl'))
    .sort()
    .map((f) => path.join(d, f));
}
const eds = path.resolve(root, '../shared/reference/eds-pseudo/public_small_test_data.jsonl');
if (!existsSync(eds)) throw new Error(`EDS-Pseudo test set not found at ${eds}`);
const docs = [
  ...dir(path.join(root, 'eval/text/dev')).flatMap((f) => jsonl(f, (o) => o.text as string)),
  ...jsonl(eds, (o) => o.note_text as string),
  ...dir(path.join(root, 'eval/text/holdout2')).flatMap((f) => jsonl(f, (o) => o.text as string)),
];

const runner = NerRunner.create({ executionProvider: 'cpu', modelDir });
if (!runner) throw new Error(`no model in ${modelDir}`);
const model = (d: Parameters<NerRunner['detect']>[0]) => runner.detect(d);

/** One line per document: its final spans and the model's raw spans, every field as it is. */
async function outputOf(doc: { id: string; text: string }): Promise<string> {
  const { spans } = await detect(doc.text, { lang: 'auto', model });
  const raw = await runner!.detect(makeDoc(doc.text, 'auto'));
  const line = (s: { start: number; end: number; label: string; score: number; source?: string; priority?: number }) => [s.start, s.end, s.label, s.score, s.source, s.priority];
  return JSON.stringify({ id: doc.id, spans: spans.map(line), model: raw.map(line) });
}

const batched: string[] = [];
for (let i = 0; i < docs.length; i += 16) batched.push(...(await Promise.all(docs.slice(i, i + 16).map(outputOf))));
const alone: string[] = [];
for (const doc of docs) alone.push(await outputOf(doc));
// Older runners have no modelFiles: they run model.onnx whole.
console.log(`model files: ${(runner as { modelFiles?: string }).modelFiles ?? 'model.onnx whole'}`);
await runner.close();

let problems = 0;
let batchedDiffers = 0;
batched.forEach((line, i) => {
  if (line !== alone[i]) (problems++, batchedDiffers++, console.error(`batched and alone differ: ${docs[i]!.id}`));
});
console.log(`batched (16 in flight) vs alone: ${batchedDiffers === 0 ? 'identical' : `${batchedDiffers} documents differ`}`);
const modelHash = createHash('sha256').update(readFileSync(path.join(modelDir, 'model.onnx'))).digest('hex');
const header = JSON.stringify({ model: modelHash, documents: docs.length });
const spanCount = alone.reduce((n, l) => n + (JSON.parse(l) as { spans: unknown[]; model: unknown[] }).spans.length, 0);
const modelSpanCount = alone.reduce((n, l) => n + (JSON.parse(l) as { spans: unknown[]; model: unknown[] }).model.length, 0);

if (writeTo) {
  writeFileSync(writeTo, [header, ...alone].join('\n') + '\n');
  console.log(`${docs.length} documents, ${spanCount} spans, ${modelSpanCount} raw model spans written to ${writeTo}`);
} else {
  const [oldHeader, ...old] = readFileSync(compareWith!, 'utf8').trimEnd().split('\n');
  if (oldHeader !== header) (problems++, console.error(`not the same model or corpus: ${oldHeader} vs ${header}`));
  if (old.length !== alone.length) problems++;
  alone.forEach((line, i) => {
    if (line !== old[i]) (problems++, console.error(`differs from ${compareWith}: ${docs[i]!.id}`));
  });
  console.log(`${docs.length} documents, ${spanCount} spans, ${modelSpanCount} raw model spans compared: ${problems === 0 ? 'identical' : `${problems} differences`}`);
}
process.exit(problems === 0 ? 0 : 1);
