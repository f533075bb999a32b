import { PRIORITY, type Doc, type Span } from '../types.js';
import { matchesNotAfter, notAfter } from './not-after.js';

/**
 * A French phone number said in pairs, as a transcribed voicemail or consultation writes it:
 * "zéro six, douze, quatre-vingt-dix-sept, trente et un, zéro deux". It opens with "zéro" and a
 * digit (the trunk prefix and the zone or mobile digit) and goes on with four numbers from 0 to 99
 * in words; only such a run of five is a number, so "zéro six" alone or a sentence of counts is not.
 * Matched on the folded view (no accents, lower case).
 */
/** French numbers 1–9 and 10–19 in words, folded (no accents): age-written.ts reads them too. */
export const UNIT = 'un|deux|trois|quatre|cinq|six|sept|huit|neuf';
export const TEEN = 'dix[- ]sept|dix[- ]huit|dix[- ]neuf|dix|onze|douze|treize|quatorze|quinze|seize';
const TENS = 'vingt|trente|quarante|cinquante';
/** One French number word or pair as dictated in a digit string ("zero six", "quatre-vingt-dix", "soixante et onze"). */
export const PAIR = String.raw`(?:zero[ -](?:${UNIT})|quatre[- ]vingts?(?:[- ](?:${TEEN}|${UNIT}))?|soixante(?:[- ](?:et[- ])?(?:${TEEN}|${UNIT}))?|(?:${TENS})(?:[- ]et[- ]un|[- ](?:${UNIT}))?|${TEEN}|${UNIT}|zero)`;
const SPOKEN_FR_PHONE = notAfter(new RegExp(String.raw`(?<![\p{L}])zero[ -](?:${UNIT})(?:[ \t]*[,;]?[ \t]*${PAIR}){4}(?![\p{L}-])`, 'gu'));

export function spokenFrenchPhoneSpans(doc: Doc): Span[] {
  // Cheap test first: most texts never say "zéro" before a digit word.
  if (!/zero[ -](?:un|deux|trois|quatre|cinq|six|sept|huit|neuf)\b/.test(doc.folded)) return [];
  const out: Span[] = [];
  for (const m of matchesNotAfter(SPOKEN_FR_PHONE, doc.folded)) {
    out.push({ start: m.index, end: m.index + m[0].length, label: 'PHONE', score: 0.9, priority: PRIORITY.pattern, source: 'phone-spoken-fr' });
  }
  return out;
}
