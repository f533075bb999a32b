/**
 * Proof that a speed change of the rules changes no span, checked wider than same-output.ts can
 * afford with the model: every rule span before merging (`ruleSpans`: offsets, label, score, source,
 * priority, in order) and every final rules-only span (`detect` without a model), old tree vs new, on
 * the dev notes, EDS-Pseudo's test set, the first, second and fourth to sixth held-out sets (never
 * the third or the sealed ones), and on generated text: random strings of the words, digits, blanks
 * and punctuation the format scans read (cue words in every case, digit runs of every length, units,
 * separators), where a rewritten scan that differs at an edge is far likelier to show it.
 *
 *   tsx bench/text/same-rules.ts --old DIR [--new DIR] [--random N] [--seed S]
 *
 * DIR is a tree with src/ (e.g. `git archive HEAD | tar -x -C DIR`). Exit code 1 on any difference.
 */
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { proofCorpus } from './proof-corpus.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const arg = (name: string, fallback?: string) => (process.argv.includes(name) ? process.argv[process.argv.indexOf(name) + 1]! : fallback);
const oldTree = arg('--old');
if (!oldTree) throw new Error('usage: same-rules.ts --old DIR [--new DIR] [--random N] [--seed S]');
const trees = { old: path.resolve(oldTree), new: path.resolve(arg('--new', path.join(here, '../..'))!) };
const randomCount = Number(arg('--random', '20000'));
let seed = Number(arg('--seed', '1')) >>> 0;

type Rules = { ruleSpans: (doc: unknown) => unknown[]; detect: (text: string, o: object) => Promise<{ spans: unknown[] }>; makeDoc: (t: string, l: string) => unknown };
async function load(tree: string): Promise<Rules> {
  const at = (file: string) => import(pathToFileURL(path.join(tree, file)).href);
  const { ruleSpans, detect } = await at('src/anonymize/text/pipeline.ts');
  const { makeDoc } = await at('src/anonymize/text/normalize.ts');
  return { ruleSpans, detect, makeDoc };
}
const [before, after] = [await load(trees.old), await load(trees.new)];

const { texts: corpus, from: corpusFrom } = proofCorpus();
const realCount = corpus.length;

// Generated text: pieces the format scans read, in random order. xorshift32, so a seed repeats a run.
const random = () => ((seed ^= seed << 13), (seed ^= seed >>> 17), (seed ^= seed << 5), (seed >>> 0) / 2 ** 32);
const pick = <T>(a: readonly T[]): T => a[Math.floor(random() * a.length)]!;
const digits = () => String(Math.floor(random() * 10 ** (1 + Math.floor(random() * 9)))).padStart(1 + Math.floor(random() * 3), '0');
const PIECES = [
  'age', 'Age', 'AGE', 'âge', 'Âge', 'ÂGE', 'is', 'IS', 'Is', 'aged', 'agee de', 'agée de', 'âgée de', 'âge de', 'image de', 'this', 'ſ', 'K',
  'mg', 'kg', '%', 'ml', 'min', 'h', 'g', 'bpm', 'mmHg', 'ans', 'years old', 'yo', 'F', 'M', 'yF',
  'http://', 'https://', 'HTTP://', 'ftp://', 'www.', 'WWW.', 'ww.', 'x.fr', '://', 'example.com/a?b=1',
  'lundi', 'mardi', 'dimanche', 'Monday', 'sunday', 'lun', 'ven.', 'dim', 'le', 'du', 'on', 'since', 'seen', 'my', 'dob', 'né le',
  'mars', 'May', 'janvier', 'Sept', 'dec', 'XI', 'III', 'of', 'the', '1er', 'th', 'st',
  'MRN', 'IPP', 'ref', 'Reg.', 'IMC', 'serial no', 'tel', 'phone', 'ext.', 'O', 'o', 'l', 'I',
  '+44', '+1', '+33', '00 33', 'xxx-xx-', 'XX*', '0 6', 'AB', 'Zq', '2A', 'f:', 'a1:', '17 ocotbre', 'lundi 12 mars', 'Tue., 3 May', 'dimanche 1er avril', 'wed 5th of june', 'sam. 7/2', 'avenue du', 'rue du 8', '1er', 'mon.,', 'le 3/4',
];
const SEPARATORS = [' ', ' ', ' ', '\t', ':', ' : ', ', ', '.', '\n', '-', '/', ' / ', '', '', '(', ')', '#', '*'];
for (let i = 0; i < randomCount; i++) {
  let s = '';
  const n = 3 + Math.floor(random() * 30);
  for (let k = 0; k < n; k++) s += (random() < 0.45 ? digits() : pick(PIECES)) + pick(SEPARATORS);
  corpus.push(s);
}

let differences = 0;
for (const [i, text] of corpus.entries()) {
  const same = async (what: string, a: unknown, b: unknown) => {
    if (JSON.stringify(a) === JSON.stringify(b)) return;
    if (++differences <= 10) console.error(`${what} differ on ${i < realCount ? `document ${i}` : `generated ${JSON.stringify(text)}`}:\n  old ${JSON.stringify(a)}\n  new ${JSON.stringify(b)}`);
  };
  await same('rule spans', before.ruleSpans(before.makeDoc(text, 'auto')), after.ruleSpans(after.makeDoc(text, 'auto')));
  await same('final rules-only spans', (await before.detect(text, { lang: 'auto' })).spans, (await after.detect(text, { lang: 'auto' })).spans);
}
console.log(`${realCount} documents (${corpusFrom}) and ${randomCount} generated: ${differences === 0 ? 'identical' : `${differences} differences`}`);
process.exit(differences === 0 ? 0 : 1);
