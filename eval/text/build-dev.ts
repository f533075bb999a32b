/**
 * Turns the hand-written documents of one evaluation set (eval/text/<set>/src/*.txt, PHI marked
 * inline as {{value|LABEL}}, documents separated by a line "=====", see marked.ts) into
 * eval/text/<set>/<file>.jsonl with `{"id","text","spans":[{"start","end","label"}]}`.
 * Run: npx tsx eval/text/build-dev.ts [dev|holdout|holdout2]   (default: dev)
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseMarked } from './marked.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const set = process.argv[2] ?? 'dev';
if (!/^[a-z0-9]+$/.test(set)) throw new Error(`not a set folder name: ${set}`);
const srcDir = path.join(here, set, 'src');
let docs = 0;
let spansTotal = 0;
for (const file of readdirSync(srcDir).filter((f) => f.endsWith('.txt')).sort()) {
  const stem = file.replace(/\.txt$/, '');
  const parsed = parseMarked(readFileSync(path.join(srcDir, file), 'utf8'), stem);
  docs += parsed.length;
  spansTotal += parsed.reduce((a, d) => a + d.spans.length, 0);
  writeFileSync(path.join(here, set, `${stem}.jsonl`), `${parsed.map((d) => JSON.stringify(d)).join('\n')}\n`);
}
console.log(`${set}: ${docs} documents, ${spansTotal} spans`);
