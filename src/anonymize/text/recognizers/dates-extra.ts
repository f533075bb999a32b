import { FILE_EXTENSION } from '../file-names.js';
import { PRIORITY, type Doc, type Span } from '../types.js';
import { DIGIT_SLASH_DIGIT, isValidDay, NOT_DATE_AFTER, NOT_DATE_BEFORE, yearValue } from './dates.js';
import { WEEKDAY_ABBR_EN, WEEKDAY_ABBR_FR } from './dates-named-alone.js';
import { DIALLED_BEFORE } from './dates-spoken.js';

/**
 * Date forms the main scans of dates.ts do not read:
 * - Roman-numeral months, as French and Central European letters date them: "le 4.XI.2024", "9/III/2023".
 * - separators padded with spaces, as forms and OCR print them: "21 / SEP / 2024", "07 / 1958",
 *   and every digit spaced out: "0 9 / 1 1 / 1 9 6 2".
 * - a compact YYYYMMDD right after a birth word ("dob=\"19480312\"", "DOB: 19480312") or as a whole field between
 *   bars ("||19410622|"): else a bare eight-digit run, and read as an identifier; a compact timestamp of twelve or
 *   fourteen digits ("20261122093000") anywhere.
 * - a French weekday abbreviation before a day and a month ("ven. 7/2", "dim 14/9"), as shift books and
 *   tables write them; at a line's start in two letters too, the day dotted or slashed ("ve 20.11", "sa 21/11").
 * - in French messages, a day number alone after "le"/"du" closed as a plan is ("c'est bien le 9 ?", "le 17 à 17h30").
 * - in English, a month-first day with no year ("seen 4/27", "my 11/19 shift"): only when the day
 *   cannot be a month (over 12), and a word that introduces a date or an event of care comes before
 *   ("next 4/27", "discharged 11/19", "culture 10/30"), a time follows ("11/20 14:00"), or the number
 *   stands alone at a line start or in a table cell ("| 11/16 |") before punctuation ("3/28 nodes",
 *   "ratio: 3/28." are counts).
 * - in English, a month-first day/month with both numbers 12 or under ("next one 5/12", "recheck 8/12")
 *   only after a word that says a day comes (a follow-up, a booking, a discharge, "since", "until").
 * - a night's two days before one month ("nuit 24-25/11") or a few days' span ("19–21/11"), and in English
 *   two month-first days of one month joined by a dash ("12/1–12/6").
 * - "on the 21st." — an English ordinal day alone after a preposition, closed by punctuation.
 * - a list of two-digit day/month dates joined by commas, as a table cell or a CSV field lists the days
 *   of a series ("01/12,08/12,15/12"): the bare day/month scan refuses a digit and a comma beside a date
 *   (a decimal, a count), but two or more dd/mm in a row, one of them unable to be a fraction (a leading
 *   zero, or a first number above the second), are dates. Day first; month first in English when every
 *   item reads so.
 * Scans on the folded view open with "\b" (a true word start there: ASCII letters only), not a look-behind.
 */
