import { fold } from '../normalize.js';
import { PRIORITY, type Doc, type Span } from '../types.js';

/**
 * A name spelled letter by letter after it is said, as dictations transcribe it: "patient Aili Rautio, spelled
 * R A U T I O", "monsieur Traoré Boubacar, T R A O R É", "Pierre-Louis Nadège, je répète P I E R R E tiret L O U I
 * S". The letters are a person when they spell a word said just before them (an identifier read letter by letter,
 * "K T G A", spells no word of the text).
 */
const SPELLED = /(?<![\p{L}\p{N}])\p{L}(?: \p{L}){2,}(?![\p{L}\p{N}])/gu;
const WORDS_BEFORE = 100;

export function spelledPersonSpans(doc: Doc): Span[] {
  const t = doc.text;
  if (!/(?<![\p{L}\p{N}])\p{L} \p{L} \p{L}(?![\p{L}\p{N}])/u.test(t)) return [];
  const out: Span[] = [];
  for (const m of t.matchAll(SPELLED)) {
    // A single letter just before would be part of a longer run read by letters from another start.
    if (/(?:^|[^\p{L}\p{N}])\p{L} $/u.test(t.slice(Math.max(0, m.index - 3), m.index))) continue;
    const spelled = fold(m[0].replace(/ /g, ''));
    const said = fold(t.slice(Math.max(0, m.index - WORDS_BEFORE), m.index)).split(/[^\p{L}]+/u);
    if (!said.includes(spelled)) continue;
    out.push({ start: m.index, end: m.index + m[0].length, label: 'PERSON', score: 0.8, priority: PRIORITY.context, source: 'person-spelled' });
  }
  return out;
}
