import { PRIORITY, type Doc, type Span } from '../types.js';
import { WEEKDAY_FULL } from './dates-named-alone.js';

/**
 * Dates said rather than written, as voicemail and dictation transcripts give them: "march third
 * nineteen thirty two", "the twelfth of june", "le trois mars deux mille vingt". A month name with a
 * day in words is a date: "January thirteenth", "fourteenth December", "quatorze février" name nothing else in
 * the sets. Only "march" and "may" before the day ask for a year after it or a word that introduces a date
 * before it (on, born, birth, dob, since …): "march third" or "may first" alone could be a verb and a rank; and a
 * plural article before it ("les deux mai et juin") counts months.
 * The surrogate cannot parse words, so it replaces the whole span by a keyed shape (fail closed).
 */
const MONTH_EN = 'january|february|march|april|may|june|july|august|september|october|november|december';
const ORDINAL_EN =
  'first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|thirteenth|fourteenth|fifteenth|sixteenth|seventeenth|eighteenth|nineteenth|twentieth|twenty[- ](?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth)|thirtieth|thirty[- ]first';
/** English numbers 1–9 in words: age-written.ts reads them too. */
export const UNIT_EN = 'one|two|three|four|five|six|seven|eight|nine';
const TENS_EN = 'ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety';
const YEAR_EN = String.raw`(?:(?:nineteen|twenty)[- ](?:oh[- ](?:${UNIT_EN})|(?:${TENS_EN})(?:[- ](?:${UNIT_EN}))?|hundred)|two thousand(?:[- ]and)?(?:[- ](?:(?:${TENS_EN})(?:[- ](?:${UNIT_EN}))?|${UNIT_EN}))?)`;
const SPOKEN_EN = new RegExp(
  String.raw`\b(?:(?:${MONTH_EN})[ \t,]+(?:the[ \t]+)?(?:${ORDINAL_EN})|(?:the[ \t]+)?(?:${ORDINAL_EN})[ \t]+(?:of[ \t]+)?(?:${MONTH_EN}))(?:[ \t,]+(?:of[ \t]+)?(${YEAR_EN}))?(?![\p{L}])`,
  'dgu',
);
const MONTH_FR = 'janvier|fevrier|mars|avril|mai|juin|juillet|aout|septembre|octobre|novembre|decembre';
const DAY_FR =
  'premier|dix[- ]sept|dix[- ]huit|dix[- ]neuf|deux|trois|quatre|cinq|six|sept|huit|neuf|dix|onze|douze|treize|quatorze|quinze|seize|vingt(?:[- ]et[- ]un|[- ](?:deux|trois|quatre|cinq|six|sept|huit|neuf))?|trente(?:[- ]et[- ]un)?';
