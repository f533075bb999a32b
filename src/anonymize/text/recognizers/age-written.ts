import { PRIORITY, type Doc, type Span } from '../types.js';
import { UNIT_EN } from './dates-spoken.js';
import { TEEN as TEEN_FR, UNIT as UNIT_FR } from './phones-spoken-fr.js';

/**
 * Ages over 89 the digit patterns of age.ts miss:
 * - written in words, as dictation and transcribed speech give them: "ninety-four years old",
 *   "aged a hundred and one", "she's ninety two", "quatre-vingt-seize ans", "nonante-trois ans"
 *   (Belgian and Swiss French), "âgée de cent un ans". A number in words is an age only with "ans" /
 *   "years" after it or an age word before it; "nonagenarian" or "the nineties" name no age.
 * - in brackets right after a person's name, as ward lists and letters write it: "Mrs Ada Pryce (93)",
 *   "Edith Marlowe (101!)" — but not after a measure ("Heart Rate (92)").
 */
const TEEN_EN = 'ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen';
const AGE_EN = String.raw`(?:ninety(?:[- ](?:${UNIT_EN}))?|(?:a|one)[ -]hundred(?:[ -](?:and[ -])?(?:${TEEN_EN}|${UNIT_EN}))?)`;
const AGE_FR = String.raw`(?:quatre[- ]vingts?[- ](?:et[- ])?(?:${TEEN_FR})|nonante(?:[- ](?:et[- ]un|${UNIT_FR}))?|cent(?:[- ](?:et[- ])?(?:${TEEN_FR}|${UNIT_FR}))?)`;
const AGE_WORDS = String.raw`(?:${AGE_EN}|${AGE_FR})`;
const WRITTEN_AGE = new RegExp(
  String.raw`(?<![\p{L}-])(?:(?<cue>aged|age|agee?s? de|he's|she's|he is|she is|is now|turned|turns|fete ses)[ \t]+)?(?<age>${AGE_WORDS})(?<unit>[ \t-]+(?:ans|years?(?:[ -]old)?|year-old|yrs?))?(?![\p{L}])`,
  'dgu',
);
// Cheap test first: most texts hold none of these words.
const HINT = /ninety|hundred|vingt[- ](?:dix|onze|douze|treize|quatorze|quinze|seize)|nonante|cent/;

// The bracket first (cheap to find), the name before it checked on a slice.
const BRACKETED_AGE = /\((9\d|1[01]\d)(?=[ \t]?(?:ans|y|yo|yrs?|years?)?[ \t]?!?\))/gu;
const NAME_BEFORE = /(?:^|[^\p{L}])\p{Lu}[\p{Ll}'’-]+[ \t]+(\p{Lu}[\p{L}'’-]+)[ \t]{1,3}$/u;
// Two capitalised words before a bracket are a name, unless the second is a measure or a scale.
const MEASURE_WORD = /^(?:Rate|Score|Saturation|Pressure|Index|Level|Count|Weight|Scale|Test|Value|Range|Grade|Class|Stage|Total|Max|Min)$/;

export function writtenAgeSpans(doc: Doc): Span[] {
  const out: Span[] = [];
  for (const m of HINT.test(doc.folded) ? doc.folded.matchAll(WRITTEN_AGE) : []) {
    const g = m.groups!;
    if (g.cue === undefined && g.unit === undefined) continue;
    const [start, end] = m.indices!.groups!.age!;
    out.push({ start, end, label: 'AGE', score: 0.85, priority: PRIORITY.pattern - 5, source: 'age-written' });
  }
  for (const m of doc.text.matchAll(BRACKETED_AGE)) {
    const name = NAME_BEFORE.exec(doc.text.slice(Math.max(0, m.index - 60), m.index));
    if (!name || MEASURE_WORD.test(name[1]!)) continue;
    out.push({ start: m.index + 1, end: m.index + 1 + m[1]!.length, label: 'AGE', score: 0.8, priority: PRIORITY.pattern - 5, source: 'age-after-name' });
  }
  return out;
}
