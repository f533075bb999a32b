import { AGAIN_WORDS, SPOKEN_RUN, spokenDigits } from './recognizers/ids-spoken.js';
import { saidAgain } from './recognizers/said-again.js';
import { PRIORITY, type Doc, type Span } from './types.js';

/**
 * A number a dictation reads again right after any found identifier or phone, in words or in writing ("Numéro de
 * sécurité sociale 2 68 03 974 17 047 64, je répète, deux soixante-huit zéro trois …", "580314 5231 082, I repeat,
 * five eight zero …", "… quatre cent douze, pardon, je corrige, D cinq cent …", "CF06071104K2QP, that is C F zero six
 * …"): the reading is the same number, so
 * it takes the same label. The spoken recognizers chain their own readings; this one follows a number whatever
 * found it (a checksum, a column, the model). Run after the spans are found, on the folded view.
 */
// A code read in writing: groups of digits (letters glued to them), single letters, or a letter group before a
// hyphen and a digit ("TL-0093314", "B K 7 2 4 9 4 1 3", "CF98021104KTGA"), joined by a blank, dot, hyphen or slash.
const GROUP = String.raw`(?:[a-z]{0,4}\d[a-z0-9]*|[a-z]{1,4}(?=-\d)|[a-z](?![a-z0-9]))`;
const WRITTEN_RUN = String.raw`${GROUP}(?:[ .\-/]${GROUP}){0,14}`;
// A comma, a semicolon or a dash may close the first reading ("2 20 02 14 008 317 ; je redis : deux, vingt, …").
const AGAIN = new RegExp(String.raw`^[ \t,;–—-]*${AGAIN_WORDS}[ \t,:]+(${SPOKEN_RUN}|${WRITTEN_RUN})(?![\p{L}\p{N}])`, 'du');
// Cheap test first: the words of a reading again somewhere in the note (AGAIN reads them right after a span).
const AGAIN_HINT = new RegExp(AGAIN_WORDS, 'u');
const enoughDigits = (run: string) => spokenDigits(run) || (run.match(/\d/g)?.length ?? 0) >= 4;

export function readAgainSpans(spans: readonly Span[], doc: Doc): Span[] {
  if (!AGAIN_HINT.test(doc.folded)) return [];
  // One reading may follow several spans over the same first number (an identifier and a phone guessed from the
  // same words): it takes the label of the one that outranks the others, as the merge would choose.
  const best = new Map<string, { start: number; end: number; from: Span }>();
  for (const s of spans) {
    if (s.label !== 'ID' && s.label !== 'PHONE') continue;
    for (const [start, end] of saidAgain(doc.folded, s.end, AGAIN, enoughDigits)) {
      const key = `${start}:${end}`;
      const seen = best.get(key);
      if (!seen || s.priority > seen.from.priority || (s.priority === seen.from.priority && s.score > seen.from.score)) best.set(key, { start, end, from: s });
    }
  }
  // The reading is the number found just before: its label holds over what the words alone suggest (a phone read in
  // words, "eight four two, three one one" after an Omang number).
  return [...best.values()].map(({ start, end, from }) => ({
    start,
    end,
    label: from.label,
    score: 0.85,
    priority: Math.max(from.priority, PRIORITY.pattern + 15),
    source: `${from.source}-read-again`,
  }));
}
