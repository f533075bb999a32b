import { isDictionaryWord } from '../bloom.js';
import { isFirstNameOfAnyList } from '../gazetteers.js';
import { fold } from '../normalize.js';
import { TITLE_ENDS_BEFORE } from '../titles.js';
import { PRIORITY, type Doc, type Span } from '../types.js';

/**
 * A hospital ward named after a place or a person, its kind first: "Ward Quantock", "Ward Glaslyn", "admitted ward
 * Jasmin". The name is one or two capitalised words that no English dictionary holds ("Ward Dictate app", "Labour Ward
 * Coordinator" are no names). Without this the first-name list read "Ward" as a given name and the whole as a person.
 * "Ward" after a title is a surname ("Dr Ward"), left to the person rules. 7 of 7 such names in the read sets are
 * facilities.
 * The other order ("Caradog Ward", "Tolgus Ward") when the name is one capitalised word that is neither in a
 * dictionary nor a first name: "Lachlan Ward" is a person, "Medical Ward" and "Labour Ward" say a kind, not a name.
 * 11 of 12 such names in the read sets are marked as facilities ("Gateley Ward" is not).
 */
const WARD_THEN_NAME = /(?<![\p{L}])[Ww]ard[ \t]+([\p{Lu}][\p{Ll}'’-]+(?:[ \t]+[\p{Lu}][\p{Ll}'’-]+)?)(?![\p{L}])/dgu;
const HINT = /[Ww]ard[ \t]+[\p{Lu}]/u;
// The capital first, then the look-behind to it: a pattern that opens on a look-behind is tried at every position.
const NAME_THEN_WARD = /(\p{Lu}(?<![\p{L}\p{N}'’.-]\p{Lu})[\p{Ll}]{2,}(?:-[\p{Lu}]?[\p{Ll}]+)?)[ \t]+Ward(?![\p{L}])/gu;

/**
 * A hospital's wing named after a place or a benefactor ("Lavington Wing", "Ellen Badger Wing", "Roodlands Wing"),
 * as letterheads write it after the service: one to three capitalised words before "Wing", one at least no dictionary
 * word ("West Wing", "Private Wing" say where, not which). 9 of 10 such names in the read sets are facilities.
 */
// Words that say where a wing is, which the dictionary does not all hold ("west").
const WHERE_IN_A_BUILDING = new Set(['north', 'south', 'east', 'west', 'northern', 'southern', 'eastern', 'western', 'central', 'upper', 'lower', 'left', 'right', 'front', 'rear', 'new', 'old', 'main']);
const NAME_THEN_WING = /(\p{Lu}(?<![\p{L}\p{N}'’.-]\p{Lu})[\p{Ll}'’-]+(?:[ \t]\p{Lu}[\p{Ll}'’-]+){0,2})[ \t]+Wing(?![\p{L}])/gu;

export function namedWardSpans(doc: Doc): Span[] {
  const t = doc.text;
  const out: Span[] = [];
  if (t.includes(' Wing')) {
    for (const m of t.matchAll(NAME_THEN_WING)) {
      const words = m[1]!.split(/[ \t]/).map((w) => fold(w).replace(/['’-]/g, ''));
      if (words.every((w) => isDictionaryWord(w) || WHERE_IN_A_BUILDING.has(w)) || TITLE_ENDS_BEFORE.test(t.slice(Math.max(0, m.index - 12), m.index))) continue;
      out.push({ start: m.index, end: m.index + m[0].length, label: 'HOSPITAL', score: 0.85, priority: PRIORITY.context, source: 'hospital-named-wing' });
    }
  }
  if (t.includes(' Ward')) {
    for (const m of t.matchAll(NAME_THEN_WARD)) {
      const name = fold(m[1]!);
      if (isDictionaryWord(name.replace(/-/g, '')) || isFirstNameOfAnyList(m[1]!) || TITLE_ENDS_BEFORE.test(t.slice(Math.max(0, m.index - 12), m.index))) continue;
      out.push({ start: m.index, end: m.index + m[0].length, label: 'HOSPITAL', score: 0.85, priority: PRIORITY.context, source: 'hospital-named-ward' });
    }
  }
  if (!HINT.test(t)) return out;
  for (const m of t.matchAll(WARD_THEN_NAME)) {
    if (TITLE_ENDS_BEFORE.test(t.slice(Math.max(0, m.index - 12), m.index))) continue;
    const words = [...m[1]!.matchAll(/[^ \t]+/g)];
    // The name ends before the first dictionary word: "Ward Quantock Tel" keeps "Quantock".
    let kept = 0;
    while (kept < words.length && !isDictionaryWord(fold(words[kept]![0]).replace(/['’]/g, ''))) kept++;
    if (kept === 0) continue;
    const last = words[kept - 1]!;
    const end = m.indices![1]![0] + last.index + last[0].length;
    out.push({ start: m.index, end, label: 'HOSPITAL', score: 0.85, priority: PRIORITY.context, source: 'hospital-named-ward' });
  }
  return out;
}