const ROMAN_MONTHS: Record<string, number> = { I: 1, II: 2, III: 3, IV: 4, V: 5, VI: 6, VII: 7, VIII: 8, IX: 9, X: 10, XI: 11, XII: 12 };
const ROMAN_DATE = /(\d)(?<![\p{L}\p{N}.\/-]\d)(\d?)[ ]?([.\/-])[ ]?(XII|XI|X|IX|VIII|VII|VI|V|IV|III|II|I)[ ]?\3[ ]?((?:19|20)?\d{2})(?![\p{L}\p{N}]|[.\/-]\d)/gu;
const ROMAN_HINT = /\d[ ]?[.\/-][ ]?[IVX]/;
const SPACED_NAMED = /(?<![\p{L}\p{N}])(\d{1,2}) \/ (jan|feb|fev|mar|apr|avr|may|mai|jun|juin|jul|juil|aug|aou|sep|sept|oct|nov|dec)[a-z]{0,6}\.? \/ ((?:19|20)\d{2})(?![\p{N}])/gu;
const SPACED_MONTH_YEAR = /(?<![\p{L}\p{N}\/] ?)(0[1-9]|1[0-2]) \/ ((?:19|20)\d{2})(?![\p{N}]| ?\/)/gu;
const SPACED_EVERY_DIGIT = /(?<![\p{N}] ?)(\d) (\d) ?\/ ?(\d) (\d) ?\/ ?(\d) (\d) (\d) (\d)(?! ?[\p{N}])/gu;
const COMPACT_AFTER_BIRTH = /\b(?:dob|d\.o\.b\.?|date of birth|birth ?date|birthdate|ddn|date de naissance|naissance|ne\(?e?\)? le|born)[^\p{L}\p{N}\n]{0,6}((?:19|20)\d{2})(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])(?![\p{N}])/dgu;
// A timestamp written without separators, as lab instruments and interfaces print it (ASTM "R|1|…|20261122093000",
// a log's "20261123101544"): twelve or fourteen digits that read as a valid day, hour and minute. Eight digits only
// as a whole field between bars or carets ("P|1||260418775||BRUNET^LUCIEN||19410622|M"), else a bare eight-digit run
// stays an identifier. hl7.ts reads HL7 v2 messages by their segments; these are the other bar-separated formats.
const COMPACT_TIMESTAMP = /(?<![\p{L}\p{N}])((?:19|20)\d{2})(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])(?:[01]\d|2[0-3])[0-5]\d(?:[0-5]\d)?(?![\p{L}\p{N}])/gu;
const COMPACT_DAY_FIELD = /(?<=[|^])((?:19|20)\d{2})(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])(?=[|^])/gu;
// A date in a file name's part after an underscore ("patient_list_20261127.csv", "CR_IRM_Guillot_251126.pdf",
// "referrals_2026-11.csv") or a hyphen, as recorders name dictations ("SURG-2026-11-25-0412.wav",
// "PAED-DICT-26-11-27-02.m4a"): an export's or a recording's date tells the day of what it names. Compact and
// dashed forms only there, where the name's extension says the digits are no identifier; a two-digit year first or
// last ("26-11-27"), as either reads a day.
const FILE_NAME = new RegExp(String.raw`(?<![\p{L}\p{N}_-])[\p{L}\p{N}]+(?:[_-][\p{L}\p{N}]+)+\.(?:${FILE_EXTENSION})(?![\p{L}\p{N}])`, 'giu');
// Cheap test first: a dot and a file extension somewhere (a hyphen alone is in nearly every note).
const FILE_EXTENSION_HINT = new RegExp(String.raw`\.(?:${FILE_EXTENSION})(?![\p{L}\p{N}])`, 'iu');
const FILE_NAME_DATE =
  /(?<=[_-])(?:((?:19|20)\d{2})(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])|(0[1-9]|[12]\d|3[01])(0[1-9]|1[0-2])(\d{2})|((?:19|20)\d{2})-(0[1-9]|1[0-2])(?:-(0[1-9]|[12]\d|3[01]))?|(\d{2})-(0[1-9]|1[0-2])-(\d{2}))(?=[_.-])/gu;
