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

function bareFirstName(word: string): boolean {
  const key = fold(word);
  return key.length >= 3 && isFirstName(word) && !isDictionaryWord(key) && communePopulation(word) === undefined;
}

/** The names joined to the PERSON spans, then to those (a list of three: "Ana, Luis and Marta"). */
export function coordinatedNameSpans(spans: readonly Span[], doc: Doc): Span[] {
  const first = joinedTo(spans, doc);
  return first.concat(joinedTo(first, doc));
}

function joinedTo(spans: readonly Span[], doc: Doc): Span[] {
  const t = doc.text;
  const out: Span[] = [];
  for (const s of spans) {
    if (s.label !== 'PERSON' || s.score < 0.8) continue;
    const after = JOINED_AFTER.exec(t.slice(s.end, s.end + WINDOW));
    if (after && bareFirstName(after[1]!)) {
      const start = s.end + after.index + after[0].length - after[1]!.length;
      out.push({ start, end: start + after[1]!.length, label: 'PERSON', score: 0.8, priority: s.priority - 5, source: 'person-coordinated' });
    }
    const from = Math.max(0, s.start - WINDOW);
    const before = JOINED_BEFORE.exec(t.slice(from, s.start));
    if (before && bareFirstName(before[1]!)) {
      const start = from + before.index;
      out.push({ start, end: start + before[1]!.length, label: 'PERSON', score: 0.8, priority: s.priority - 5, source: 'person-coordinated' });
    }
  }
  return out;
}
