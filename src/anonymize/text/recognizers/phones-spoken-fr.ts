import { PRIORITY, type Doc, type Span } from '../types.js';
import { matchesNotAfter, notAfter } from './not-after.js';
import { UNIT_EN } from './dates-spoken.js';
import { saidAgain } from './said-again.js';

/**
 * A French phone number said in pairs, as a transcribed voicemail or consultation writes it:
 * "zéro six, douze, quatre-vingt-dix-sept, trente et un, zéro deux". It opens with "zéro" and a
 * digit (the trunk prefix and the zone or mobile digit) and goes on with four numbers from 0 to 99
 * in words; only such a run of five is a number, so "zéro six" alone or a sentence of counts is not.
 * After a phone word the number may open otherwise and take teens and hundreds (below). Matched on the
 * folded view (no accents, lower case).
 */
/** French numbers 1–9 and 10–19 in words, folded (no accents): age-written.ts reads them too. */
export const UNIT = 'un|deux|trois|quatre|cinq|six|sept|huit|neuf';
export const TEEN = 'dix[- ]sept|dix[- ]huit|dix[- ]neuf|dix|onze|douze|treize|quatorze|quinze|seize';
const TENS = 'vingt|trente|quarante|cinquante';
/** Two digits said as one pair ("zéro trois", "dix-huit", "quatre-vingt-dix"). */
const TWO_DIGITS = String.raw`(?:zero[ -](?:${UNIT})|quatre[- ]vingts?(?:[- ](?:${TEEN}|${UNIT}))?|soixante(?:[- ](?:et[- ])?(?:${TEEN}|${UNIT}))?|(?:${TENS})(?:[- ]et[- ]un|[- ](?:${UNIT}))?|${TEEN})`;
/** One French number word or pair as dictated in a digit string ("zero six", "quatre-vingt-dix", "soixante et onze"). */
export const PAIR = String.raw`(?:${TWO_DIGITS}|${UNIT}|zero)`;
// "zéro six, douze, …" (France), and "zéro soixante-quatorze, dix-huit, zéro trois, quatre-vingt-dix" (Gabon's nine
// digits: a pair after the zero, then three; each said as a pair, "zéro trois" or "dix-huit", not digit by digit).
const SPOKEN_FR_PHONE = notAfter(new RegExp(String.raw`(?<![\p{L}])zero[ -](?:(?:${UNIT})(?:[ \t]*[,;]?[ \t]*${PAIR}){4}|(?!zero)${TWO_DIGITS}(?:[ \t]*[,;]?[ \t]*${TWO_DIGITS}){3})(?![\p{L}-])`, 'gu'));

// After a phone word, a number said in any French form (West and Central African dictations give 8- and 9-digit
// numbers in pairs, teens and hundreds: "telephone de la mere six deux deux quatorze trente cinq zero huit",
// "numero soixante dix huit cinq cent trois vingt deux quarante et un"), five number words at least; a first
// attempt corrected after "pardon" ("telephone six nonante neuf pardon six quatre-vingt-dix-neuf …") is skipped.
// English digits too: a bilingual dictation switches language inside the number ("six nine nine, quarante-deux, …").
const NUMBER_WORD = String.raw`(?:${PAIR}|cents?|mille|septante|huitante|octante|nonante|${UNIT_EN}|nought|oh)`;
// An international number opens on "plus" ("plus deux deux huit quatre-vingt-dix …"). A dictation wraps its lines
// inside a number ("soixante-seize,⏎trente-deux, …").
const GAP = String.raw`(?:[ \t,]+|[ \t,]*\n[ \t]*)`;
// Eight digits said as four pairs ("quatre-vingt-dix, vingt-huit, quarante-quatre, dix-sept": Togo, Mali, Haiti,
// Burkina Faso): four pairs only, each of two digits, where any other run needs five words.
const FOUR_PAIRS = String.raw`${TWO_DIGITS}(?:${GAP}${TWO_DIGITS}){3}`;
const NUMBER_RUN = String.raw`(?:plus[ \t]+)?${NUMBER_WORD}(?:${GAP}${NUMBER_WORD}){4,16}|${FOUR_PAIRS}`;
// Who the number reaches, between the phone word and it: "de la mère madame saida trabelsi", "of the uncle", "du
// mari, monsieur da tiele firmin", "de l'oncle, moussa diatta", "de son frère ndiaye ousmane :": three words of a name
// at most after a title, a comma, or right before a colon, and none a number word, which starts the number. A dictation
// may break the line after the title or the phone word, and set the number off by a comma ("du patient, quarante-six …").
const RELATIVE = String.raw`(?:de|du|d|of)[ \t]+(?:(?:la|le|l|sa|son|ses|the|his|her)[ \t]+|l['’][ \t]*)?[a-z]+`;
const BEFORE_NAME = String.raw`(?:,?[ \t]+(?:madame|monsieur|mme|mr)(?:[ \t]+|[ \t]*\n[ \t]*)|,[ \t]+|[ \t]+(?=[a-z]+(?:[ \t]+[a-z]+){0,2}[ \t]*:))`;
const NAME_WORDS = String.raw`[a-z]+(?:[ \t]+(?!(?:${NUMBER_WORD})(?![a-z]))[a-z]+){0,2}`;
const WHOSE_PHONE = String.raw`(?:[ \t]+${RELATIVE}(?:${BEFORE_NAME}${NAME_WORDS})?)?`;
const AFTER_PHONE_WORD = new RegExp(
  String.raw`\b(?:(?:telephone|tel|portable|gsm|cellulaire|numero|phone)${WHOSE_PHONE}(?:[ \t]+au)?|joignable(?:[ \t]+au)?|r?appel(?:le|er|ez)?[ \t]+au)[ \t]*[:,]?(?:[ \t]+|[ \t]*\n[ \t]*)(?:(?:${NUMBER_WORD}[ \t]+){1,4}pardon[ \t,]+)?(${NUMBER_RUN})(?![\p{L}-])`,
  'dgu',
);
// The same number said again after a correction or a repetition ("… je repete six deux deux …").
const SAID_AGAIN = new RegExp(String.raw`^[ \t,]*(?:je[ \t]+repete|je[ \t]+reprends|pardon|correction)[ \t,:]+(${NUMBER_RUN})(?![\p{L}-])`, 'du');

export function spokenFrenchPhoneSpans(doc: Doc): Span[] {
  const out: Span[] = [];
  const push = (start: number, end: number) => out.push({ start, end, label: 'PHONE', score: 0.9, priority: PRIORITY.pattern, source: 'phone-spoken-fr' });
  const f = doc.folded;
  // Cheap test first: most texts never say "zéro" before a digit word.
  if (/zero[ -](?:un|deux|trois|quatre|cinq|six|sept|huit|neuf)\b/.test(f)) {
    for (const m of matchesNotAfter(SPOKEN_FR_PHONE, f)) push(m.index, m.index + m[0].length);
  }
  for (const m of /telephone|tel |portable|gsm|cellulaire|numero|phone|joignable|appel/.test(f) ? f.matchAll(AFTER_PHONE_WORD) : []) {
    const [start, end] = m.indices![1]!;
    push(start, end);
    for (const [s, e] of saidAgain(f, end, SAID_AGAIN)) push(s, e);
  }
  return out;
}
