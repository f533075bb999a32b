import { isDictionaryWord } from '../bloom.js';
import { isDrugName } from '../drugs.js';
import { isFirstNameOfAnyList } from '../gazetteers.js';
import { fold } from '../normalize.js';
import { PRIORITY, type Doc, type Span } from '../types.js';

/**
 * The children or patients a screening round or an outreach visit lists one per bullet, in lower case, each
 * name followed by an age or a school grade: "- wyatt bergstrom k – fail", "- harper two bulls 1st – eye turns
 * out", "- yanis le roux 6a : lunettes cassées", "- kaiden mcguire 6yo, …", "3) mme ben youssef nadia 54a –".
 * The age, the grade or the birth date ("ne le 17/02/1954") right after two to four lowercase words, at a bullet,
 * is what makes them a name; one of the words at either end must be a known first name, which says where the name
 * splits: first name and surname are a span each (the convention for a name in a lowercase line). Two words of which
 * no list knows the first ("paisley fagerhaug": new first names outrun any list) are first name and surname when the
 * second is no ordinary word and no drug. A title before the name stays out.
 */
const WORD = String.raw`\p{Ll}[\p{Ll}'’-]*`;
const TITLE = String.raw`(?:mr|mrs|ms|mme|mlle|m\.)`;
// An age ("6yo", "5a", "54 ans", "7mo", "29f") or a school grade ("k", "1st", "gs", "ce1").
const AGE_OR_GRADE = String.raw`(?:\d{1,2}[ \t]?(?:yo|y\/o|yrs?|y|ans?|a|mois|mo|m|f)|k|kdg|1st|2nd|3rd|[4-8]th|ps|ms|gs|cp|ce1|ce2|cm1|cm2)`;
// Or the birth date ("- le guern armelle ne le 17/02/1954", "1) roques thierry ne le 12/07/1968").
const BIRTH = String.raw`(?:n[eé]e?[ \t]+le|dob[ \t]*:?|born)[ \t]+\d`;
// Or an age between dashes ("3. wayne hingston – 44 – no medicare card"), or a town in brackets before the patient's
// number ("5. ray dinham (middleton) medicare 5510 …").
const DASHED_AGE = String.raw`[–—-][ \t]+\d{1,3}[ \t]+[–—-]`;
const TOWN_BEFORE_NUMBER = String.raw`\([\p{Ll} '’-]{3,30}\)[ \t]+(?:medicare|nhi|nhs|chi|mrn|ppsn|phn|hcn|dob|ipp|nir)\b`;
// A bullet, a number, or an indent of two blanks at least (a list nested under a heading; group 1).
const LINE = new RegExp(
  String.raw`(?<=^|\n)(?:[ \t]*(?:[-•*·▪]|\d{1,2}[.)])[ \t]+|([ \t]{2,}))(?:${TITLE}[ \t]+)?(${WORD}(?:[ \t]+${WORD}){1,3})(?=[ \t]*,?[ \t]+(?:${AGE_OR_GRADE}(?![\p{L}\p{N}])[ \t]*(?:[-–—:,;(]|\r?\n|$)|${BIRTH}|${DASHED_AGE}|${TOWN_BEFORE_NUMBER}))`,
  'dgu',
);
const HINT = /(?:^|\n)(?:[ \t]*(?:[-•*·▪]|\d{1,2}[.)])[ \t]+|[ \t]{2,})\p{Ll}/u;

// A known first name that is no ordinary word vouches for the name alone; one that is also a word ("mason",
// "jade") when the word at the other end is none ("kjerstad", "morvan").
function firstNameAt(word: string, other: string): boolean {
  return isFirstNameOfAnyList(word) && (!isDictionaryWord(fold(word)) || !isDictionaryWord(fold(other)));
}

// A surname's particle opening three words or more is no first name ("ben amara nadia", "van dijk emma").
const PARTICLES = new Set(['le', 'la', 'de', 'du', 'des', 'da', 'di', 'dos', 'das', 'del', 'della', 'van', 'von', 'ben', 'el', 'al', 'abu']);

export function rosterBulletPersonSpans(doc: Doc): Span[] {
  const t = doc.text;
  if (!HINT.test(t)) return [];
  const out: Span[] = [];
  for (const m of t.matchAll(LINE)) {
    const [start, end] = m.indices![2]!;
    const words = [...m[2]!.matchAll(/\S+/gu)];
    const first = words[0]![0];
    const last = words.at(-1)![0];
    // Where the name splits: after a first name that opens it, or before one that closes it ("schaeffer lola").
    const particleFirst = words.length >= 3 && PARTICLES.has(fold(first));
    // Without a bullet an indented line may be any phrase ("wound care 2y"): neither word of the pair may be ordinary.
    const unknownPair = (m[1] === undefined || !isDictionaryWord(fold(first))) && words.length === 2 && last.length >= 3 && !isDictionaryWord(fold(last)) && !isDrugName(last);
    const firstNameFirst = (firstNameAt(first, last) && !particleFirst) || unknownPair;
    if (!firstNameFirst && !firstNameAt(last, first)) continue;
    const [second, closing, beforeClosing] = [words[1]!, words.at(-1)!, words.at(-2)!];
    const parts: readonly (readonly [number, number])[] = firstNameFirst
      ? [[start, start + first.length], [start + second.index, end]]
      : [[start, start + beforeClosing.index + beforeClosing[0].length], [start + closing.index, end]];
    for (const [s, e] of parts) {
      out.push({ start: s, end: e, label: 'PERSON', score: 0.8, priority: PRIORITY.context - 5, source: 'person-roster-bullet' });
    }
  }
  return out;
}
