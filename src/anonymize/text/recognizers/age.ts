import { PRIORITY, type Doc, type Span } from '../types.js';
import { writtenAgeSpans } from './age-written.js';

/** Ages over 89 only (HIPAA Safe Harbor): the number in "92 ans", "agée de 95 ans", "91-year-old", "93 yo". */
// Bilingual Belgian forms put the Dutch unit first: "94 j./ans", "94 jaar".
// Not a number glued to a letter or a unit glued to more digits: "Galway H91 YR71" is an Eircode. After a comma only
// when no digit comes before it: a CSV's cell ("parotid,90 yo") is an age, "1,90 ans" a decimal.
// What may not come before is tested after the first digit (the same matches; the search skips ahead
// to a digit instead of trying a leading lookbehind at every position).
const AGE = /(\d(?<![\p{L}\p{N}.]\d|\d,\d)\d{1,2})(?:\s*|-)(?:j\.?\s?\/\s?)?(?:ans|an|jaar|years?(?:[\s-]old)?|yrs?|yo|y\/o|y\.o\.|year-old)(?![\p{L}\p{N}])/gu;

// "Age: 94", "âge : 91", "She is 91 and", "âgée de 95", "Raymond Fuller, 91, MRN": a cue word, an
// optional colon between blanks, the number. Found number first: the cue alternation, case-insensitive
// and tried at every position, cost as much as every other age scan together. Each run of digits is
// read as the number would be right after a cue (AGE_NUMBER, sticky), and only then is the cue looked
// for just before its blanks and colon (AGE_CUE_BEFORE). Every cue ends in a letter, so the blanks
// and colon before the number are all between the cue and the number.
const DIGIT_RUN = /\d+/g;
// Not the first group of a number printed in groups ("MCP number is 117 432 809 005"): an identifier, not an age.
const AGE_NUMBER = /\d{2,3}(?!\p{N}|[.,]\d|[ \t]\d{3}[ \t]\d{3}|[ \t]*(?:%|mg|kg|cm|mm|ml|g\b|min|h\b|mmhg|bpm))/iuy;
// "he's 93", "hes 93" (chat): the verb's contracted form is a cue as "is" is.
// "\b" is ASCII in a JavaScript pattern: before "âge" (or "ÂGE") a look-behind for a letter says where the word starts.
const AGE_CUE_BEFORE = /(?:\bage|(?<![\p{L}])âge|\bis|\baged|agee? de|âgée? de|\bs?he['’]?s)$/iu;
/** The longest cue ("âgée de") and the character before it, which "\b" reads. */
const CUE_WINDOW = 8;
// Markdown may close a bold name before the comma: "**Edna Roe**, 97, …"; a bracket or a quote may close a nickname or a
// maiden name there: "mr pidgeon kenneth ("ken"), 90, …", "Bríd Hernon (née Ó Conghaile), 90, alive".
// The digits first, then the look-behind (which covers them): V8 skips to digits fast.
const AGE_APPOSITION = /(9\d|1[01]\d)(?<=(?:[\p{Ll}]\*{0,2}|[\p{Ll}"”]\)), \d{2,3})(?=, )/gu;
// Age glued to the sex, as ward lists and handovers write it: "96F", "92 M", "101yo F".
const AGE_SEX = /(?<![\p{L}\p{N}.,/])(9\d|1[01]\d)[ ]?(?:F|M|yF|yM|yo F|yo M)(?![\p{L}\p{N}])/gu;

// The age written after a date of birth, in brackets or after a comma: "DOB 19/02/1933 (92)", "(born
// 08.01.1931, 94)". Digits first, then the look-behind to the year; the number must be the age that
// year gives for a note written 1990-2040 (a count after a date is not an age).
const AGE_AFTER_BIRTH_DATE = /(9\d|1[0-2]\d)(?<=[./ -](?:19|20)\d{2}[ \t]*[(,][ \t]*\d{2,3})(?=[ \t]*[),])/gu;
// "her 90th birthday", "son 100e anniversaire": the age the birthday counts.
// Ages over 89 in a note's or a table's shorthand: "(93 a)", "94a,", "95 y |", "(92 y)", "94y,", "(90 Y)"; and the age
// after a sex letter and a comma ("(M, 91)", "Petro Savchuk, M, 91,"). A lone "a" or "y" only before a
// comma, a bracket, a bar, a semicolon or the line's end: "92 a été" is French prose.
const AGE_SHORT_UNIT = /(?<![\p{L}\p{N}.,/])(9\d|1[01]\d)[ \t]?(?:a|y|Y)(?=[ \t]*(?:[,);|]|$))/gmu;
const AGE_AFTER_SEX = /(?<![\p{L}])[MF],[ \t]*(9\d|1[01]\d)(?=[ \t]*[,)])/gu;
// The age in brackets right after a name, as logs and letters write it: "mrs agnes ure (93) phoned", "Mr. Emile
// Gaudet (93, DOB …)", "mrs margaret innes (94!)", "m. fourmond jacky (92 a!)". Over 89 in brackets after a word,
// every time in the hand-written sets (95 of 95); a clinical value there ("sats (94)") is a percentage, below.
const AGE_IN_BRACKETS_AFTER_WORD = /(9\d|1[01]\d)(?<=[\p{L}'’.][ \t]?\(\d{2,3})(?=(?:[ \t]?(?:a|ans|y|yo))?[ \t]*!?[ \t]*[),])/gu;
// The same after a room, as night logs list residents ("mr grandjean rene ch 7 (91)", "nora pomare (rm 4, 93)"): the
// room's number is no clinical value.
const ROOM = String.raw`(?:ch|chb|chambre|rm|room|bed|lit|box)\.?[ \t]?\d{1,4}[a-z]?`;
const AGE_IN_BRACKETS_AFTER_ROOM = new RegExp(String.raw`(9\d|1[01]\d)(?<=(?:^|[^\p{L}])${ROOM}[ \t]?\(\d{2,3})(?=(?:[ \t]?(?:a|ans|y|yo))?[ \t]*[),])`, 'giu');
// The digits first, then the look-behind (which covers them): a leading look-behind was tried at every position, and a
// run of blanks made it quadratic.
const AGE_AFTER_ROOM_IN_BRACKETS = new RegExp(String.raw`(9\d|1[01]\d)(?<=\(${ROOM},[ \t]{0,3}\d{2,3})(?=(?:[ \t]?(?:a|ans|y|yo))?[ \t]*\))`, 'giu');
// Over 89 after "at", "now" or "so" closed as a clause is ("the restriction is cruel at 92.", "but at 93 with blood
// pressure pills", "is now 96;", "born 2 May 1934, so 92"), unless a measure was named just before ("sats at 92,").
const AGE_AFTER_AT_NOW_SO = /(9\d|1[01]\d)(?<=(?:^|[^\p{L}])(?:at|now|so)[ \t]+\d{2,3})(?=[ \t]*[.,;)!?]|[ \t]+(?:with|and|he|she|it|is|was|we|i|this|that|after|but|you)(?![\p{L}]))/giu;
const MEASURE_BEFORE = /(?:sats?|spo2|sao2|o2|fio2|hr|rate|pulse|fc|bp|ta|rr|resp|temp|bpm|hb|glucose|sugar|bgl|weight|saturation|saturating|systolic|diastolic|score|level|sodium|na|k)(?![\p{L}])[^.\n]{0,14}$/iu;
// Between two dashes after a name, as a subject line or a visit list writes it: "Mrs Phyllis Greenaway – 91 – falls".
const AGE_BETWEEN_DASHES = /(9\d|1[01]\d)(?<=\p{L}[ \t]+[–—-][ \t]+\d{2,3})(?=[ \t]+[–—-][ \t])/gu;
const CLINICAL_BEFORE_BRACKET = /(?:sats?|spo2|sao2|o2|fio2|hr|rate|pulse|fc|fr|bp|ta|rr|resp|temp|bpm|hb|score|glucose|glycemie|weight|poids|saturation)[ \t]?\($/i;
const AGE_BIRTHDAY = /(?<![\p{N}])(9\d|1[0-2]\d)(?=(?:th|st|nd|rd|e|ème|eme)[ \t]+(?:birthday|anniversaire))/gu;

function ageFitsBirthYear(text: string, at: number, age: number): boolean {
  const year = /((?:19|20)\d{2})[ \t]*[(,][ \t]*$/.exec(text.slice(Math.max(0, at - 12), at))?.[1];
  const when = Number(year) + age;
  return when >= 1990 && when <= 2040;
}

/** Whether an age is PHI: over 89 (HIPAA's Safe Harbor groups the older ages), and under 130 (a larger number is no age). */
export function isPhiAge(years: number): boolean {
  return years > 89 && years < 130;
}

export function ageSpans(doc: Doc): Span[] {
  const out: Span[] = [];
  for (const m of doc.folded.matchAll(AGE)) {
    const n = Number(m[1]);
    if (isPhiAge(n)) out.push({ start: m.index, end: m.index + m[1]!.length, label: 'AGE', score: 0.95, priority: PRIORITY.pattern, source: 'age' });
  }
  const contextAge = (start: number, num: string) => {
    const n = Number(num);
    if (isPhiAge(n)) out.push({ start, end: start + num.length, label: 'AGE', score: 0.85, priority: PRIORITY.pattern - 5, source: 'age-context' });
  };
  for (const m of doc.text.matchAll(DIGIT_RUN)) {
    const num = numberAfterCue(doc.text, m.index);
    if (num !== undefined) contextAge(m.index, num);
  }
  for (const m of doc.text.includes('(') ? doc.text.matchAll(AGE_IN_BRACKETS_AFTER_WORD) : []) {
    if (CLINICAL_BEFORE_BRACKET.test(doc.text.slice(Math.max(0, m.index - 12), m.index))) continue;
    contextAge(m.index, m[1]!);
  }
  for (const m of doc.text.matchAll(AGE_AFTER_AT_NOW_SO)) {
    if (!MEASURE_BEFORE.test(doc.text.slice(Math.max(0, m.index - 28), m.index))) contextAge(m.index, m[1]!);
  }
  for (const re of [AGE_BETWEEN_DASHES, AGE_APPOSITION, AGE_SEX, AGE_BIRTHDAY, AGE_SHORT_UNIT, AGE_AFTER_SEX, AGE_IN_BRACKETS_AFTER_ROOM, AGE_AFTER_ROOM_IN_BRACKETS]) {
    for (const m of doc.text.matchAll(re)) contextAge(m.index + m[0].lastIndexOf(m[1]!), m[1]!);
  }
  for (const m of doc.text.matchAll(AGE_AFTER_BIRTH_DATE)) {
    if (ageFitsBirthYear(doc.text, m.index, Number(m[1]))) contextAge(m.index, m[1]!);
  }
  out.push(...writtenAgeSpans(doc));
  return out;
}

/** The number at `at` (the start of a run of digits) when an age cue comes before it, else undefined. */
function numberAfterCue(text: string, at: number): string | undefined {
  // Only 90 to 129 are kept: two digits from 9, three from 1 or a 0 before 90 to 99 ("096").
  const first = text.charCodeAt(at);
  if (first !== 0x39 && first !== 0x31 && first !== 0x30) return undefined;
  AGE_NUMBER.lastIndex = at;
  const num = AGE_NUMBER.exec(text)?.[0];
  if (num === undefined) return undefined;
  let cueEnd = at;
  while (cueEnd > 0 && isBlank(text.charCodeAt(cueEnd - 1))) cueEnd--;
  if (cueEnd > 0 && text[cueEnd - 1] === ':') {
    cueEnd--;
    while (cueEnd > 0 && isBlank(text.charCodeAt(cueEnd - 1))) cueEnd--;
  }
  return AGE_CUE_BEFORE.test(text.slice(Math.max(0, cueEnd - CUE_WINDOW), cueEnd)) ? num : undefined;
}

function isBlank(code: number): boolean {
  return code === 0x20 || code === 0x09;
}
