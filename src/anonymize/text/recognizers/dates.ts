import { extraDateSpans } from './dates-extra.js';
import { PRIORITY, type Doc, type Lang, type Span } from '../types.js';
import { datesNamedAloneSpans, WEEKDAY_ABBR_EN } from './dates-named-alone.js';
import { partialDateSpans } from './dates-partial.js';
import { spokenDateSpans } from './dates-spoken.js';

/**
 * Dates in the written forms French and English clinical text uses: "12 mars 2023", "1er avril",
 * "March 12, 2023", "12th of March 2023", "03/12/2023", "12.03.23", "2023-03-12", "mars 2023",
 * "03/2023". Relative days (J3, J+5, day 2), durations and times alone are not dates.
 * Every match is validated (a real calendar day), and carries where its parts are, so a surrogate
 * can move it by the patient's shift and write it back in the same format.
 */
export interface DateParts {
  start: number;
  end: number;
  day?: { start: number; end: number };
  month: { start: number; end: number; named: boolean; value: number };
  year?: { start: number; end: number; value: number };
  weekday?: { start: number; end: number };
  dayValue?: number;
}

const MONTHS: Record<string, number> = {
  janvier: 1, janv: 1, jan: 1, january: 1, fevrier: 2, fevr: 2, fev: 2, feb: 2, february: 2, mars: 3, mar: 3, march: 3,
  avril: 4, avr: 4, apr: 4, april: 4, mai: 5, may: 5, juin: 6, jun: 6, june: 6, juillet: 7, juil: 7, jul: 7, july: 7,
  aout: 8, aug: 8, august: 8, septembre: 9, sept: 9, sep: 9, september: 9, octobre: 10, oct: 10, october: 10,
  novembre: 11, nov: 11, november: 11, decembre: 12, dec: 12, december: 12,
};
/** Whether a folded word is a month's name or its abbreviation ("march", "mars", "sept"), as the date scans read them. */
export function isMonthName(word: string): boolean {
  return Object.hasOwn(MONTHS, word);
}
const AMBIGUOUS_MONTHS = new Set(['mar', 'sep', 'dec']);
// A lowercase "dec 4" or "3 dec" is the month after a weekday ("thu 3 dec") or a word that says a day comes ("next visit
// dec 4", "hearing screen dec 3", "on sep 12"); elsewhere "dec" is a decrease and "mar" a Tuesday or a drug chart.
const DAY_CUE_BEFORE = /(?:^|[^\p{L}])(?:on|from|since|until|till|by|before|after|next|visit|review|appt|appointment|due|booked|screen|session|clinic|f\/u)[ \t]+$/u;
/** Whether a written date opening at `start` is announced as a day: a weekday before it, or DAY_CUE_BEFORE; never for "mar". */
function cuedDay(t: string, start: number, weekday: { start: number; end: number } | undefined, month: string): boolean {
  return month !== 'mar' && (weekday !== undefined || DAY_CUE_BEFORE.test(t.slice(Math.max(0, start - 16), start)));
}
const MONTH_ALT = Object.keys(MONTHS).sort((a, b) => b.length - a.length).join('|');
// WRITTEN_MDY and WRITTEN_MY check "no letter or digit before the month" after it, as
// (?<![\p{L}\p{N}](?:MONTH_ALT)): the same test only while no month name ends another one.
for (const a of Object.keys(MONTHS)) for (const b of Object.keys(MONTHS)) if (a !== b && b.endsWith(a)) throw new Error(`dates.ts: month "${a}" ends "${b}"`);
const NOTHING_BEFORE_MONTH = `(?<![\\p{L}\\p{N}](?:${MONTH_ALT}))`;
export const WEEKDAYS = 'lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tue|wed|thu|fri|sat|sun';

// Written: [weekday] day [of] month [year]. Read from the day, its first digit consumed before the
// look-behind (which covers it): with a look-behind and an optional weekday first, V8 tried every
// position. The weekday before the day is found by weekdayBefore; the day after blanks has no letter
// or digit before it, so the look-behind holds there as it did at the weekday.
const WRITTEN_DMY = new RegExp(
  `(1(?<![\\p{L}\\p{N}]1)er|\\d(?<![\\p{L}\\p{N}]\\d)\\d?)(?:st|nd|rd|th|er|eme)?(?:\\s+of)?[\\s-]*(${MONTH_ALT})(?![\\p{L}])\\.?(?:(?:,?\\s+|-|\\s*\\.\\s*)(\\d{4}|\\d{2})(?![\\p{L}\\p{N}:h]))?`,
  'dgu',
);
// "lundi 12 mars", "Tue., 3 May": a weekday, an optional dot and comma, blanks, then the day.
const WEEKDAY_BEFORE_DAY = new RegExp(`(?<![\\p{L}\\p{N}])(${WEEKDAYS})\\.?,?$`, 'du');
/** The longest weekday ("wednesday"), a dot, a comma and the character before, which the look-behind reads. */
const WEEKDAY_WINDOW = 12;
const BLANK = /\s/u;
// Written: [weekday,] month day[,] [year]. Read from the month, the look-behind after it, and the
// weekday found by weekdayBefore, as WRITTEN_DMY and for the same reason.
const WRITTEN_MDY = new RegExp(
  `(${MONTH_ALT})${NOTHING_BEFORE_MONTH}(?:\\.?\\s+|-)(\\d{1,2})(?:st|nd|rd|th)?(?![\\p{N}])(?:(?:,?\\s+|-)(\\d{4})(?![\\p{N}]))?`,
  'dgu',
);
const EN_ONLY_MONTHS = /^(?:january|february|april|june|july|august|september|october|november|december)$/;
const MAY_BEFORE = /\b(?:from|on|since|until|till|by|before|after|through|to|between)\s+$/;
const MAY_AFTER = /^\s*(?:to|through|until|till|and|-|–)\s*(?:\d|[a-z]{3})/;
// Written: month year
const WRITTEN_MY = new RegExp(`(${MONTH_ALT})${NOTHING_BEFORE_MONTH}\\.?(?:\\s+|\\s*(?:de |of )?)(\\d{4})(?![\\p{N}])`, 'dgu');
// Written with a misspelt month and a year: "17 ocotbre 1950", "3 fevirer 2024" (see fuzzyMonth).
const WRITTEN_DMY_TYPO = /\b(1er|\d{1,2})[ \t]+([a-z]{5,10})\.?[ \t]+(\d{4})(?![\p{L}\p{N}])/dgu;
const FULL_MONTHS = Object.keys(MONTHS).filter((k) => k.length >= 5);
// A birth date with an impossible day ("dob 6/31/1985", "né le 30/02/1961") is a typo of a real one:
// still the patient's birth date.
const BIRTH_BEFORE = /(?:dob|d\.o\.b\.?|date of birth|birth ?date|born(?: on)?|ne(?:e)? le|ddn|date de naissance)[ \t:]*$/;

