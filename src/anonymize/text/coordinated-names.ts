import { blanksStartBefore } from './blanks.js';
import { isDictionaryWord } from './bloom.js';
import { communePopulation, isFirstName } from './gazetteers.js';
import { fold } from './normalize.js';
import type { Doc, Span } from './types.js';

/**
 * Names joined to a found name by "and", "et", "&", "+" or a comma: "Parents Seonaidh and Lachlan",
 * "Youssef et Boutros Haddad", "Nadège (secteur 1), Romain (secteur 2)", "Gav + Shaun". Lists of people
 * name the first one with its context (a family or role word) and leave the next ones bare. A word
 * joined so is a person when a first-name list knows it, no dictionary does and it is no commune:
 * "Dr Martin and Paris", "Nadia, Diabetes" stay text. A name in brackets after the first (a sector, an
 * age, a role) is stepped over.
 */
const JOINED_AFTER = /^(?:[ \t]*\([^()\n]{1,25}\))?[ \t]*(?:,|\+|&|\band\b|\bet\b)[ \t]*(\p{Lu}[\p{Ll}'’]+(?:-\p{Lu}[\p{Ll}'’]+)?)(?![\p{L}\p{N}])/u;
const JOINED_BEFORE = /(?<![\p{L}\p{N}])(\p{Lu}[\p{Ll}'’]+(?:-\p{Lu}[\p{Ll}'’]+)?)[ \t]*(?:\+|&|\band\b|\bet\b)[ \t]*(?:(?:M|Mme|Mr|Mrs|Ms|Dr)\.?[ \t]+)?$/u;
const WINDOW = 48;

const TITLES_BEFORE_NAME = ['Mme', 'Mrs', 'Mr', 'Ms', 'Dr', 'M'];
const CONNECTORS = ['+', '&', 'and', 'et'];

/**
 * What JOINED_BEFORE needs at the very end of `text.slice(from, to)`: a connector, then blanks, or
 * then blanks, a title, its dot and blanks. Checked by hand first because the regex, anchored at the
 * end only, is tried from every one of the 48 characters, for every name, and nearly always fails.
 */
function mayEndWithConnector(text: string, from: number, to: number): boolean {
  const end = blanksStartBefore(text, from, to);
  if (endsWithConnector(text, from, end)) return true;
  if (end === to) return false; // a title needs blanks after it
  const titleEnd = end > from && text[end - 1] === '.' ? end - 1 : end;
  return TITLES_BEFORE_NAME.some((title) => endsWith(text, from, titleEnd, title) && endsWithConnector(text, from, blanksStartBefore(text, from, titleEnd - title.length)));
}

function endsWithConnector(text: string, from: number, at: number): boolean {
  return CONNECTORS.some((connector) => endsWith(text, from, at, connector));
}

function endsWith(text: string, from: number, at: number, word: string): boolean {
  return at - word.length >= from && text.startsWith(word, at - word.length);
}

function bareFirstName(word: string): boolean {
  const key = fold(word);
  return key.length >= 3 && isFirstName(word) && !isDictionaryWord(key) && communePopulation(word) === undefined;
}

/** The names joined to the PERSON spans, then to those (a list of three: "Ana, Luis and Marta"). */
export function coordinatedNameSpans(spans: readonly Span[], doc: Doc): Span[] {
  const first = joinedTo(spans, spans, doc);
  return first.concat(joinedTo(first, spans, doc));
}

/**
 * A word another rule already read as a place or a facility ("Dr Gray's Hospital, Elgin": a town that is
 * also a first name) stays theirs: being joined to a name by a comma or "and" says less than their context.
 */
function placeAt(all: readonly Span[], start: number, end: number): boolean {
  return all.some((o) => o.label !== 'PERSON' && o.start <= start && o.end >= end);
}

function joinedTo(spans: readonly Span[], all: readonly Span[], doc: Doc): Span[] {
  const t = doc.text;
  const out: Span[] = [];
  for (const s of spans) {
    if (s.label !== 'PERSON' || s.score < 0.8) continue;
    const after = JOINED_AFTER.exec(t.slice(s.end, s.end + WINDOW));
    if (after && bareFirstName(after[1]!)) {
      const start = s.end + after.index + after[0].length - after[1]!.length;
      if (!placeAt(all, start, start + after[1]!.length)) out.push({ start, end: start + after[1]!.length, label: 'PERSON', score: 0.8, priority: s.priority - 5, source: 'person-coordinated' });
    }
    const from = Math.max(0, s.start - WINDOW);
    const before = mayEndWithConnector(t, from, s.start) ? JOINED_BEFORE.exec(t.slice(from, s.start)) : null;
    if (before && bareFirstName(before[1]!)) {
      const start = from + before.index;
      if (!placeAt(all, start, start + before[1]!.length)) out.push({ start, end: start + before[1]!.length, label: 'PERSON', score: 0.8, priority: s.priority - 5, source: 'person-coordinated' });
    }
  }
  return out;
}
