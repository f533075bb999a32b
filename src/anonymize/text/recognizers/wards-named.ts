import { isDictionaryWord } from '../bloom.js';
import { fold } from '../normalize.js';
import { TITLE_ENDS_BEFORE } from '../titles.js';
import { PRIORITY, type Doc, type Span } from '../types.js';

/**
 * A hospital ward named after a place or a person, its kind first: "Ward Quantock", "Ward Glaslyn", "admitted ward
 * Jasmin". The name is one or two capitalised words that no English dictionary holds ("Ward Dictate app", "Labour Ward
 * Coordinator" are no names). Without this the first-name list read "Ward" as a given name and the whole as a person.
 * "Ward" after a title is a surname ("Dr Ward"), left to the person rules. 7 of 7 such names in the read sets are
 * facilities. The other order ("Gateley Ward", "Ash ward") is left out: the sets mark it in half their cases, and
 * "Lachlan Ward" is a person.
 */
const WARD_THEN_NAME = /(?<![\p{L}])[Ww]ard[ \t]+([\p{Lu}][\p{Ll}'’-]+(?:[ \t]+[\p{Lu}][\p{Ll}'’-]+)?)(?![\p{L}])/dgu;
const HINT = /[Ww]ard[ \t]+[\p{Lu}]/u;

export function namedWardSpans(doc: Doc): Span[] {
  const t = doc.text;
  if (!HINT.test(t)) return [];
  const out: Span[] = [];
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
