import { PRIORITY, type Doc, type Span } from './types.js';

/**
 * A person's name written again in its own script right after its Latin spelling, as bilingual forms and letters give
 * it: "CHAN Tai Man (陳大文)", "Mme Olena KOVALENKO (Олена Коваленко)", "M. Habtamu Tesfaye WOLDEMARIAM / ሀብታሙ ተስፋዬ".
 * Neither the model nor the name lists read Chinese, Cyrillic, Ge'ez, Greek, Hebrew or Arabic names; the found name
 * before them says whose they are. One to four words with no Latin letter, in brackets or after a slash. Run after the
 * names are found and spread.
 */
const NON_LATIN_WORD = String.raw`(?:(?!\p{Script=Latin})[\p{L}\p{M}])+`;
// In brackets, closed by the bracket, and not a chat sender's role before the message's colon ("Tamari Beridze (დედა):",
// "(დეიდა, ზუგდიდი):" is "aunt" and her town); after a slash, closed by a comma, a wide gap or the line's end.
const AFTER_NAME = new RegExp(
  String.raw`^[ \t]*(?:\([ \t]*(${NON_LATIN_WORD}(?:[ \t-]${NON_LATIN_WORD}){0,3})[ \t]*\)(?![ \t]*:)|\/[ \t]*(${NON_LATIN_WORD}(?:[ \t-]${NON_LATIN_WORD}){0,3})(?=[ \t]*(?:,|;|\r?\n|$|[ \t]{2})))`,
  'du',
);
// Cheap test first: a letter of another script somewhere in the note.
const OTHER_SCRIPT = /(?!\p{Script=Latin})\p{L}/u;

export function namesInOtherScriptsAfter(spans: readonly Span[], doc: Doc): Span[] {
  const t = doc.text;
  if (!OTHER_SCRIPT.test(t)) return [];
  const out: Span[] = [];
  for (const s of spans) {
    if (s.label !== 'PERSON') continue;
    const m = AFTER_NAME.exec(t.slice(s.end, s.end + 80));
    if (!m) continue;
    const [start, end] = (m.indices![1] ?? m.indices![2]!).map((at) => s.end + at) as [number, number];
    out.push({ start, end, label: 'PERSON', score: 0.8, priority: PRIORITY.context, source: 'person-in-other-script' });
  }
  return out;
}
