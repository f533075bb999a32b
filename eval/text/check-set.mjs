// Well-formedness and counts of a hand-written evaluation set, WITHOUT running the detector (the
// authors of sealed held-out sets use it before committing): reads the set's built *.jsonl, checks
// every span (inside the text, non-empty, no surrounding whitespace, no overlap, a known label) and
// prints counts per label and per language.
// Run: node eval/text/check-set.mjs holdout4 [--print]   (--print lists every span to read by eye)
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const LABELS = ['PERSON', 'DATE', 'AGE', 'PHONE', 'EMAIL', 'URL', 'IP', 'ADDRESS', 'ZIP', 'CITY', 'HOSPITAL', 'ID'];
const set = process.argv.slice(2).find((a) => !a.startsWith('--'));
if (!set || !/^[a-z0-9]+$/.test(set)) throw new Error('usage: node eval/text/check-set.mjs <set folder, e.g. holdout4> [--print]');
const here = path.join(path.dirname(fileURLToPath(import.meta.url)), set);
const print = process.argv.includes('--print');
const perLabel = Object.fromEntries(LABELS.map((l) => [l, 0]));
const perLang = {};
let docs = 0;
let problems = 0;
for (const file of readdirSync(here).filter((f) => f.endsWith('.jsonl')).sort()) {
  const lang = file.split('_')[0];
  for (const line of readFileSync(path.join(here, file), 'utf8').split('\n').filter(Boolean)) {
    const doc = JSON.parse(line);
    docs++;
    perLang[lang] ??= { docs: 0, spans: 0 };
    perLang[lang].docs++;
    let lastEnd = -1;
    for (const s of [...doc.spans].sort((a, b) => a.start - b.start)) {
      const value = doc.text.slice(s.start, s.end);
      const bad =
        !LABELS.includes(s.label) || s.start < lastEnd || s.end <= s.start || s.end > doc.text.length || value.trim() !== value;
      if (bad) {
        problems++;
        console.log(`PROBLEM ${doc.id} ${s.start}-${s.end} ${s.label} ${JSON.stringify(value)}`);
      }
      lastEnd = s.end;
      perLabel[s.label]++;
      perLang[lang].spans++;
      if (print) console.log(`${doc.id}\t${s.label}\t${JSON.stringify(value)}`);
    }
  }
}
const total = Object.values(perLabel).reduce((a, b) => a + b, 0);
console.log(`documents ${docs}, spans ${total}, problems ${problems}`);
console.log(JSON.stringify(perLabel));
console.log(JSON.stringify(perLang));
if (problems > 0) process.exit(1);