const NUMBER_FR = 'un|deux|trois|quatre|cinq|six|sept|huit|neuf|dix|onze|douze|treize|quatorze|quinze|seize|vingts?|trente|quarante|cinquante|soixante';
const YEAR_FR = String.raw`(?:(?:mil(?:le)?[- ]neuf[- ]cents?|deux[- ]mille)(?:[- ](?:et[- ])?(?:${NUMBER_FR})){0,4})`;
const SPOKEN_FR = new RegExp(String.raw`\b(?:${DAY_FR})[ \t]+(?:${MONTH_FR})(?:[ \t]+(${YEAR_FR}))?(?![\p{L}])`, 'dgu');
// A weekday and a day in words with no month, as dictation gives the next appointment: "mardi vingt-deux".
const WEEKDAY_DAY_FR = new RegExp(String.raw`\b(?:lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche)[ \t]+(?:${DAY_FR})(?![\p{L}]|[ \t-]+(?:${MONTH_FR}|heures?|h\b|minutes?|fois|jours?|ans|mois|semaines?))`, 'gu');
// A weekday before the month or the day says a date as much as "on" does ("Friday December fourth", "le lundi
// sept décembre"), and so do the words that book a visit ("return January twenty sixth", "rdv dix décembre").
const WEEKDAY_BEFORE = new RegExp(String.raw`(?:^|[^\p{L}])(?:${WEEKDAY_FULL})[ \t,]*$`, 'u');
const CUE_BEFORE = new RegExp(String.raw`(?:^|[^\p{L}])(?:on|born|birth|dob|since|from|until|le|du|au|ne|nee|depuis|jusqu'au|naissance|return|review|revoir|rdv|rendez-vous|appointment|appt|booked|prevue?|${WEEKDAY_FULL})[ \t:,]*$`, 'u');
// A day said alone after "on the" ("his grommet check on the ninth but …", "cancelled on the sixteenth.", "the clinic
// on the 15th instead"), or after a word that opens or closes a stretch of days ("weakness from the ninth, right side
// from the twelfth", "until the 28th.", "before the 14th"): a date when nothing names what the rank counts — a stop, a bracket, the line's end or a
// joining word follows ("admitted on the nineteenth with …", "INR on the twenty-sixth was …"), not a noun ("on the
// second floor", "on the first day").
const ON_THE_DAY = new RegExp(
  String.raw`\b(?:on|from|since|until|till|by|before|after)[ \t]+the[ \t\n]+((?:${ORDINAL_EN})|(?:[1-9]|[12][0-9]|3[01])(?:st|nd|rd|th))(?=[ \t]*(?:[.,;:!?)(]|\r?\n|$)|[ \t]+[–—-][ \t]|[ \t]+(?:and|but|or|instead|at|when|so|as|because|then|if|please|for[ \t]+(?:a|an|the|his|her|my|your|their)|we|i|you|he|she|they|it|with|was|were|is|had|has|by|which|who|from|after|around|via|following)\b)`,
  'dgu',
);
// A day said alone in French dictation, the month understood ("débridement le vingt-trois au soir", "Sortie prévue
// le vingt-sept, virgule", "consulte le vingt-trois pour …"): a day from ten up, said after le/du/au and closed by a
// stop, the line's end or a word that goes on with the sentence, never by a number word (a phone said in pairs).
// Not "quinze" (the SAMU is "le quinze"), nor a number dialled ("appelez le dix-huit"); below ten the words are
// counts or ranks too often ("le trois droite", "le premier cas"). A verb after it goes on too ("le douze c'est samedi",
// "l'avion du vingt-quatre est annulé").
const DAY_TEN_UP_FR =
  'dix[- ]sept|dix[- ]huit|dix[- ]neuf|dix|onze|douze|treize|quatorze|seize|vingt(?:[- ]et[- ]un|[- ](?:deux|trois|quatre|cinq|six|sept|huit|neuf))?|trente(?:[- ]et[- ]un)?';
