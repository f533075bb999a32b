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
/**
 * A known first name, no dictionary word, before "'s" and a lowercase word: "Hi, Brody's left ear", "Kaia's school
 * nurse", "Gary's number". Not a saint's, a king's or a queen's (a church, a hospital, a college), nor an eponym's head
 * ("Bell's palsy", "Barrett's segment": their names are dictionary words or the eponym list's, and the head noun is
 * medical), nor a newborn's ("Baby's name"). 7 of 8 such words in the read sets are persons ("Maggie's leaflet", a
 * cancer charity's, is not).
 */
const FIRST_NAME_POSSESSIVE = /(\p{Lu}(?<![\p{L}\p{N}.'’-]\p{Lu})\p{Ll}{2,20})['’]s[ \t]+(\p{Ll}+)/dgu;
// What a note calls a newborn before its name is given ("Baby's name: Manaia"): the lists hold it as a name.
const NEWBORN_WORDS = new Set(['baby', 'bub', 'bubba', 'infant']);
const SAINT_OR_ROYAL_BEFORE = /(?:St|St\.|Ste|Saint|Queen|King|Lord|Lady|Prince|Princess)[ \t]+$/u;
const MEDICAL_HEAD_AFTER = /^(?:disease|syndrome|sign|score|scale|test|law|triad|phenomenon|reflex|palsy|ulcer|sarcoma|lymphoma|segment|surveillance|oesophagus|esophagus|solution|criteria|classification|fracture|manoeuvre|maneuver|operation|procedure|node|cyst|contracture)$/;

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
  for (const m of t.matchAll(FIRST_NAME_POSSESSIVE)) {
    const word = m[1]!;
    if (!isFirstName(word) || isDictionaryWord(fold(word)) || NEWBORN_WORDS.has(fold(word)) || MEDICAL_HEAD_AFTER.test(m[2]!) || SAINT_OR_ROYAL_BEFORE.test(t.slice(Math.max(0, m.index - 9), m.index))) continue;
    const [s, e] = m.indices![1]!;
    out.push({ start: s, end: e, label: 'PERSON', score: 0.75, priority: PRIORITY.context - 5, source: 'person-first-name-possessive' });
  }
  return out;
}
