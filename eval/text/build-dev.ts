/**
 * Turns the hand-written development documents (eval/text/dev/src/*.txt, PHI marked inline as
 * {{value|LABEL}}, documents separated by a line "=====") into eval/text/dev/<file>.jsonl with
 * `{"id","text","spans":[{"start","end","label"}]}` (offsets in UTF-16 code units).
 * A mark with label O only documents a deliberate non-PHI and produces no span.
 * Run: npx tsx eval/text/build-dev.ts
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { LABELS } from '../../src/anonymize/text/types.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const srcDir = path.join(here, 'dev', 'src');
let docs = 0;
let spansTotal = 0;
for (const file of readdirSync(srcDir).filter((f) => f.endsWith('.txt')).sort()) {
  const parts = readFileSync(path.join(srcDir, file), 'utf8').split(/^=====\s*$/m);
  const out: string[] = [];
  parts.forEach((raw, i) => {
    const marked = raw.replace(/^\n+|\n+$/g, '');
    let text = '';
    const spans: { start: number; end: number; label: string }[] = [];
    let pos = 0;
    for (const m of marked.matchAll(/\{\{([^|{}]+)\|([A-Z]+)\}\}/g)) {
      text += marked.slice(pos, m.index);
      const [, value, label] = m;
      if (label !== 'O') {
        if (!(LABELS as readonly string[]).includes(label!)) throw new Error(`${file} doc ${i}: unknown label ${label}`);
        spans.push({ start: text.length, end: text.length + value!.length, label: label! });
      }
      text += value;
      pos = m.index + m[0].length;
    }
    text += marked.slice(pos);
    if (/\{\{|\}\}/.test(text)) throw new Error(`${file} doc ${i}: unbalanced mark`);
    out.push(JSON.stringify({ id: `${file.replace(/\.txt$/, '')}-${i + 1}`, text, spans }));
    docs++;
    spansTotal += spans.length;
  });
  writeFileSync(path.join(here, 'dev', file.replace(/\.txt$/, '.jsonl')), `${out.join('\n')}\n`);
}
console.log(`${docs} documents, ${spansTotal} spans`);