const FR_WEEKDAY_DM = new RegExp(String.raw`\b(?:${WEEKDAY_ABBR_FR})\.?[ \t]+(\d{1,2})\/(\d{1,2})(?![\p{N}]|[\/.-]\d)`, 'dgu');
// A nurse's visit book opens its lines with the weekday in two letters and a dotted or slashed day ("ve 20.11",
// "sa 21/11 (ludivine)", "di 22.11 pas de sms"): only at a line's start, where "sa" and "je" are no words of a
// sentence; a dotted day with a month in two digits, so "sa 2.5" stays a number.
const FR_WEEKDAY_DM_LINE = new RegExp(String.raw`^[ \t]*(?:[-•*][ \t]*)?(?:lu|ma|me|je|ve|sa|di|${WEEKDAY_ABBR_FR})\.?[ \t]+(\d{1,2})(?:\/(\d{1,2})|\.(\d{2}))(?![\p{N}]|[\/.-]\d)`, 'dgmu');
// A day said alone in a French message, its month understood from the exchange: "c'est bien le 9 ?", "je peux
// venir le 17 à 17h30", "ok pour le 10.", "on se voit le 8 pour les résultats", "le 16 au soir", "annulé le 24 (covid)",
// "une angine le 7 ; …". Only closed by punctuation, a line's end, an hour, or a word that goes on with the plan; never
// "le 15" (the SAMU's number), nor "le 17"/"le 18" dialled ("appelez le 18").
const DAY_NUMBER_ALONE_FR = /\b(?:le|du)[ \t]+(0?[1-9]|[12][0-9]|3[01])(?=[ \t]*(?:[?!,;:(]|\.(?!\d)|\r?\n|$)|[ \t]+(?:[aà][ \t]+\d{1,2}[h:]|(?:pour|et[ \t]+le[ \t]+\d|au[ \t]+(?:soir|matin)|ca)\b))/dgu;
// The same in English, month first, the weekday inside the date ("admit tues 11/24", "set for tues 11/17").
const EN_WEEKDAY_MD = new RegExp(String.raw`\b(?:mon|${WEEKDAY_ABBR_EN})\.?[ \t]+(\d{1,2})\/(\d{1,2})(?![\p{N}]|[\/.-]\d)`, 'dgu');
const TIME_AFTER = /^[ \t]+\d{1,2}:\d{2}(?![\p{N}])/u;
const EN_MONTH_FIRST = /(?<![\p{L}\p{N}\/.,:#=+*-])(1[0-2]|0?[1-9])\/(1[3-9]|2\d|3[01])(?![\p{N}]|[\/.,-]\d|[\p{L}%])/dgu;
// Words before a month-first day that say a day comes (EN_DAY_CUE_WORDS, enough for two small numbers), and
// the wider set that is enough when the day is above 12 (a possessive, a preposition, a care event, an insurer's
// decision or a letter's sending: "approved 10/16", "denied 11/18", "letters mailed 10/16"; the event it dates or the
// place: "strep positive 11/18", "injury sustained 11/19", "last shot 8/27", "li level 9/30", "Medical Center 10/29").
const EN_DAY_CUE_WORDS = String.raw`f\/u|fu|rtc|submitted|faxed|recheck|next|last|due|seen|booked|scheduled|planned|discharged|admitted|died|dated|since|until|till`;
const EN_DATE_CUE_BEFORE = new RegExp(
  String.raw`(?:^|[^\p{L}])(?:${EN_DAY_CUE_WORDS}|sent|received|requested|ordered|referred|rechecked|done|my|your|his|her|their|our|this|by|before|after|thru|through|from|on|call|visit|appt|collected|drawn|culture|given|started|stopped|approved|denied|signed|mailed|notified|tested|placed|dispensed|delivered|transferred|vaccinated|operated|injured|sustained|shot|meeting|positive|negative|level|already|clinic|center|centre)[ \t]*$`,
  'u',
);
// Both numbers 12 or under ("next one 5/12", "recheck 8/12") read as a date only after a word that
// says a day comes: not "by 1/3", "from 2/3", "on 3/4 of …" (NOT_DATE_AFTER's units stop "on 1/2 tab").
const EN_SMALL_MONTH_FIRST = /(?<![\p{L}\p{N}\/.,:#=+*-])(1[0-2]|0?[1-9])\/(1[0-2]|0?[1-9])(?![\p{N}]|[\/.,-]\d|[\p{L}%])/dgu;
const EN_DAY_CUE_BEFORE = new RegExp(String.raw`(?:^|[^\p{L}])(?:${EN_DAY_CUE_WORDS}|next[ \t]+(?:one|call|visit|appt|review|dose|bloods))[ \t]*$`, 'u');
const ALONE_AFTER = /^[ \t]*(?:[-–—:;,.)|]|at\b|@|$|\n)/u;
/** A table cell's start ("| 11/16 | Abdu Rashid |"): the date alone in its cell, as at a line start. */
const CELL_START_BEFORE = /\|[ \t]*$/;
const DM_LIST = /(?<![\p{L}\p{N}\/.,:-])\d{2}\/\d{2}(?:[ \t]?,[ \t]?\d{2}\/\d{2})+(?![\p{N}\p{L}]|[\/.,-]\d)/gu;
const DM_ITEM = /\d{2}\/\d{2}/gu;
// "nuit 24-25/11": a night's two days before one month, or a few days of a sick note or a week ("(19–21/11)", "wk
// 23-27/11", "14-15/11/2026"); the first number above the month (or a zero-padded month) tells it from a score
// ("EVA 3-4/10"), and a span of ten days at most from a count ("2-3/12": two to three months).
const NIGHT_RANGE = /(?<![\p{L}\p{N}\/.,:-])(\d{1,2})-(\d{1,2})\/(\d{1,2})(?:\/(?:\d{4}|\d{2}))?(?![\p{N}]|[\/.,-]\d|[\p{L}%])/gu;
const MOST_DAYS_IN_A_RANGE = 10;
// "in Bismarck 12/1–12/6": two month-first days of one month joined by a dash, in English.
const EN_MD_RANGE = /(?<![\p{L}\p{N}\/.,:#=+*-])(1[0-2]|0?[1-9])\/(\d{1,2})[ \t]*[–-][ \t]*(1[0-2]|0?[1-9])\/(\d{1,2})(?![\p{N}]|[\/.,-]\d|[\p{L}%])/dgu;
const EN_ORDINAL_DAY = /\b(?:on|by|until|till|from|since|before|after) the ([1-9]|[12]\d|3[01])(?:st|nd|rd|th)(?=[ \t]*[.,;!?)]|[ \t]*$)/dgmu;

function span(start: number, end: number, source: string): Span {
  return { start, end, label: 'DATE', score: 0.9, priority: PRIORITY.pattern + 5, source };
}

export function extraDateSpans(doc: Doc): Span[] {
  const t = doc.text;
  const f = doc.folded;
  const out: Span[] = [];
  // A score or pressure word before a/b, a unit after it: a measure, not a date (dates.ts's lists).
  const scoreWordBefore = (at: number) => NOT_DATE_BEFORE.test(f.slice(Math.max(0, at - 24), at));
  const unitAfter = (at: number) => NOT_DATE_AFTER.test(f.slice(at, at + 24));
  for (const m of ROMAN_HINT.test(t) ? t.matchAll(ROMAN_DATE) : []) {
    if (isValidDay(yearValue(m[5]!), ROMAN_MONTHS[m[4]!]!, Number(m[1]! + m[2]!))) out.push(span(m.index, m.index + m[0].length, 'date-roman-month'));
  }
  if (f.includes(' / ')) {
    for (const m of f.matchAll(SPACED_NAMED)) if (Number(m[1]) >= 1 && Number(m[1]) <= 31) out.push(span(m.index, m.index + m[0].length, 'date-spaced'));
    for (const m of f.matchAll(SPACED_MONTH_YEAR)) out.push(span(m.index, m.index + m[0].length, 'date-spaced'));
  }
  for (const m of f.includes('/') ? f.matchAll(SPACED_EVERY_DIGIT) : []) {
    const year = Number(m.slice(5, 9).join(''));
    if (isValidDay(year, Number(m[3]! + m[4]!), Number(m[1]! + m[2]!))) out.push(span(m.index, m.index + m[0].length, 'date-spaced'));
  }
  for (const file of FILE_EXTENSION_HINT.test(t) ? t.matchAll(FILE_NAME) : []) {
    for (const m of file[0].matchAll(FILE_NAME_DATE)) {
      const valid =
        m[1] !== undefined ? isValidDay(Number(m[1]), Number(m[2]), Number(m[3]))
        : m[4] !== undefined ? isValidDay(2000 + Number(m[6]), Number(m[5]), Number(m[4]))
        : m[7] !== undefined ? m[9] === undefined || isValidDay(Number(m[7]), Number(m[8]), Number(m[9]))
        : isValidDay(2000 + Number(m[10]), Number(m[11]), Number(m[12])) || isValidDay(2000 + Number(m[12]), Number(m[11]), Number(m[10]));
      if (valid) out.push(span(file.index + m.index, file.index + m.index + m[0].length, 'date-in-file-name'));
    }
  }
  for (const m of f.matchAll(COMPACT_AFTER_BIRTH)) {
    const [start, end] = m.indices![1]!;
    if (isValidDay(Number(m[1]), Number(m[2]), Number(m[3]))) out.push(span(start, end + 4, 'date-compact'));
  }
  for (const m of /\d{12}/.test(t) ? t.matchAll(COMPACT_TIMESTAMP) : []) {
    if (isValidDay(Number(m[1]), Number(m[2]), Number(m[3]))) out.push(span(m.index, m.index + m[0].length, 'date-compact-timestamp'));
  }
  for (const m of t.includes('|') ? t.matchAll(COMPACT_DAY_FIELD) : []) {
    if (isValidDay(Number(m[1]), Number(m[2]), Number(m[3]))) out.push(span(m.index, m.index + m[0].length, 'date-compact'));
  }
  const slashed = DIGIT_SLASH_DIGIT.test(f);
  for (const m of slashed ? f.matchAll(FR_WEEKDAY_DM) : []) {
    const [start] = m.indices![1]!;
    if (isValidDay(undefined, Number(m[2]), Number(m[1]))) out.push(span(start, m.index + m[0].length, 'date-weekday-abbr'));
  }
  for (const m of f.matchAll(FR_WEEKDAY_DM_LINE)) {
    const [start] = m.indices![1]!;
    if (isValidDay(undefined, Number(m[2] ?? m[3]), Number(m[1]))) out.push(span(start, m.index + m[0].length, 'date-weekday-abbr'));
  }
  for (const m of doc.lang === 'fr' ? f.matchAll(DAY_NUMBER_ALONE_FR) : []) {
    const day = m[1]!;
    if (day === '15' || ((day === '17' || day === '18') && DIALLED_BEFORE.test(f.slice(Math.max(0, m.index - 16), m.index)))) continue;
    const [start, end] = m.indices![1]!;
    out.push(span(start, end, 'date-day-alone'));
  }
  for (const m of slashed && doc.lang === 'en' ? f.matchAll(EN_WEEKDAY_MD) : []) {
    if (isValidDay(undefined, Number(m[1]), Number(m[2]))) out.push(span(m.index, m.index + m[0].length, 'date-weekday-abbr'));
  }
  for (const m of slashed ? f.matchAll(DM_LIST) : []) {
    if (scoreWordBefore(m.index)) continue; // "TA 12/08,13/09"
    const items = [...m[0].matchAll(DM_ITEM)].map((x) => ({ start: m.index + x.index, a: Number(x[0].slice(0, 2)), b: Number(x[0].slice(3)), padded: x[0][0] === '0' || x[0][3] === '0' }));
    const monthFirst = doc.lang === 'en' && items.every((x) => isValidDay(undefined, x.a, x.b));
    if (!items.every((x) => (monthFirst ? isValidDay(undefined, x.a, x.b) : isValidDay(undefined, x.b, x.a)))) continue;
    if (!items.some((x) => x.padded || x.a > x.b)) continue;
    for (const x of items) out.push(span(x.start, x.start + 5, 'date-dm-list'));
  }
  for (const m of slashed ? f.matchAll(NIGHT_RANGE) : []) {
    const [first, second, month] = [Number(m[1]), Number(m[2]), Number(m[3])];
    if (second <= first || second - first > MOST_DAYS_IN_A_RANGE || !isValidDay(undefined, month, second) || !(first > month || m[3]!.startsWith('0'))) continue;
    if (scoreWordBefore(m.index)) continue;
    out.push(span(m.index, m.index + m[0].length, 'date-night-range'));
  }
  if (doc.lang === 'en') {
    for (const m of slashed ? f.matchAll(EN_MD_RANGE) : []) {
      const [m1, d1, m2, d2] = [Number(m[1]), Number(m[2]), Number(m[3]), Number(m[4])];
      if (m1 !== m2 || d2 <= d1 || !isValidDay(undefined, m1, d1) || !isValidDay(undefined, m2, d2)) continue;
      const end = m.index + m[0].length;
      if (scoreWordBefore(m.index) || unitAfter(end)) continue;
      out.push(span(m.index, m.indices![2]![1], 'date-month-first-range'));
      out.push(span(m.indices![3]![0], end, 'date-month-first-range'));
    }
    for (const m of slashed ? f.matchAll(EN_MONTH_FIRST) : []) {
      const end = m.index + m[0].length;
      // A time after it says a day as much as a word before it does ("Serial sodium: 11/20 10:00 119 — 11/20 14:00 124").
      const cued = EN_DATE_CUE_BEFORE.test(f.slice(Math.max(0, m.index - 16), m.index)) || TIME_AFTER.test(f.slice(end, end + 8));
      // Alone at the start of a line or of a table cell, closed by punctuation or the cell's bar.
      const fieldStart = m.index === 0 || f[m.index - 1] === '\n' || CELL_START_BEFORE.test(f.slice(Math.max(0, m.index - 4), m.index));
      if (!cued && !(fieldStart && ALONE_AFTER.test(f.slice(end, end + 4)))) continue;
      if (isValidDay(undefined, Number(m[1]), Number(m[2]))) out.push(span(m.index, end, 'date-month-first'));
    }
    for (const m of slashed ? f.matchAll(EN_SMALL_MONTH_FIRST) : []) {
      const end = m.index + m[0].length;
      if (!EN_DAY_CUE_BEFORE.test(f.slice(Math.max(0, m.index - 20), m.index)) || unitAfter(end)) continue;
      out.push(span(m.index, end, 'date-month-first-small'));
    }
    for (const m of f.matchAll(EN_ORDINAL_DAY)) {
      const [start] = m.indices![1]!;
      out.push(span(start, m.index + m[0].length, 'date-ordinal-day'));
    }
  }
  return out;
}
