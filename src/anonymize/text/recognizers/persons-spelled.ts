import { fold } from '../normalize.js';
import { PRIORITY, type Doc, type Span } from '../types.js';

/**
 * A name spelled letter by letter after it is said, as dictations transcribe it: "patient Aili Rautio, spelled
 * R A U T I O", "monsieur Traoré Boubacar, T R A O R É", "Pierre-Louis Nadège, je répète P I E R R E tiret L O U I
 * S", "nom D I A deux T A" (a doubled letter said as such), "Wan Rosnani, spelled W A N R O S N A N I" (two
 * words spelled in one run, each a span), or typed with hyphens ("I will spell the family name, B-O-S-A-N, Bosan", "je
 * répète le nom, N-G-A-N-O-U, Nganou", "O-U-L-D B-R-A-H-I-M": one run a word). The letters are a person when they
 * spell words said just before them (an identifier read letter by letter, "K T G A", spells no word of the text); the
 * word said once more right after the spelling is the same name ("B-O-S-A-N, Bosan").
 */
// A doubled letter is said "deux T" or "double N" ("D I A deux T A" spells Diatta, "A double N E T" Annet).
const SPELLED = /(?<![\p{L}\p{N}])(?:(?:deux|double) )?\p{L}(?: (?:(?:deux|double) )?\p{L}){2,}(?![\p{L}\p{N}])/gu;
// Typed with hyphens, each run one word: a letter glued to a run by a hyphen belongs to it, a blank ends it. The first
// letter is read before the look-behind to it: a pattern that opens on a look-behind is tried at every position.
const HYPHENATED = /\p{L}(?<![\p{L}\p{N}-]\p{L})(?:-\p{L}){2,}(?![\p{L}\p{N}-])/gu;
// The word said again right after the spelling ("B-O-S-A-N, Bosan").
const SAID_AFTER = /^,?[ \t]+(\p{L}+)/du;
const DOUBLED = /(?:deux|double) (\p{L})/gu;
const WORDS_BEFORE = 100;

const UNIT = /(?:(?:deux|double) )?\p{L}/gu;

/**
 * The run cut into words said before it, when it spells several in a row ("W A N R O S N A N I" after "Wan Rosnani",
 * "F A T O U M A T A B I N T A"): each part's start and end, or undefined when no cut makes every part a said word.
 */
function saidWordsInRun(run: string, at: number, said: ReadonlySet<string>): { start: number; end: number }[] | undefined {
  const units = [...run.matchAll(UNIT)].map((u) => ({ letters: fold(u[0].replace(DOUBLED, '$1$1')), start: at + u.index, end: at + u.index + u[0].length }));
  // best[i]: a cut of the first i units into said words (the longest last word tried first), or undefined.
  const best: ({ start: number; end: number }[] | undefined)[] = [[]];
  for (let i = 1; i <= units.length; i++) {
    for (let j = 0; j <= i - 2 && best[i] === undefined; j++) {
      const prefix = best[j];
      if (prefix === undefined) continue;
      const word = units.slice(j, i).map((u) => u.letters).join('');
      if (said.has(word)) best[i] = [...prefix, { start: units[j]!.start, end: units[i - 1]!.end }];
    }
  }
  return best[units.length];
}

export function spelledPersonSpans(doc: Doc): Span[] {
  const t = doc.text;
  const spaced = /(?<![\p{L}\p{N}])\p{L} \p{L} \p{L}(?![\p{L}\p{N}])/u.test(t);
  // Opened on the hyphen, which the engine finds fast, not on a letter tried at every position.
  const hyphenated = /-\p{L}-\p{L}/u.test(t);
  if (!spaced && !hyphenated) return [];
  const out: Span[] = [];
  const said = (at: number) => new Set(fold(t.slice(Math.max(0, at - WORDS_BEFORE), at)).split(/[^\p{L}]+/u).filter((w) => w.length >= 2));
  const push = (part: { start: number; end: number }) => out.push({ ...part, label: 'PERSON', score: 0.8, priority: PRIORITY.context, source: 'person-spelled' });
  for (const m of spaced ? t.matchAll(SPELLED) : []) {
    // A single letter just before would be part of a longer run read by letters from another start.
    if (/(?:^|[^\p{L}\p{N}])\p{L} $/u.test(t.slice(Math.max(0, m.index - 3), m.index))) continue;
    for (const part of saidWordsInRun(m[0], m.index, said(m.index)) ?? []) push(part);
  }
  for (const m of hyphenated ? t.matchAll(HYPHENATED) : []) {
    const parts = saidWordsInRun(m[0], m.index, said(m.index));
    if (parts?.length !== 1) continue;
    push(parts[0]!);
    const end = m.index + m[0].length;
    const again = SAID_AFTER.exec(t.slice(end, end + 40));
    if (again && fold(again[1]!) === fold(m[0].replace(/-/g, ''))) push({ start: end + again.indices![1]![0], end: end + again.indices![1]![1] });
  }
  return out;
}
