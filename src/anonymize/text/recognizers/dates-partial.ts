import { PRIORITY, type Doc, type Span } from '../types.js';
import { matchesNotAfter, notAfter } from './not-after.js';
import { isValidDay, type DateParts } from './dates.js';
import { WEEKDAY_ABBR_EN, WEEKDAY_ABBR_FR, WEEKDAY_FULL } from './dates-named-alone.js';

/**
 * Dates written without their month or year, which only read as dates next to a full one or a
 * weekday: the first day of a range or a list ("du 4 au 16 juillet", "4-16 July", "le 17 et
 * 24 janvier", "nuit du 11 au 12/09"), the last day of an English range ("July 4-16", "March 3 to 9"),
 * and a weekday with a day number ("livraison jeudi 27", "lun 23.11"). Each number is checked against the month
 * of the date it leans on; a number after "J" (J3) or glued to a letter is never a day.
 */
const BEFORE_DAY = /(?<![\p{L}\p{N}/.,:-])(\d{1,2})(?:er|st|nd|rd|th)?[ \t]*(?:(au|a|-|–|to|through|till|until)|(,|et|and|&|ou|or))[ \t]*(?:le[ \t]+|the[ \t]+)?$/u;
// "day 2 and 14 June", "cure 3 et 12 mai", "x 2 - 16 juillet": the number counts something, it is no day.
const COUNT_WORD_BEFORE = /(?:^|[^\p{L}])(?:day|days|jour|jours|j|d|pod|week|weeks|semaine|semaines|cycle|cycles|cure|cures|dose|doses|n°|no|x|grade|stade|stage|score|version|v|page|p|lit|bed|room|chambre|salle)[ \t.:#]*$/u;
const WEEK_WORD_BEFORE = /(?:^|[^\p{L}])(?:week|semaine|sem|wk)[ \t.:]*(?:du[ \t]+|from[ \t]+)?$/u;
const AFTER_DAY = /^[ \t]*(?:-|–|to|through|till|until|and|&)[ \t]*(\d{1,2})(?:st|nd|rd|th)?(?![\p{L}\p{N}]|[/.:]\d)/u;
// What may follow a day number: a count, a dose, a time or a part of a written date says it is none; a comma and a
// time after it does not ("Lundi 23, 16h").
const NOT_A_DAY_AFTER = String.raw`(?![\p{L}\p{N}]|[ \t]*(?:[/.:h-][ \t]*\d|,(?![ \t]*\d{1,2}[ \t]*(?:h|:\d\d|am\b|pm\b))[ \t]*\d|%|x\b|fois|times|seances?|sessions?|heures?|hours?|h\b|min|mg|ml|cm|mm|kg|cp|comprimes?|patients?|jours?|days?|semaines?|weeks?|mois|months?|ans?\b|years?))`;
const WEEKDAY_DAY = notAfter(new RegExp(String.raw`(?<![\p{L}])(?:${WEEKDAY_FULL})[ \t]+(\d{1,2})(?:er|st|nd|rd|th)?${NOT_A_DAY_AFTER}`, 'dgu'));
// A French weekday's abbreviation written in lower case before a day number, anywhere in a nurse's line ("sortie
// prevue mer 19", "nuit du sam 21", "rdv teleconsult ven 27"). Read on the text as written: "Sam 12" or "Mar 3"
// with a capital is a name or an English month. The digits first, then the look-behind to the weekday.
const WEEKDAY_ABBR_FR_LOWER_DAY = new RegExp(String.raw`(?<![\p{N}])(\d{1,2})(?<=(?<![\p{L}])(?:${WEEKDAY_ABBR_FR})\.?[ \t]+\d{1,2})${NOT_A_DAY_AFTER}`, 'dgu');
const WEEKDAY_ABBR_FR_BEFORE = new RegExp(String.raw`(?:${WEEKDAY_ABBR_FR})\.?[ \t]+$`);

// A weekday's abbreviation and a day number opening a line of a log, before a dash, a colon, a comma or a time
// ("lun 16 – mme vuillermoz", "mar 24 - mr ulliac", "lun 23 8h10 - …"), or with an ordinal anywhere ("for sat
// 28th"): alone, "mar 17" or "sam 12" may be a month or a name, not in these places.
const WEEKDAY_ABBR = `${WEEKDAY_ABBR_FR}|mon|${WEEKDAY_ABBR_EN}`;
const WEEKDAY_ABBR_DAY_LINE = new RegExp(String.raw`^[ \t]*(?:[-•*][ \t]*)?(?:${WEEKDAY_ABBR})\.?[ \t]+(\d{1,2})(?:er|st|nd|rd|th)?(?=[ \t]*(?:[-–—:,]|\d{1,2}[h:]\d{2}|$))`, 'dgmu');
const WEEKDAY_ABBR_ORDINAL = new RegExp(String.raw`\b(?:${WEEKDAY_ABBR})\.?[ \t]+(\d{1,2})(?:st|nd|rd|th)(?![\p{L}\p{N}])`, 'dgu');
// A weekday, whole or abbreviated, before a day and a month joined by a dot ("lun 23.11 mr huet", "Mon 23.11
// 18:04 —", "jeudi 26.11"): "23.11" alone is as often a lab value, not after a weekday.
// The digits first, then the look-behind to the weekday: a pattern that opens on the weekday list is tried at every position.
const WEEKDAY_DAY_DOT_MONTH = new RegExp(
  String.raw`(?<![\p{N}.])(\d{1,2})\.(\d{1,2})(?<=\b(?:${WEEKDAY_FULL}|${WEEKDAY_ABBR})\.?[ \t]+\d{1,2}\.\d{1,2})(?![\p{N}]|\.\d|,\d)`,
  'dgu',
);
const WEEKDAY_BEFORE = new RegExp(String.raw`\b(?:${WEEKDAY_FULL}|${WEEKDAY_ABBR})\.?[ \t]+$`, 'u');

// Cheap test first: every weekday ends in "di", "day" or "che" ("dimanche"), and a day number follows
// after blanks; most texts have none of these, and WEEKDAY_DAY is tried at every position.
const WEEKDAY_DAY_HINT = /(?:di|day|che)[ \t]+\d/;

export function partialDateSpans(doc: Doc, dates: readonly DateParts[]): Span[] {
  const t = doc.folded;
  const out: Span[] = [];
  const push = (start: number, end: number, source: string) =>
    out.push({ start, end, label: 'DATE', score: 0.9, priority: PRIORITY.pattern, source });
  for (const d of dates) {
    if (!d.day || d.dayValue === undefined) continue;
    const year = d.year?.value;
    const month = d.month.value;
    // Walk back over "17, 18 et 24 janvier": each earlier number is a day of the same month.
    let anchor = d.day.start === d.start ? d.start : -1;
    let lastDay = d.dayValue;
    while (anchor > 0) {
      const m = BEFORE_DAY.exec(t.slice(Math.max(0, anchor - 24), anchor));
      if (!m) break;
      const day = Number(m[1]);
      const isRange = m[2] !== undefined;
      if (!isValidDay(year, month, day) || (isRange && day >= lastDay) || day === lastDay) break;
      const start = anchor - m[0].length + m[0].indexOf(m[1]!);
      // "semaine 16 au 22/11": a week's first day, not the week's number, when the range spans a week at most.
      const weekSpan = isRange && WEEK_WORD_BEFORE.test(t.slice(Math.max(0, start - 12), start)) && lastDay - day <= 7;
      if (!weekSpan && COUNT_WORD_BEFORE.test(t.slice(Math.max(0, start - 12), start))) break;
      push(start, start + m[1]!.length, 'date-range-first');
      anchor = start;
      lastDay = day;
      if (isRange) break; // "du 2 au 4 au 6" is not a thing: one range start only
    }
    // "July 4-16", "March 3 to 9": the day closes the date, the second day follows.
    if (d.day.end === d.end) {
      const m = AFTER_DAY.exec(t.slice(d.end, d.end + 16));
      if (m) {
        const day = Number(m[1]);
        if (isValidDay(year, month, day) && day > d.dayValue) {
          const start = d.end + m[0].indexOf(m[1]!);
          push(start, start + m[1]!.length, 'date-range-last');
        }
      }
    }
  }
  for (const m of WEEKDAY_DAY_HINT.test(t) ? matchesNotAfter(WEEKDAY_DAY, t) : []) {
    const day = Number(m[1]);
    if (day < 1 || day > 31) continue;
    push(m.index, m.indices![1]![1], 'date-weekday-day');
  }
  for (const re of [WEEKDAY_ABBR_DAY_LINE, WEEKDAY_ABBR_ORDINAL]) {
    for (const m of t.matchAll(re)) {
      const day = Number(m[1]);
      if (day < 1 || day > 31) continue;
      const start = m.index + m[0].search(/\p{L}/u);
      push(start, m.indices![1]![1], 'date-weekday-abbr-day');
    }
  }
  for (const m of doc.text.matchAll(WEEKDAY_ABBR_FR_LOWER_DAY)) {
    const day = Number(m[1]);
    if (day < 1 || day > 31) continue;
    const weekday = WEEKDAY_ABBR_FR_BEFORE.exec(doc.text.slice(Math.max(0, m.index - 8), m.index))!;
    push(m.index - weekday[0].length, m.indices![1]![1], 'date-weekday-abbr-lower-day');
  }
  for (const m of /\d\.\d/.test(t) ? t.matchAll(WEEKDAY_DAY_DOT_MONTH) : []) {
    if (!isValidDay(undefined, Number(m[2]), Number(m[1]))) continue;
    const weekday = WEEKDAY_BEFORE.exec(t.slice(Math.max(0, m.index - 12), m.index));
    push(m.index - weekday![0].length, m.indices![2]![1], 'date-weekday-day-dot-month');
  }
  return out;
}