const DAY_ALONE_FR = new RegExp(
  String.raw`\b(?:le|du|au)[ \t]+(${DAY_TEN_UP_FR})(?=[ \t]*(?:[.,;:!?)]|\r?\n|$)|[ \t]+(?:au[ \t]+(?:soir|matin)|dans|pour|puis|avec|par|chez|vers|et[ \t]+(?:le|du|au)|a|il|elle|on|je|nous|la[ \t]+patiente?|le[ \t]+patient|est|c'est|sera|etait)\b)`,
  'dgu',
);
// The first day of a stretch said in words before the month that closes it ("hospitalisé du neuf au vingt-trois
// novembre"): any day, below ten too, since the month said after the second names what both count.
const DAY_RANGE_FR = new RegExp(String.raw`\bdu[ \t]+(${DAY_FR})[ \t]+au[ \t]+(?:${DAY_FR})[ \t]+(?:${MONTH_FR})(?![\p{L}])`, 'dgu');
/** The words before a number one dials, not a day ("appelez le dix-huit", "composez le 18"). Folded text. */
export const DIALLED_BEFORE = /(?:appel\w*|compos\w*|joindre|contact\w*|via|vers|numero)[ \t]*$/u;
const DAY_ALONE_FR_HINT = /\b(?:le|du|au) (?:dix|onze|douze|treize|quatorze|seize|vingt|trente)/;
// "twenty-second", "twenty second": the tens' word first.
const ON_THE_HINT = /\b(?:on|from|since|until|till|by|before|after)[ \t]+the[ \t\n]+(?:(?:twenty|thirty)[- ])?(?:[a-z]+(?:st|nd|rd|th)|[0-9]{1,2}(?:st|nd|rd|th))\b/;
const PLURAL_BEFORE = /(?:^|[^\p{L}])(?:les|des|ces|mes|ses|nos|vos|leurs)[ \t]*$/u;
// Cheap tests first: an English ordinal next to a month, a French day word before one. The folded
// view has no accents and no capitals, so \b is a true word boundary there.
const HINT_EN = /(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|teenth|tieth)\b/;
const HINT_WEEKDAY_FR = /(?:lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche) (?:premier|deux|trois|quatre|cinq|six|sept|huit|neuf|dix|onze|douze|treize|quatorze|quinze|seize|vingt|trente)/;
const HINT_FR = /\b(?:premier|deux|trois|quatre|cinq|six|sept|huit|neuf|dix|onze|douze|treize|quatorze|quinze|seize|vingt|trente|un) (?:janvier|fevrier|mars|avril|mai|juin|juillet|aout|septembre|octobre|novembre|decembre)\b/;

export function spokenDateSpans(doc: Doc): Span[] {
  const f = doc.folded;
  const out: Span[] = [];
  for (const m of HINT_WEEKDAY_FR.test(f) ? f.matchAll(WEEKDAY_DAY_FR) : []) {
    out.push({ start: m.index, end: m.index + m[0].length, label: 'DATE', score: 0.85, priority: PRIORITY.pattern, source: 'date-spoken-weekday' });
  }
  const patterns = [...(HINT_EN.test(f) ? [SPOKEN_EN] : []), ...(HINT_FR.test(f) ? [SPOKEN_FR] : [])];
  for (const re of patterns) {
    for (const m of f.matchAll(re)) {
      const hasYear = m[1] !== undefined;
      const before = f.slice(Math.max(0, m.index - 16), m.index);
      if (!hasYear && /^(?:march|may)\b/.test(m[0]) && !CUE_BEFORE.test(before)) continue;
      // "les deux mai et juin": a plural article before it counts months, it names no day.
      if (!hasYear && PLURAL_BEFORE.test(before)) continue;
      // The weekday said before it is part of the date ("Friday December fourth"): it would tell the real day.
      const weekday = WEEKDAY_BEFORE.exec(before);
      const start = weekday ? m.index - before.length + weekday.index + (/^[^\p{L}]/u.test(weekday[0]) ? 1 : 0) : m.index;
      out.push({ start, end: m.index + m[0].length, label: 'DATE', score: 0.9, priority: PRIORITY.pattern, source: 'date-spoken' });
    }
  }
  for (const m of DAY_ALONE_FR_HINT.test(f) ? f.matchAll(DAY_ALONE_FR) : []) {
    if (DIALLED_BEFORE.test(f.slice(Math.max(0, m.index - 16), m.index))) continue;
    const [start, end] = m.indices![1]!;
    out.push({ start, end, label: 'DATE', score: 0.8, priority: PRIORITY.pattern, source: 'date-day-alone-fr' });
  }
  for (const m of HINT_FR.test(f) && f.includes('du ') ? f.matchAll(DAY_RANGE_FR) : []) {
    const [start, end] = m.indices![1]!;
    out.push({ start, end, label: 'DATE', score: 0.85, priority: PRIORITY.pattern, source: 'date-day-range-fr' });
  }
  for (const m of ON_THE_HINT.test(f) ? f.matchAll(ON_THE_DAY) : []) {
    const [start, end] = m.indices![1]!;
    out.push({ start, end, label: 'DATE', score: 0.8, priority: PRIORITY.pattern, source: 'date-ordinal-on-the' });
  }
  return out;
}
