import { fold } from '../normalize.js';
import { PRIORITY, type Doc, type Span } from '../types.js';

/**
 * A name spelled letter by letter after it is said, as dictations transcribe it: "patient Aili Rautio, spelled
 * R A U T I O", "monsieur Traoré Boubacar, T R A O R É", "Pierre-Louis Nadège, je répète P I E R R E tiret L O U I
 * S", "nom D I A deux T A" (a doubled letter said as such), "Wan Rosnani, spelled W A N R O S N A N I" (two
 * words spelled in one run, each a span). The letters are a person when they spell words said just before them (an
 * identifier read letter by letter, "K T G A", spells no word of the text).
 */
// A doubled letter is said "deux T" or "double N" ("D I A deux T A" spells Diatta, "A double N E T" Annet).
const SPELLED = /(?<![\p{L}\p{N}])(?:(?:deux|double) )?\p{L}(?: (?:(?:deux|double) )?\p{L}){2,}(?![\p{L}\p{N}])/gu;
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
  if (!/(?<![\p{L}\p{N}])\p{L} \p{L} \p{L}(?![\p{L}\p{N}])/u.test(t)) return [];
  const out: Span[] = [];
  for (const m of t.matchAll(SPELLED)) {
    // A single letter just before would be part of a longer run read by letters from another start.
    if (/(?:^|[^\p{L}\p{N}])\p{L} $/u.test(t.slice(Math.max(0, m.index - 3), m.index))) continue;
    const said = new Set(fold(t.slice(Math.max(0, m.index - WORDS_BEFORE), m.index)).split(/[^\p{L}]+/u).filter((w) => w.length >= 2));
    const parts = saidWordsInRun(m[0], m.index, said);
    for (const part of parts ?? []) out.push({ ...part, label: 'PERSON', score: 0.8, priority: PRIORITY.context, source: 'person-spelled' });
  }
  return out;
}
