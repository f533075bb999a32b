/**
 * Proof that a speed change of the text pipeline changes no output, on every document of every eval
 * set (dev, EDS-Pseudo's test set, every held-out set): each document's final spans (offsets, label,
 * score as the full float, source, priority), rules alone and with the model, written one line per
 * document run. Run it on the old tree (--root DIR) and on the new one with the same model copy, then
 * compare the two files byte for byte (`cmp`). Documents run 16 in flight, as a gateway runs them.
 *
 *   tsx bench/text/every-span.ts [--root DIR] [--model-dir DIR] --write FILE
 *
 * DIR is a tree with src/ (e.g. `git archive <commit> src | tar -x -C DIR`); the documents are always
 * read from this checkout, so both runs see the same text.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { HELD_OUT_SETS, loadDev, loadEds, loadHeldOut } from '../../eval/text/corpora.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const arg = (name: string) => (process.argv.includes(name) ? process.argv[process.argv.indexOf(name) + 1] : undefined);
const root = path.resolve(arg('--root') ?? path.join(here, '../..'));
const modelDir = path.resolve(arg('--model-dir') ?? path.join(here, '../../models/ner'));
const writeTo = arg('--write');
if (!writeTo) throw new Error('usage: every-span.ts [--root DIR] [--model-dir DIR] --write FILE');

const at = (file: string) => import(pathToFileURL(path.join(root, file)).href);
const { NerRunner } = await at('src/anonymize/text/ner/runner.ts');
const { detect } = await at('src/anonymize/text/pipeline.ts');
const runner = NerRunner.create({ executionProvider: 'cpu', modelDir });
if (!runner) throw new Error(`no model in ${modelDir}`);

const sets: [string, { id: string; text: string }[]][] = [['dev', loadDev()], ['eds', loadEds()], ...HELD_OUT_SETS.map((s) => [s, loadHeldOut(s)] as [string, { id: string; text: string }[]])];
type Span = { start: number; end: number; label: string; score: number; source?: string; priority?: number };
const line = (s: Span) => [s.start, s.end, s.label, s.score, s.source, s.priority];

const out: string[] = [];
let spanCount = 0;
for (const withModel of [false, true]) {
  const model = withModel ? (d: unknown) => runner.detect(d) : undefined;
  for (const [set, docs] of sets) {
    for (let i = 0; i < docs.length; i += 16) {
      const batch = docs.slice(i, i + 16);
      const results = (await Promise.all(batch.map((d) => detect(d.text, { lang: 'auto', model })))) as { spans: Span[] }[];
      results.forEach((r, k) => {
        spanCount += r.spans.length;
        out.push(JSON.stringify({ set, id: batch[k]!.id, model: withModel, spans: r.spans.map(line) }));
      });
    }
  }
}
await runner.close();
writeFileSync(writeTo, out.join('\n') + '\n');
console.log(`${out.length} document runs (${sets.map(([s, d]) => `${s} ${d.length}`).join(', ')}; rules alone and with the model), ${spanCount} spans written to ${writeTo}`);