/** The full month name one edit away (a letter added, dropped, changed, or two swapped), if any. */
function fuzzyMonth(word: string): number | undefined {
  if (MONTHS[word] !== undefined) return undefined; // spelt right: the other patterns' business
  for (const name of FULL_MONTHS) if (oneEditApart(word, name)) return MONTHS[name];
  return undefined;
}

function oneEditApart(a: string, b: string): boolean {
  if (Math.abs(a.length - b.length) > 1) return false;
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  if (a.length === b.length) {
    if (a.slice(i + 1) === b.slice(i + 1)) return true; // one letter changed
    return a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2); // two swapped
  }
  return a.length > b.length ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1);
}

// Numeric: d/m/y, m/d/y with / . - and 2 or 4 digit years; a comma and a digit after it make a longer
// number, unless they open a time ("30/11/2026,08:00" in a CSV row). The test of what comes before is a lookbehind
// after the first digit, which it repeats: the same matches as a lookbehind before it, but V8 tries a
// leading lookbehind at every position, while here the search first skips ahead to a digit.
const NUMERIC_DMY = /(\d(?<!(?:[\p{N}][/.-]?|[/.-])\d)\d?)\s?([/.-])\s?(\d{1,2})\s?\2\s?(\d{4}|\d{2})(?![\p{N}]|[/.-]\d|,\d(?!\d?[:h]\d\d))/dgu;
// A CSV field: a date that opens its field may be followed by a comma and the next field's digits
// ("…,96,21/11/2026,22/11/2026,hemiarthroplasty", "\"O'BRIEN, Tessa\",02/02/1988,3210 77651 2,…").
const NUMERIC_DMY_CSV = /(?<=(?:^|[\n,;"])[ \t]?)(\d\d?)([/.-])(\d{1,2})\2(\d{4})(?=,\d)/dgu;
// Numeric: ISO-like y-m-d
const NUMERIC_YMD = /(?<![\p{N}][/.-]?|[/.-])(\d{4})([/.-])(\d{1,2})\2(\d{1,2})(?![\p{N}]|[/.-]\d)/dgu;
// A year and month in ISO order ("echo_last" 2026-04 in an export, "since 2025-07"); not a product's expiry, which
// dates a batch, not a person ("péremption 2027-04", "lot 58841201 exp 2026-11"). A card's expiry is a date of its
// holder's, as the sets mark it ("carte RAMQ : TREJ 6852 1417, exp. 2029-05").
const ISO_YM = /(?<![\p{L}\p{N}][/.-]?|[/.-])((?:19|20)\d{2})-(0[1-9]|1[0-2])(?![\p{L}\p{N}]|[/.-][\p{L}\p{N}])/dgu;
const EXPIRY_BEFORE = /(?:^|[^\p{L}])(?:exp|expiry|expires?|expiration|peremption|perime|use by|best before|lot)[ \t.:]*$/u;
const PRODUCT_BEFORE_EXPIRY = /(?:^|[^\p{L}])(?:lot|batch|peremption|perime|reactif|reagent|flacon|vial|syringe|seringue|use by|best before)(?![\p{L}])|\d[ \t]*(?:mg|ml|mcg|µg|ui|iu)(?![\p{L}])/u;
// Numeric: m/y
const NUMERIC_MY = /(?<![\p{N}][/.-]?|[/.-])(0?[1-9]|1[0-2])([/.-])((?:19|20)\d{2})(?![\p{N}]|[/.-]\d)/dgu;
// Day month year separated by single spaces: "12 12 1985"
const SPACED_DMY = /(?<![\p{N}] ?)(\d{1,2}) (\d{1,2}) ((?:19|20)\d{2})(?! ?[\p{N}])/dgu;
// Digits typed one by one with spaces, as forms do: "1 7 0 4 2 0 8 6" (ddmmyyyy)
const SPACED_DIGITS = /(?<![\p{N}] ?)(\d) (\d) (\d) (\d) (\d) (\d) (\d) (\d)(?! ?[\p{N}])/dgu;
// Numeric d/m without year, only after a word that introduces a date ("le 12/03", "on 3/12")
const WEEKDAYS_BEFORE_DM = 'lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tue|wed|thu|fri|sat|sun';
// The words that book a visit introduce one too ("next visit: 5/12", "rebooked by dr x for 9/12", "booked a repeat LFT
// for 30/11", "family meeting 1/12"); not "for" alone ("for 2/7": two days of seven).
const BOOKING_BEFORE_DM = String.raw`(?:next[ \t]+)?visit[ \t]*:|review[ \t]*:|(?:re)?booked(?:[ \t]+[\p{L}.]+){0,4}[ \t]+for|(?:planned|scheduled)[ \t]+for|meeting|appointment|appt|rdv`;
const NUMERIC_DM = new RegExp(String.raw`(?<![\p{L}])(?:le|du|au|depuis le|jusqu'au|on|since|from|until|till|til|${WEEKDAYS_BEFORE_DM}|${BOOKING_BEFORE_DM})\s+(\d{1,2})\/(\d{1,2})(?![\p{N}]|[/.-]\d)`, 'dgu');
// A dotted day and month, as Switzerland and Belgium write it, after a word that says a day comes ("Colloque sein du
// 25.11", "revoir au colloque du 9.12", "en vacances jusqu'au 30.11"): two digits for the month, so that "du 2.5 au 5 mg"
// stays a dose.
const NUMERIC_DM_DOTTED = /\b(?:le|du|au|jusqu'au|depuis le|des le|avant le|apres le)[ \t]+(\d{1,2})\.(\d{2})(?![\p{N}]|[.,]\d)/dgu;
/** NUMERIC_DM's match opened by a weekday rather than a preposition. */
const WEEKDAY_INTRODUCES = new RegExp(String.raw`^(?:${WEEKDAYS_BEFORE_DM})\s`, 'u');

// Numeric d/m with no word before it ("note IDE - 17/10", "[1/9 07:55]"): see dayMonthAlone for what it must not be.
// (The lookbehind after the first digit, as in NUMERIC_DMY.)
const NUMERIC_DM_ALONE = /(\d(?<!(?:[\p{L}\p{N}]|[\p{N}][ \t]?[/.,:x×*-][ \t]?|[/.,:°#=+*-])\d)\d?)\/(\d{1,2})(?![\p{N}]|[/.,-]\d|[\p{L}%])/dgu;
// Words after which a/b is a score, a pressure, a ratio, a page or a count ("EVA 7/10", "TA 12/8", "N° 3/4", "grade 2/4").
export const NOT_DATE_BEFORE = /(?:^|[^\p{L}])(?:ta|pa|bp|tension|pression(?: arterielle)?|blood pressure|page|pages|p\.|pg|n°|no\.?|num|fax|feuillet|sheet|grade|stade|stage|nyha|classe?|force|mrc|eva|en|ens|vas|nrs|gcs|glasgow|apgar|score|mmse|moca|iks|ecog|oms|who|ratio|rapport|visus|acuity|va|od|og|ou|acuite|x|×|for|pendant|dose|doses|cure|cycle|cycles|c|j|d|week|semaine|sa|gestite|parite|g|p)[ \t:]*$/u;
// Units and counts after a/b: "1/2 cp", "3/4 of the dose", "2/3 des patients", "5/7 jours". Whole words
// only: "24/11 mme Ribeiro", "12/3 demain", "02/12 cmp" are dates (a unit's letters began the next word).
export const NOT_DATE_AFTER =
  /^[ \t]*(?:(?:mg|ml|g|µg|ug|mcg|cp|comprimes?|tab|tabs|tablets?|gel|gelules?|amp|ampoules?|doses?|of|des|du|de|jours?|j|days?|nuits?|semaines?|weeks?|mois|months?|ans?|years?|mmhg|cmh2o|cm|mm|x|fois|times|pts?|points?|h|heures?|hours?|min|sec)(?![\p{L}\p{N}])|d'|%)/u;

// Scottish and Australian flats are written "2/1" or "17/3 Dalry Road": a flat before, a street after.
const FLAT_BEFORE = /(?:^|[^\p{L}])(?:flat|apt|apartment|unit|appartement|logement)[ \t]*$/u;
// Not "dr" or "st" (Doctor, Saint: "12/3 by Dr …") and not after a link word ("14/6 by court order"):
// those follow a date far more often than a flat.
const STREET_AFTER =
  /^[ \t]+(?!(?:by|at|to|with|per|in|on|for|from|the|an?|via|par|avec|chez|au|a)\b)\p{L}+[ \t]+(?:road|rd|street|avenue|ave|lane|ln|drive|place|crescent|terrace|gardens|close|way|court|row|wynd|brae)\b/u;
// "avenue du 8 Mai 1945": the month and year after the day are part of the street name too.
const STREET_BEFORE = /(?:^|[^\p{L}])(?:rue|avenue|av\.?|boulevard|bd|place|pl\.?|quai|allee|cours|impasse|square|pont|chemin|route|rond-point|parvis|esplanade)[ \t]+(?:du|des|de la)[ \t]+(?:\d{1,2}(?:er)?[ \t]+)?$/u;
const SCORES_BEFORE = /(?:^|[^\p{L}])apgar[ \t:]*$/u;

/**
 * A bare "a/b" is a date only when it is no fraction, score or pressure: "17/10" and "3/2" are dates,
 * "3/4", "7/10", "5/5" are not, unless a time follows ("1/9 07:55") or brackets enclose it ("[1/9]").
 */
function dayMonthAlone(t: string, start: number, end: number, a: number, b: number, zeroPadded: boolean): boolean {
  const before = t.slice(Math.max(0, start - 24), start);
  const after = t.slice(end, end + 24);
  // The morning or the afternoon of that day, dotted, says a day whatever the word before ("bloods for 24/11 a.m.").
  if (/^[ \t]*[ap]\.m\./u.test(after)) return true;
  if (NOT_DATE_BEFORE.test(before) || NOT_DATE_AFTER.test(after)) return false;
  if (FLAT_BEFORE.test(before) || STREET_AFTER.test(after)) return false;
  if (a === 24 && b === 7) return false; // round the clock
  // A clock time after it, "07:55", "7h30", or a 24-hour time and a dash as a nurse's log writes its entries ("11/28 2215 — arrived").
  const timeAfter = /^[ \t]*(?:a |at |-[ \t]*)?\d{1,2}[:h]\d{2}(?!\d)|^[ \t]+(?:[01]\d|2[0-3])[0-5]\d[ \t]*[—–-][ \t]/u.test(after);
  const bracketed = /\[[ \t]*$/u.test(before) && /^[ \t]*[\],]/u.test(after);
  // An hour without its minutes after it ("rdv doppler 2/12 9h", "2/11 20h : entrée"), or, at a line's start, the
  // colon of a nurse's log entry ("6/11 : kiné ok").
  const hourAfter = /^[ \t]*(?:a |à )?\d{1,2}h(?![\p{L}\p{N}])/u.test(after);
  // At a line's start (a list's dash may open it), the colon of a nurse's log entry or of a dated list ("6/11 : kiné
  // ok", "- 10/11 : 6 140"), or a 24-hour time and the entry's first word ("10/11 0700 rn whaanga: settled").
  const lineStart = /(?:^|\n)[ \t]*(?:[-–•*][ \t]*)?$/u.test(before);
  const logColon = lineStart && /^[ \t]*:/u.test(after);
  const logTime = lineStart && /^[ \t]+(?:[01]\d|2[0-3])[0-5]\d[ \t]+\p{L}/u.test(after);

  // A fraction, a score or a ratio is never written with a leading zero: "04/12", "02/12", "09/11" are dates.
  return timeAfter || hourAfter || logColon || logTime || bracketed || a > b || zeroPadded;
}

export function isValidDay(year: number | undefined, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1 || day > 31) return false;
  const y = year ?? 2000; // a leap year: 29 February without a year is valid
  return day <= new Date(Date.UTC(y, month, 0)).getUTCDate();
}

function expandYear(two: number, now = new Date()): number {
  const cur = now.getUTCFullYear() % 100;
  return two <= cur + 1 ? 2000 + two : 1900 + two;
}

/** A written year as a number: four digits as they are, two expanded (expandYear). */
export function yearValue(raw: string): number {
  return raw.length === 4 ? Number(raw) : expandYear(Number(raw));
}

// Cheap test first for the day/month scans with no year (NUMERIC_DM, NUMERIC_DM_ALONE, and the
// weekday and month-first forms of dates-extra.ts): each needs a digit, a slash and a digit.
export const DIGIT_SLASH_DIGIT = /\d\/\d/;

// A dash between two full dates ("01/10/2026–31/10/2026", "2025-11-24-2025-11-25"), or a day and month
// and a full date ("12/08–30/08/2026"), joins a range: the
// numeric scans refuse a date with a dash and a digit beside it (a longer number or code), so that dash
// is read as a blank. Same length, so every offset holds. Each form of the first date has its own
// branch: a back-reference to the slash form's separator, unset after an ISO date, would match nothing
// there and let a mere digit run pass for the second date ("Lot 2025-11-24-123456" lost its code).
const SECOND_DATE_END = String.raw`(?![\p{N}]|[/.-]\d)`;
const RANGE_DASH = new RegExp(
  String.raw`(?<![\p{N}][/.-]?|[/.-])` +
    String.raw`(?:\d{1,2}([/.])\d{1,2}\1(?:\d{4}|\d{2})[ \t]?-(?=[ \t]?(?:\d{1,2}\1\d{1,2}\1(?:\d{4}|\d{2})|\d{4}-\d{1,2}-\d{1,2})${SECOND_DATE_END})` +
    String.raw`|\d{4}-\d{1,2}-\d{1,2}[ \t]?-(?=[ \t]?\d{4}-\d{1,2}-\d{1,2}${SECOND_DATE_END})` +
    // A day and month before a full date: the range's year is written once ("12/08–30/08/2026"); or before another
    // day and month ("admitted 15/11–17/11"): each is still read as a date alone would be (a score is not).
    String.raw`|\d{1,2}\/\d{1,2}[ \t]?-(?=[ \t]?\d{1,2}\/\d{1,2}(?:\/(?:\d{4}|\d{2}))?${SECOND_DATE_END})` +
    // Two months and years ("(03.2025–06.2025)", "07/2025-08/2026"): a treatment's course.
    String.raw`|(?:0?[1-9]|1[0-2])([/.])(?:19|20)\d{2}[ \t]?-(?=[ \t]?(?:0?[1-9]|1[0-2])\2(?:19|20)\d{2}${SECOND_DATE_END}))`,
  'gu',
);

/**
 * The folded text with the dash of each date range blanked (see RANGE_DASH). Built from an exec loop
 * rather than `replace` with a callback, which V8 runs about twice as slowly here.
 */
function blankRangeDashes(folded: string): string {
  if (!folded.includes('-')) return folded;
  let out = '';
  let copied = 0;
  RANGE_DASH.lastIndex = 0;
  for (let m = RANGE_DASH.exec(folded); m; m = RANGE_DASH.exec(folded)) {
    // The match ends on the dash (the second date is only looked at); it is never empty.
    const dash = m.index + m[0].length - 1;
    out += folded.slice(copied, dash) + ' ';
    copied = dash + 1;
  }
  RANGE_DASH.lastIndex = 0;
  return copied === 0 ? folded : out + folded.slice(copied);
}

function findDates(doc: Doc): DateParts[] {
  const t = blankRangeDashes(doc.folded);
  const found: DateParts[] = [];
  const at = (m: RegExpExecArray, group: number): { start: number; end: number } => {
    const [start, end] = m.indices![group]!;
    return { start, end };
  };

  for (const m of t.matchAll(WRITTEN_DMY)) {
    const weekday = weekdayBefore(t, m.index);
    const start = weekday?.start ?? m.index;
    const day = m[1] === '1er' ? 1 : Number(m[1]);
    // "avenue du 8 Mai 1945", "rue du 11 Novembre": a street named after a date is an address.
    if (STREET_BEFORE.test(t.slice(Math.max(0, start - 16), start))) continue;
    const month = MONTHS[m[2]!]!;
    const year = m[3] !== undefined ? yearValue(m[3]) : undefined;
    if (!isValidDay(year, month, day)) continue;
    // "mar"/"sep"/"dec" alone are too ambiguous without a year in prose ("3 mar", "2 sep")...
    // (unless written as a month is, capitalised: "physio on 2 Dec", not "MAR" or "dec").
    if (m[3] === undefined && AMBIGUOUS_MONTHS.has(m[2]!) && !cuedDay(t, start, weekday, m[2]!) && t[at(m, 2).end] !== '.' && !/^\p{Lu}\p{Ll}{2}$/u.test(doc.text.slice(at(m, 2).start, at(m, 2).end))) continue;
    // ... and "may" in English needs a year or a day-month shape that reads like a date.
    // "Saturday 21 November." ends a sentence: the dot after a month written in full is no abbreviation's.
    const fullMonthDot = m[3] === undefined && m[0].endsWith('.') && fullMonthWords().has(m[2]!);
    found.push({
      start,
      end: m.index + m[0].length - (fullMonthDot ? 1 : 0),
      weekday,
      day: at(m, 1),
      dayValue: day,
      month: { ...at(m, 2), named: true, value: month },
      year: m[3] !== undefined ? { ...at(m, 3), value: year! } : undefined,
    });
  }
  for (const m of t.matchAll(WRITTEN_MDY)) {
    const month = MONTHS[m[1]!]!;
    const day = Number(m[2]);
    const year = m[3] !== undefined ? Number(m[3]) : undefined;
    if (!isValidDay(year, month, day)) continue;
    const weekday = weekdayBefore(t, m.index);
    const start = weekday?.start ?? m.index;
    const end = m.index + m[0].length;
    // "may 2" is mostly the verb; "May 2" is the month after a preposition or before a range ("from May 2 to May 9").
    const mayTheMonth = m[1] === 'may' && doc.text[m.index] === 'M' && (MAY_BEFORE.test(t.slice(Math.max(0, start - 10), start)) || MAY_AFTER.test(t.slice(end, end + 12)));
    // "Jan 5", "Sept 12": English notes abbreviate the month and drop the year; only capitalised as a
    // month is written ("MAR" is a medication record, "dec" a decrease), and no unit after the day.
    const monthRaw = doc.text.slice(m.index, m.index + m[1]!.length);
    // Lowercase notes and logs write "nov 20", "feb 3": lowercase too, but for the abbreviations that are
    // also words or codes ("mar", "sep", "dec": a decrease).
    // A form in capitals writes "SUTURES OUT NOV 10": the abbreviations no acronym shares ("MAR", "OCT", "DEC" are charts,
    // scans and decreases).
    const monthShape = /^\p{Lu}\p{Ll}{2,3}$/u.test(monthRaw) || (/^\p{Ll}{3,4}$/u.test(monthRaw) && (!AMBIGUOUS_MONTHS.has(m[1]!) || cuedDay(t, start, weekday, m[1]!))) || /^(?:JAN|FEB|APR|JUN|JUL|AUG|SEPT|NOV)$/.test(monthRaw);
    const abbreviated = doc.lang === 'en' && m[1] !== 'may' && monthShape && !NOT_DATE_AFTER.test(t.slice(end, end + 12));
    // A month only English names ("June 12th") is English in a French or bilingual note too.
    const englishMonth = EN_ONLY_MONTHS.test(m[1]!);
    if (year === undefined && !mayTheMonth && !abbreviated && ((doc.lang !== 'en' && !englishMonth) || m[1]!.length <= 3)) continue; // "mai 12" is rare; "mar 3" ambiguous
    found.push({
      start,
      end,
      weekday,
      month: { ...at(m, 1), named: true, value: month },
      day: at(m, 2),
      dayValue: day,
      year: m[3] !== undefined ? { ...at(m, 3), value: year! } : undefined,
    });
  }
  for (const m of t.matchAll(WRITTEN_MY)) {
    const month = MONTHS[m[1]!]!;
    if (STREET_BEFORE.test(t.slice(Math.max(0, m.index - 20), m.index))) continue;
    const year = Number(m[2]);
    if (year < 1880 || year > 2100) continue;
    found.push({ start: m.index, end: m.index + m[0].length, month: { ...at(m, 1), named: true, value: month }, year: { ...at(m, 2), value: year } });
  }
  for (const m of [...t.matchAll(NUMERIC_DMY), ...(t.includes(',') ? t.matchAll(NUMERIC_DMY_CSV) : [])]) {
    const a = Number(m[1]);
    // "Apgar 8/9/10" is three scores.
    if (SCORES_BEFORE.test(t.slice(Math.max(0, m.index - 12), m.index))) continue;
    const b = Number(m[3]);
    const year = yearValue(m[4]!);
    if (m[4]!.length === 4 && (year < 1880 || year > 2100)) continue;
    // 2-digit years with '.' or '-' and 1-digit parts look like versions or scores ("1.2.3"): need 2-digit day or month.
    if (m[4]!.length === 2 && m[1]!.length === 1 && m[3]!.length === 1 && m[2] === '.') continue;
    const usFirst = doc.lang === 'en' && m[2] === '/';
    let day = a;
    let month = b;
    let dayGroup = 1;
    let monthGroup = 3;
    if ((usFirst && isValidDay(year, a, b)) || !isValidDay(year, b, a)) {
      day = b;
      month = a;
      dayGroup = 3;
      monthGroup = 1;
    }
    if (!isValidDay(year, month, day)) {
      if (!BIRTH_BEFORE.test(t.slice(Math.max(0, m.index - 24), m.index))) continue;
      // The writer's order (month first in English slashes, day first otherwise), with a day up to 31.
      [day, month, dayGroup, monthGroup] = usFirst ? [b, a, 3, 1] : [a, b, 1, 3];
      if (month < 1 || month > 12 || day < 1 || day > 31) continue;
    }
    found.push({
      start: m.index,
      end: m.index + m[0].length,
      day: at(m, dayGroup),
      dayValue: day,
      month: { ...at(m, monthGroup), named: false, value: month },
      year: { ...at(m, 4), value: year },
    });
  }
  for (const m of t.matchAll(WRITTEN_DMY_TYPO)) {
    const month = fuzzyMonth(m[2]!);
    const day = m[1] === '1er' ? 1 : Number(m[1]);
    const year = Number(m[3]);
    if (month === undefined || year < 1880 || year > 2100 || !isValidDay(year, month, day)) continue;
    found.push({ start: m.index, end: m.index + m[0].length, day: at(m, 1), dayValue: day, month: { ...at(m, 2), named: true, value: month }, year: { ...at(m, 3), value: year } });
  }
  for (const m of t.matchAll(NUMERIC_YMD)) {
    const year = Number(m[1]);
    const month = Number(m[3]);
    const day = Number(m[4]);
    if (year < 1880 || year > 2100 || !isValidDay(year, month, day)) continue;
    found.push({ start: m.index, end: m.index + m[0].length, year: { ...at(m, 1), value: year }, month: { ...at(m, 3), named: false, value: month }, day: at(m, 4), dayValue: day });
  }
  for (const m of t.matchAll(ISO_YM)) {
    if (EXPIRY_BEFORE.test(t.slice(Math.max(0, m.index - 20), m.index)) && PRODUCT_BEFORE_EXPIRY.test(t.slice(Math.max(0, m.index - 60), m.index))) continue;
    found.push({ start: m.index, end: m.index + m[0].length, month: { ...at(m, 2), named: false, value: Number(m[2]) }, year: { ...at(m, 1), value: Number(m[1]) } });
  }
  for (const m of t.matchAll(NUMERIC_MY)) {
    found.push({ start: m.index, end: m.index + m[0].length, month: { ...at(m, 1), named: false, value: Number(m[1]) }, year: { ...at(m, 3), value: Number(m[3]) } });
  }
  for (const m of doc.lang !== 'en' && /\d\.\d\d/.test(t) ? t.matchAll(NUMERIC_DM_DOTTED) : []) {
    const day = Number(m[1]);
    const month = Number(m[2]);
    if (!isValidDay(undefined, month, day) || NOT_DATE_AFTER.test(t.slice(m.index + m[0].length, m.index + m[0].length + 24))) continue;
    found.push({ start: at(m, 1).start, end: at(m, 2).end, day: at(m, 1), dayValue: day, month: { ...at(m, 2), named: false, value: month } });
  }
  const slashed = DIGIT_SLASH_DIGIT.test(t);
  for (const m of slashed ? t.matchAll(NUMERIC_DM) : []) {
    const a = Number(m[1]);
    const b = Number(m[2]);
    // "from 2/3 of the dose", "on 1/2 tab": a unit or "of" after it makes it a fraction, a word before it or
    // not; never with a leading zero ("le 02/11 d'un hôpital").
    // A weekday before it says a day, not a share, whatever follows: "lundi 23/11 nuit", "mon 23/11 day" open a
    // shift's notes (French "mon" is "my" too: "mon 1/2 cp").
    const zeroPadded = m[1]!.startsWith('0') || m[2]!.startsWith('0');
    const weekdayBefore = WEEKDAY_INTRODUCES.test(m[0]) && !(doc.lang !== 'en' && m[0].startsWith('mon'));
    if (!zeroPadded && !weekdayBefore && NOT_DATE_AFTER.test(t.slice(m.index + m[0].length, m.index + m[0].length + 24))) continue;
    // English writes month first unless that is no date: an Australian nurse's "sat 14/11" is 14 November.
    const us = doc.lang === 'en' && isValidDay(undefined, a, b);
    const [day, month] = us ? [b, a] : [a, b];
    if (!isValidDay(undefined, month, day)) continue;
    const first = at(m, 1);
    const second = { start: first.end + 1, end: first.end + 1 + m[2]!.length };
    found.push({
      start: first.start,
      end: second.end,
      day: us ? second : first,
      dayValue: day,
      month: { ...(us ? first : second), named: false, value: month },
    });
  }
  for (const m of slashed ? t.matchAll(NUMERIC_DM_ALONE) : []) {
    const a = Number(m[1]);
    const b = Number(m[2]);
    const zeroPadded = (m[1]!.length === 2 && m[1]![0] === '0') || (m[2]!.length === 2 && m[2]![0] === '0');
    if (!dayMonthAlone(t, m.index, m.index + m[0].length, a, b, zeroPadded)) continue;
    // English writes month first unless that is no date ("17/10" is 17 October everywhere).
    const usFirst = doc.lang === 'en' && isValidDay(undefined, a, b);
    const [day, month] = usFirst ? [b, a] : [a, b];
    if (!isValidDay(undefined, month, day)) continue;
    const first = at(m, 1);
    const second = at(m, 2);
    found.push({ start: m.index, end: m.index + m[0].length, day: usFirst ? second : first, dayValue: day, month: { ...(usFirst ? first : second), named: false, value: month } });
  }
  for (const m of t.matchAll(SPACED_DMY)) {
    const day = Number(m[1]);
    const month = Number(m[2]);
    const year = Number(m[3]);
    if (!isValidDay(year, month, day)) continue;
    found.push({ start: m.index, end: m.index + m[0].length, day: at(m, 1), dayValue: day, month: { ...at(m, 2), named: false, value: month }, year: { ...at(m, 3), value: year } });
  }
  for (const m of t.matchAll(SPACED_DIGITS)) {
    const day = Number(m[1]! + m[2]!);
    const month = Number(m[3]! + m[4]!);
    const year = Number(m[5]! + m[6]! + m[7]! + m[8]!);
    if (year < 1880 || year > 2100 || !isValidDay(year, month, day)) continue;
    found.push({ start: m.index, end: m.index + m[0].length, day: { start: m.indices![1]![0], end: m.indices![2]![1] }, dayValue: day, month: { start: m.indices![3]![0], end: m.indices![4]![1], named: false, value: month }, year: { start: m.indices![5]![0], end: m.indices![8]![1], value: year } });
  }
  return dropContained(found);
}

/** The weekday written before the day at `day` ("lundi 12 mars"), if any: blanks, then WEEKDAY_BEFORE_DAY. */
function weekdayBefore(t: string, day: number): { start: number; end: number } | undefined {
  let end = day;
  while (end > 0 && BLANK.test(t[end - 1]!)) end--;
  if (end === day) return undefined;
  const from = Math.max(0, end - WEEKDAY_WINDOW);
  const m = WEEKDAY_BEFORE_DAY.exec(t.slice(from, end));
  if (!m) return undefined;
  const [start, wordEnd] = m.indices![1]!;
  return { start: from + start, end: from + wordEnd };
}

function dropContained(dates: DateParts[]): DateParts[] {
  dates.sort((x, y) => x.start - y.start || y.end - x.end);
  const out: DateParts[] = [];
  for (const d of dates) {
    const last = out[out.length - 1];
    if (last && d.start < last.end) continue;
    out.push(d);
  }
  return out;
}

export function dateSpans(doc: Doc): Span[] {
  const dates = findDates(doc);
  const full: Span[] = dates.map((d) => ({ start: d.start, end: d.end, label: 'DATE', score: 0.99, priority: PRIORITY.pattern + 5, source: 'date' }));
  return full.concat(partialDateSpans(doc, dates), spokenDateSpans(doc), extraDateSpans(doc), datesNamedAloneSpans(doc));
}

// ---- writing a moved date back in the same format -------------------------------------------

const MONTH_NAMES: Record<Lang, { long: string[]; short: string[] }> = {
  fr: {
    long: ['janvier', 'février', 'mars', 'avril', 'mai', 'juin', 'juillet', 'août', 'septembre', 'octobre', 'novembre', 'décembre'],
    short: ['janv', 'févr', 'mars', 'avr', 'mai', 'juin', 'juil', 'août', 'sept', 'oct', 'nov', 'déc'],
  },
  en: {
    long: ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'],
    short: ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'],
  },
};
const WEEKDAY_NAMES: Record<Lang, string[]> = {
  fr: ['dimanche', 'lundi', 'mardi', 'mercredi', 'jeudi', 'vendredi', 'samedi'],
  en: ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'],
};
let fullMonths: Set<string> | undefined;
/** The month names written in full, folded as findDates reads them (an abbreviation's dot is its own). */
function fullMonthWords(): Set<string> {
  // Accents stripped and lower case, as the folded view writes them (this file takes no fold of its own).
  return (fullMonths ??= new Set([...MONTH_NAMES.en.long, ...MONTH_NAMES.fr.long].map((m) => m.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase())));
}
const EN_MONTH_WORDS = new Set(['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december', 'jan', 'feb', 'apr', 'jun', 'jul', 'aug']);

function sameCase(model: string, value: string): string {
  if (model.length > 1 && model === model.toUpperCase() && model !== model.toLowerCase()) return value.toUpperCase();
  if (model[0] && model[0] === model[0].toUpperCase() && model[0] !== model[0].toLowerCase()) return value[0]!.toUpperCase() + value.slice(1);
  return value.toLowerCase();
}

/**
 * Moves the date written in `text` (the whole text is one date as found above) by `days` and writes
 * it back in the same shape. Returns undefined when `text` is not a date this module understands.
 */
export function shiftWrittenDate(text: string, days: number, doc: Pick<Doc, 'lang'>, fold: (s: string) => string): string | undefined {
  // Day/month dates ("12/03") are only recognised after a word such as "le": parse them with one.
  for (const prefix of ['', 'le ']) {
    const shifted = shiftParsed(prefix + text, prefix.length, days, doc, fold);
    if (shifted !== undefined) return shifted.slice(prefix.length);
  }
  return shiftLoneDay(text, days, doc, fold) ?? shiftNamedAlone(text, days, fold) ?? shiftNightRange(text, days);
}

/**
 * A few days before one month ("24-25/11", "19–21/11", "14-15/11/2026"): the last day moves as a date (with its year
 * when written), the first keeps its distance before it, so a night stays a night and a span its length.
 */
function shiftNightRange(text: string, days: number): string | undefined {
  const m = /^(\d{1,2})([-–—])(\d{1,2})\/(\d{1,2})(?:\/(\d{4}|\d{2}))?$/.exec(text);
  if (!m) return undefined;
  const year = m[5] === undefined ? 2001 : yearValue(m[5]);
  const second = new Date(Date.UTC(year, Number(m[4]) - 1, Number(m[3])) + days * 86_400_000);
  const first = new Date(second.getTime() - (Number(m[3]) - Number(m[1])) * 86_400_000);
  const pad = (n: number, like: string) => (like.length === 2 ? String(n).padStart(2, '0') : String(n));
  const movedYear = m[5] === undefined ? '' : `/${m[5].length === 2 ? String(second.getUTCFullYear() % 100).padStart(2, '0') : String(second.getUTCFullYear())}`;
  return `${pad(first.getUTCDate(), m[1]!)}${m[2]}${pad(second.getUTCDate(), m[3]!)}/${pad(second.getUTCMonth() + 1, m[4]!)}${movedYear}`;
}

const EN_WEEKDAY_ABBR = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const SEASON_AND_YEAR = new RegExp(String.raw`^(\p{L}+)([ \t]+)((?:19|20)\d{2})$`, 'u');
// "mon" too: a DATE span "mon" was read as Monday (in English text, or by its day number), never as French "my".
const WEEKDAY_ABBREVIATION = new RegExp(`^(?:${WEEKDAY_ABBR_EN}|mon)$`, 'u');

/**
 * A month or a weekday named alone ("octobre", "mi-janvier", "Friday", "thurs"): a month moves as its
 * 15th would, a weekday by the shift mod 7, each written in its own language, length and case; a season
 * with its year ("été 2024") keeps its season and moves its year by the shift's whole years.
 */
function shiftNamedAlone(text: string, days: number, fold: (s: string) => string): string | undefined {
  // A season and its year: the year moves by the shift's whole years, the season stays.
  const season = SEASON_AND_YEAR.exec(text);
  if (season) return season[1]! + season[2]! + String(Number(season[3]) + Math.round(days / 365.25));
  const m = /^(mi-)?(\p{L}+)(\.?)$/u.exec(text);
  if (!m) return undefined;
  const word = fold(m[2]!);
  const prefix = m[1] ?? '';
  // Abbreviations are read as English first: the recognizer takes them after English words only.
  for (const [lang, form] of [['fr', 'long'], ['en', 'long'], ['en', 'short'], ['fr', 'short']] as const) {
    const index = MONTH_NAMES[lang][form].findIndex((x) => fold(x) === word || (form === 'short' && lang === 'en' && word === 'sept' && x === 'Sep'));
    if (index < 0) continue;
    const moved = new Date(Date.UTC(2001, index, 15) + days * 86_400_000).getUTCMonth();
    return prefix + sameCase(m[2]!, MONTH_NAMES[lang][form][moved]!) + m[3]!;
  }
  if (prefix) return undefined;
  for (const lang of ['fr', 'en'] as const) {
    const index = WEEKDAY_NAMES[lang].findIndex((w) => fold(w) === word);
    if (index >= 0) return sameCase(m[2]!, WEEKDAY_NAMES[lang][(((index + days) % 7) + 7) % 7]!) + m[3]!;
  }
  if (!WEEKDAY_ABBREVIATION.test(word)) return undefined;
  const abbr = EN_WEEKDAY_ABBR.findIndex((w) => word.startsWith(fold(w)));
  return sameCase(m[2]!, EN_WEEKDAY_ABBR[(((abbr + days) % 7) + 7) % 7]!) + m[3]!;
}

/**
 * A day number alone ("du 4 au …") or after a weekday ("jeudi 27"): its month is unknown here, so the
 * day moves by the shift within a 28-day cycle (always a real day) and the weekday by the shift mod 7.
 */
function shiftLoneDay(text: string, days: number, doc: Pick<Doc, 'lang'>, fold: (s: string) => string): string | undefined {
  const m = /^(?:(\p{L}+)([ \t]+))?(\d{1,2})((?:er|st|nd|rd|th)?)$/u.exec(text);
  if (!m) return undefined;
  const day = Number(m[3]);
  if (day < 1 || day > 31) return undefined;
  const moved = ((((day - 1 + days) % 28) + 28) % 28) + 1;
  const digits = m[3]!.length === 2 ? String(moved).padStart(2, '0') : String(moved);
  const suffix = m[4] === '' ? '' : doc.lang === 'en' ? (moved % 10 === 1 && moved !== 11 ? 'st' : moved % 10 === 2 && moved !== 12 ? 'nd' : moved % 10 === 3 && moved !== 13 ? 'rd' : 'th') : moved === 1 ? 'er' : '';
  if (m[1] === undefined) return digits + suffix;
  const folded = fold(m[1]);
  for (const lang of ['fr', 'en'] as const) {
    const index = WEEKDAY_NAMES[lang].findIndex((w) => fold(w) === folded);
    if (index < 0) continue;
    const name = WEEKDAY_NAMES[lang][(((index + days) % 7) + 7) % 7]!;
    return sameCase(m[1], name) + m[2]! + digits + suffix;
  }
  return undefined;
}

function shiftParsed(text: string, from: number, days: number, doc: Pick<Doc, 'lang'>, fold: (s: string) => string): string | undefined {
  const local: Doc = { text, folded: fold(text), lang: doc.lang };
  const d = findDates(local).find((x) => x.start === from && x.end === text.length);
  if (!d) return undefined;
  const hasDay = d.day !== undefined && d.dayValue !== undefined;
  const year = d.year?.value ?? 2001; // a non-leap year for day-month dates without a year
  const base = Date.UTC(year, d.month.value - 1, hasDay ? d.dayValue! : 15);
  const moved = new Date(base + days * 86_400_000);
  const nd = moved.getUTCDate();
  const nm = moved.getUTCMonth() + 1;
  const ny = moved.getUTCFullYear();
  const edits: { start: number; end: number; value: string }[] = [];
  if (hasDay) {
    const raw = text.slice(d.day!.start, d.day!.end);
    const value = /^1er$/i.test(raw) ? (nd === 1 ? raw : String(nd)) : raw.length === 2 ? String(nd).padStart(2, '0') : String(nd);
    edits.push({ ...d.day!, value });
  }
  const rawMonth = text.slice(d.month.start, d.month.end);
  if (d.month.named) {
    const folded = local.folded.slice(d.month.start, d.month.end);
    const lang: Lang = EN_MONTH_WORDS.has(folded) && !['mars', 'mai', 'juin'].includes(folded) ? 'en' : doc.lang === 'en' && ['mar', 'sep', 'oct', 'nov', 'dec'].includes(folded) ? 'en' : 'fr';
    const full = MONTH_NAMES.fr.long.map((x) => fold(x)).includes(folded) || MONTH_NAMES.en.long.map((x) => fold(x)).includes(folded);
    const name = full ? MONTH_NAMES[lang].long[nm - 1]! : MONTH_NAMES[lang].short[nm - 1]!;
    edits.push({ ...d.month, value: sameCase(rawMonth, name) });
  } else {
    edits.push({ ...d.month, value: rawMonth.length === 2 ? String(nm).padStart(2, '0') : String(nm) });
  }
  if (d.year) {
    const raw = text.slice(d.year.start, d.year.end);
    edits.push({ ...d.year, value: raw.length === 2 ? String(ny % 100).padStart(2, '0') : String(ny) });
  }
  if (d.weekday) {
    const raw = text.slice(d.weekday.start, d.weekday.end);
    const lang: Lang = /day$|^(mon|tue|wed|thu|fri|sat|sun)$/i.test(raw) ? 'en' : 'fr';
    const name = WEEKDAY_NAMES[lang][moved.getUTCDay()]!;
    edits.push({ ...d.weekday, value: sameCase(raw, raw.length <= 3 ? name.slice(0, 3) : name) });
  }
  edits.sort((a, b) => b.start - a.start);
  let out = text;
  for (const e of edits) out = out.slice(0, e.start) + e.value + out.slice(e.end);
  return out;
}
