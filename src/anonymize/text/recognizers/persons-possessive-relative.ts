import { isDictionaryWord } from '../bloom.js';
import { isFirstName, isLastName } from '../gazetteers.js';
import { fold } from '../normalize.js';
import { PRIORITY, type Doc, type Span } from '../types.js';

/**
 * A person named by whose relative someone is: "Hi it's Rhian, Gareth's wife", "it's Moana, Hemi's
 * daughter", "spoke with Aroha's mum", "Mrs Doyle's son". The possessive before a family word names a
 * person; the word is taken when a name list knows it or no dictionary does ("the patient's daughter",
 * "Mother's Day" name nobody). English only: French writes "la fille de …" (the family rules).
 */
const RELATIVE = String.raw`(?:wife|husband|partner|daughter|son|mum|mom|mam|mother|dad|father|brother|sister|girlfriend|boyfriend|fianc[eé]e?|niece|nephew|grandson|granddaughter|grandmother|grandfather|nan|gran|widow|widower|kids|children|boy|girl|baby|carer|cousin|aunt|uncle|stepson|stepdaughter)`;
const POSSESSIVE_RELATIVE = new RegExp(String.raw`(?<![\p{L}'’-])(\p{L}[\p{Ll}'’-]{1,30})['’]s[ \t]+(?:(?:eldest|youngest|older|younger|oldest|little|big|twin|ex|late|new)[ \t]+)?${RELATIVE}(?![\p{L}])`, 'dgu');
const HINT = /['’]s[ \t]/;

export function possessiveRelativePersonSpans(doc: Doc): Span[] {
  if (doc.lang !== 'en') return [];
  const t = doc.text;
  if (!HINT.test(t)) return [];
  const out: Span[] = [];
  for (const m of t.matchAll(POSSESSIVE_RELATIVE)) {
    const [s, e] = m.indices![1]!;
    const word = t.slice(s, e);
    const key = fold(word);
    if (key.length < 3) continue;
    const named = isFirstName(word) || isLastName(word) ? !isDictionaryWord(key) || /^\p{Lu}/u.test(word) : !isDictionaryWord(key);
    if (!named) continue;
    out.push({ start: s, end: e, label: 'PERSON', score: 0.8, priority: PRIORITY.context, source: 'person-possessive-relative' });
  }
  return out;
}
