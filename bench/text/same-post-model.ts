/**
 * Proof that a speed change of what handles the model's spans (the model-span filter `ner/filter.ts`,
 * label checks, hard negatives, propagation, merging) changes no output, checked wider than
 * same-output.ts can afford with the model: the whole pipeline (`detect`) with a stand-in model that
 * proposes made-up spans, old tree vs new, on the same documents as same-rules.ts (dev notes,
 * EDS-Pseudo's test set, held-out sets 1, 2 and 4–6; never the third or the sealed ones). The made-up
 * spans cover every word run of one to three words of each document with each label in turn and
 * scores on both sides of the filter's thresholds, so that the filter's branches (headings, form
 * nouns, possessives, lowercase words, capitals) meet far more cases than the model's own spans give.
 * Compared: every final span (offsets, label, score, source, priority) and every stand-in span as the
 * filter left it (the filter may cut or relabel a span in place).
 *
 *   tsx bench/text/same-post-model.ts --old DIR [--new DIR] [--every N]
 *
 * DIR is a tree with src/ (e.g. `git worktree add DIR HEAD`). --every N proposes spans at every N-th
 * word only (default 1). Exit code 1 on any difference.
 */
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { proofCorpus } from './proof-corpus.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const arg = (name: string, fallback?: string) => (process.argv.includes(name) ? process.argv[process.argv.indexOf(name) + 1]! : fallback);
const oldTree = arg('--old');
if (!oldTree) throw new Error('usage: same-post-model.ts --old DIR [--new DIR] [--every N]');
const trees = { old: path.resolve(oldTree), new: path.resolve(arg('--new', path.join(here, '../..'))!) };
const every = Number(arg('--every', '1'));

type Span = { start: number; end: number; label: string; score: number; priority: number; source: string };
type Detect = (text: string, o: object) => Promise<{ spans: Span[] }>;
const load = async (tree: string): Promise<Detect> => (await import(pathToFileURL(path.join(tree, 'src/anonymize/text/pipeline.ts')).href)).detect;
const [before, after] = [await load(trees.old), await load(trees.new)];

const { texts: corpus, from: corpusFrom } = proofCorpus();

const LABELS = ['PERSON', 'CITY', 'HOSPITAL', 'ADDRESS'];
/** One to three whitespace-separated words from every N-th word start, labels and scores in turn. */
function madeUpSpans(text: string): Span[] {
  const words = [...text.matchAll(/\S+/g)].map((m) => [m.index, m.index + m[0].length] as const);
  const out: Span[] = [];
  for (let i = 0; i < words.length; i += every) {
    const n = 1 + (i % 3);
    const last = words[Math.min(words.length - 1, i + n - 1)]!;
    out.push({ start: words[i]![0], end: last[1], label: LABELS[(i >> 1) % 4]!, score: 0.6 + ((i * 37) % 41) / 100, priority: 20, source: 'ner' });
  }
  return out;
}

let differences = 0;
let spanCount = 0;
for (const [i, text] of corpus.entries()) {
  const proposed = madeUpSpans(text);
  spanCount += proposed.length;
  const asLeft = { old: [] as Span[], new: [] as Span[] };
  const run = (detect: Detect, side: 'old' | 'new') =>
    detect(text, {
      lang: 'auto',
      model: async () => (asLeft[side] = proposed.map((s) => ({ ...s }))),
    });
  const [a, b] = [await run(before, 'old'), await run(after, 'new')];
  for (const [what, x, y] of [['final spans', a.spans, b.spans], ['spans as the filter left them', asLeft.old, asLeft.new]] as const) {
    if (JSON.stringify(x) === JSON.stringify(y)) continue;
    if (++differences <= 10) console.error(`${what} differ on document ${i}`);
  }
}
console.log(`${corpus.length} documents (${corpusFrom}), ${spanCount} made-up model spans: ${differences === 0 ? 'identical' : `${differences} differences`}`);
process.exit(differences === 0 ? 0 : 1);
