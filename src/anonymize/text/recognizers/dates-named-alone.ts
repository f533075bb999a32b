import { PRIORITY, type Doc, type Span } from '../types.js';

/**
 * A month or a weekday named without any number, where it says when something happened or will:
 * "depuis octobre", "la rentrée de septembre", "f/u January", "since Monday", "sortie prévue vendredi",
 * "d/c thurs". Left in clear, such a word contradicts the shifted dates around it (a Monday moved by
 * 10 days is a Thursday) and so tells the shift; as a DATE it moves with them (surrogates.ts).
 *
 * What stays out, because it names no one day:
 * - a recurring weekday: a schedule or a habit ("kiné lundi/mercredi/vendredi", "Mon/Wed/Fri", "le lundi
 *   et le jeudi", "visite le dimanche", "tous les mardis", "every Monday", "on Mondays");
 * - a weekday that labels a line or a table cell of a roster or a log ("Mardi : Dr Roux", "tue: bloods");
 * - a month without a word of time before it ("He missed May."), so the verb "may", "march" and the
 *   planet stay words; English month abbreviations only after an English word of time, never in
 *   capitals ("OCT : œdème maculaire" is an examination).
 * A month or weekday next to a day number or a year belongs to the full date scans (dates.ts); a season
 * with its year is read here ("depuis l'été 2024").
 * Scans run on the folded view (lower case, no accents), whose offsets are the text's.
 */
const FR_MONTHS = ['janvier', 'fevrier', 'mars', 'avril', 'mai', 'juin', 'juillet', 'aout', 'septembre', 'octobre', 'novembre', 'decembre'];
const EN_MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
const MONTH_FULL = [...FR_MONTHS, ...EN_MONTHS].join('|');
const MONTH_ABBR_EN = 'jan|feb|apr|jun|jul|aug|sept?|oct|nov|dec';
export const WEEKDAY_FULL = 'lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|monday|tuesday|wednesday|thursday|friday|saturday|sunday';
/**
 * English weekday abbreviations the scan reads; the surrogate (dates.ts) moves the same ones. Not "mon", French
 * "my" too: a rule adds it where a day number or a date vouches for it.
 */
export const WEEKDAY_ABBR_EN = 'tues?|weds?|thu|thur|thurs|fri|sat|sun';
/** French weekday abbreviations ("lun 16", "ven. 7/2"); "mar" and "sam" are a month and a name too, so never alone. */
export const WEEKDAY_ABBR_FR = 'lun|mar|mer|jeu|ven|sam|dim';
const WEEKDAY_ABBREVIATION_WORDS = new Set(['lun', 'mar', 'mer', 'jeu', 'ven', 'sam', 'dim', 'mon', 'tue', 'tues', 'wed', 'thu', 'thur', 'thurs', 'fri', 'sat', 'sun']);
/**
 * Whether `key` (folded, letters only) is a weekday's abbreviation and `after` (the text right after it) opens on a day
 * number ("lun. 23/11", "Sat 12/03", "sam, 10 oct"): then it is that day, never a name ("Sam" is one elsewhere). The
 * model-span filter and name spreading ask it.
 */
export function weekdayAbbreviationBeforeDayNumber(key: string, after: string): boolean {
  return WEEKDAY_ABBREVIATION_WORDS.has(key) && /^\.?[ \t,]*\d/.test(after);
}

// Words of time right before the month, French ones only before a French month ("rentrée de septembre"),
// English ones before either; English abbreviations only after English words.
// A plan or an event of a month: "revoir janvier", "prochaine février", "TEVAR programmé janvier", "opérée octobre".
const MONTH_CUES_FR = ['en', 'depuis', 'des', "jusqu'en", "jusqu'a", 'fin', 'debut', 'courant', 'mi', "d'ici", 'avant', 'apres', 'pour', 'mois de', "mois d'", 'de', "d'", 'prochain', 'prochaine', 'revoir', 'prevu', 'prevue', 'programme', 'programmee', 'opere', 'operee'];
const MONTH_CUES_EN = ['in', 'since', 'until', 'till', 'by', 'from', 'last', 'next', 'early', 'late', 'mid', 'end of', 'beginning of', 'start of', 'during', 'through', 'before', 'after', 'f/u', 'fu', 'due', 'around', 'for', 'review', 'reviewed', 'planned', 'booked', 'scheduled'];
const cueSource = (cues: readonly string[]) => cues.map((c) => c.replace(/\//g, '\\/').replace(/ /g, '[ \\t]+')).join('|');
const MONTH_ALONE = new RegExp(
  String.raw`(?<![\p{L}\p{N}])(${cueSource(MONTH_CUES_FR)}|${cueSource(MONTH_CUES_EN)})(?:[ \t]+|-|(?<='))(${MONTH_FULL}|${MONTH_ABBR_EN})\.?(?![\p{L}\p{N}]|[ \t]*\d|[./-]\d)`,
  'dgu',
);
const FR_CUES = new Set(MONTH_CUES_FR);
const EN_CUES = new Set(MONTH_CUES_EN);
const FR_MONTH_SET = new Set(FR_MONTHS);
const EN_MONTH_SET = new Set(EN_MONTHS);
// "may" and "march" are ordinary English words after most cues ("by may", "the march"): only these.
const VERB_LIKE_MONTH_CUES = new Set(['in', 'since', 'until', 'till', 'early', 'late', 'mid', 'end of', 'beginning of', 'start of', 'last', 'next', 'during']);

const weekdayAlone = (abbreviations: string) => new RegExp(String.raw`(?<![\p{L}\p{N}])(${WEEKDAY_FULL}|${abbreviations})\.?(?![\p{L}\p{N}])`, 'dgu');
const WEEKDAY_ALONE = weekdayAlone(WEEKDAY_ABBR_EN);
// In English text "mon" is Monday, never the French "my": read there with the other abbreviations.
const WEEKDAY_ALONE_EN = weekdayAlone(`${WEEKDAY_ABBR_EN}|mon`);
const WEEKDAY_ANY = new RegExp(String.raw`^(?:${WEEKDAY_FULL}|${WEEKDAY_ABBR_EN}|mon|${WEEKDAY_ABBR_FR})s?\.?$`, 'u');
// "Thu" and "Tue" are name parts too ("Phạm Thu Hà"); "wed", "sat", "sun" words, and "mon" French "my".
const AMBIGUOUS_ABBREVIATIONS = new Set(['wed', 'weds', 'sat', 'sun', 'thu', 'tue', 'mon']);
const WEEKDAY_ABBR_CUE_BEFORE = /(?:^|[^\p{L}])(?:on|by|until|till|since|from|next|last|this|before|after|f\/u|fu|d\/c|dc|due|booked|planned)[ \t]*$/u;
// A ward's shorthand in English: the abbreviation in lower case ("Wed", "Mon" too) right after a lowercase word of the
// note and closing its clause ("rv mon.", "to call fam wed.", "debulking wed, dex 4 mg", "condom broke sat night",
// "admission expected tue am"): the day something is planned or happened. Not after an article, a pronoun or a
// saturation ("he sat.", "in the sun.", "o2 sat,").
const EN_WORD_BEFORE = /(?:^|[^\p{L}])([a-z]+)[ \t]+$/u;
const NOT_A_DAY_CUE = new Set(['the', 'a', 'an', 'in', 'of', 'at', 'and', 'or', 'but', 'he', 'she', 'i', 'we', 'they', 'you', 'who', 'it', 'pt', 'patient', 'o2', 'spo2', 'sao2', 'sats', 'is', 'was', 'mme', 'my']);
const CLAUSE_CLOSES_AFTER = /^(?:[ \t]*(?:[.,;!?)–—]|-(?!\d)|\r?\n|$)|[ \t]+(?:am|pm|night|morning|evening|afternoon)(?![\p{L}]))/u;
const SHORTHAND_DAY = /^(?:mon|tue|tues|weds?|thu|sat|sun|Mon|Wed|Weds)$/u;
// A habit or a schedule: "tous les", "chaque", "every", "each", French "le lundi" without a day number.
// "le premier jeudi de chaque mois", "the first Monday of the month" too.
const RECURRING_BEFORE =
  /(?:^|[^\p{L}])(?:tous[ \t]+les|toutes[ \t]+les|chaque|un|every(?:[ \t]+(?:second|other|third|fourth))?|each|les|le|our|their|(?:le|the)[ \t]+(?:premier|1er|deuxieme|second|troisieme|dernier|first|third|fourth|last))[ \t]*$/u;
// "our Tuesday lists", "the Friday rotation", "un mercredi sur deux": a weekly slot.
const RECURRING_AFTER = /^[ \t]+(?:lists?|rotations?|clinics?|sessions?|rounds?|theatres?|rota|sur[ \t]+deux)(?![\p{L}])/u;
const SPECIFIC_AFTER_LE = /^[ \t]+(?:prochain|dernier|suivant|precedent|d'apres|d'avant)\b/u;
// Another weekday joined by a list or range word: the days of a schedule.
const JOINED_BEFORE = /(?:^|[^\p{L}])(\p{L}+)\.?[ \t]*(?:\/|,|-|–|&|\+|et|and|ou|or|to|au|a|through)[ \t]*(?:le[ \t]+|the[ \t]+)?$/u;
const JOINED_AFTER = /^[ \t]*(?:\/|,|-|–|&|\+|et|and|ou|or|to|au|a|through)[ \t]*(?:le[ \t]+|the[ \t]+)?(\p{L}+)/u;
const DU_BEFORE = /(?:^|[^\p{L}])(?:du|from|between|entre)[ \t]*$/u;
// Two weekdays offered as a choice ("Can we come Thursday or Friday?", "passer jeudi ou vendredi ?"): each is a
// day asked for, not a weekly slot, unless the pair is a habit ("on a Monday or Friday") or a longer list.
const CHOICE_BEFORE = /(?:^|[^\p{L}])(\p{L}+)\.?,?[ \t]+(?:or|ou)[ \t]+$/du;
const CHOICE_AFTER = /^,?[ \t]+(?:or|ou)[ \t]+(\p{L}+)/u;
const HABIT_BEFORE = /(?:^|[^\p{L}])(?:a|un|on[ \t]+a)[ \t]*$/u;
// A day number (not a time) or a month after the weekday: the full date scans read "jeudi 27",
// "Monday, November 30".
const DAY_NUMBER_AFTER = new RegExp(String.raw`^[ \t]*(?:\d{1,2}(?![\p{N}]|[ \t]*(?:h|:|am\b|pm\b))|,[ \t]*(?:the[ \t]+)?\d{1,2}(?:st|nd|rd|th)?(?![\p{N}.,:])|,?[ \t]*(?:the[ \t]+)?(?:${MONTH_FULL}|${MONTH_ABBR_EN}|mar)(?![\p{L}]))`, 'u');
const WEEKDAY_FULL_ONLY = new RegExp(`^(?:${WEEKDAY_FULL})$`, 'u');
const LABEL_AFTER = /^[ \t]*:/u;
const HOLIDAY_BEFORE = /(?:^|[^\p{L}])(?:good|black|cyber|ash|holy|maundy|super)[ \t]*$/u;
const NOT_A_DAY_AFTER = /^[ \t]+(?:gras|night fever|morning blues|club)\b/u;

// A season with its year ("depuis l'été 2024", "since summer 2023"): a date, as a month with its year is.
// Seasons, folded; with their year a date (the surrogate keeps the word and moves the year, dates.ts).
const SEASONS = 'printemps|ete|automne|hiver|spring|summer|autumn|fall|winter';
const SEASON_YEAR = new RegExp(String.raw`(?<![\p{L}\p{N}])(?:${SEASONS})[ \t]+(?:19|20)\d{2}(?![\p{L}\p{N}])`, 'gu');

function span(start: number, end: number, source: string): Span {
  return { start, end, label: 'DATE', score: 0.85, priority: PRIORITY.pattern, source };
}

/** Whether the abbreviation at start..end is an English note's shorthand day (EN_WORD_BEFORE, CLAUSE_CLOSES_AFTER). */
function shorthandDay(t: string, start: number, end: number): boolean {
  if (!SHORTHAND_DAY.test(t.slice(start, end))) return false;
  const cue = EN_WORD_BEFORE.exec(t.slice(Math.max(0, start - 24), start));
  return cue !== null && !NOT_A_DAY_CUE.has(cue[1]!) && CLAUSE_CLOSES_AFTER.test(t.slice(end, end + 16));
}

/** Whether the weekday at start..end is one of exactly two full weekdays joined by "or"/"ou", the pair not a habit. */
function choiceOfTwoDays(f: string, start: number, end: number): boolean {
  if (!WEEKDAY_FULL_ONLY.test(f.slice(start, end))) return false;
  const base = Math.max(0, start - 24);
  const first = CHOICE_AFTER.exec(f.slice(end, end + 24));
  const second = CHOICE_BEFORE.exec(f.slice(base, start));
  let from = start;
  let to = end;
  if (first && WEEKDAY_FULL_ONLY.test(first[1]!)) to = end + first[0].length;
  else if (second && WEEKDAY_FULL_ONLY.test(second[1]!)) from = base + second.indices![1]![0];
  else return false;
  const outerBefore = f.slice(Math.max(0, from - 24), from);
  const outerAfter = f.slice(to, to + 24);
  const listBefore = JOINED_BEFORE.exec(outerBefore);
  const listAfter = JOINED_AFTER.exec(outerAfter);
  if ((listBefore && WEEKDAY_ANY.test(listBefore[1]!)) || (listAfter && WEEKDAY_ANY.test(listAfter[1]!))) return false;
  return !HABIT_BEFORE.test(outerBefore) && !RECURRING_BEFORE.test(outerBefore);
}

// Two French months as a range ("3 mois (juin–septembre)"): each a date, whatever comes before.
// Read from the months (a look-behind first would be tried at every position); the word before is checked after.
const FR_MONTH_RANGE = new RegExp(String.raw`(${FR_MONTHS.join('|')})[ \t]?[–—-][ \t]?(${FR_MONTHS.join('|')})(?![\p{L}]|[ \t]*\d)`, 'dgu');

export function datesNamedAloneSpans(doc: Doc): Span[] {
  const t = doc.text;
  const f = doc.folded;
  const out: Span[] = [];
  for (const m of /[–—-]/.test(f) ? f.matchAll(FR_MONTH_RANGE) : []) {
    // Not inside a word, nor the second half of a full date's day ("15 juin–septembre" is read whole elsewhere).
    if (/[\p{L}]$|\d[ \t]?$/u.test(f.slice(Math.max(0, m.index - 2), m.index))) continue;
    for (const g of [1, 2]) out.push(span(...m.indices![g]!, 'date-month-range'));
  }
  for (const m of f.matchAll(MONTH_ALONE)) {
    const cue = m[1]!.replace(/[ \t]+/g, ' ');
    const month = m[2]!;
    const [start, end] = m.indices![2]!;
    const french = FR_MONTH_SET.has(month);
    const abbreviated = !french && !EN_MONTH_SET.has(month);
    const written = t.slice(start, end);
    if (FR_CUES.has(cue) && !french) continue;
    // Inside a hyphenated name ("rue du Champ-de-Mars", "Mars-la-Tour") the month is a place's word.
    if (f[m.indices![1]![0] - 1] === '-' || f[end] === '-') continue;
    // After "de", a month in capitals is a title ("LES ORAGES DE NOVEMBRE"), not when something happened.
    if ((cue === 'de' || cue === "d'") && written === written.toUpperCase()) continue;
    if (abbreviated && (!EN_CUES.has(cue) || written === written.toUpperCase())) continue;
    if ((month === 'may' || month === 'march') && !VERB_LIKE_MONTH_CUES.has(cue)) continue;
    // "mi-janvier" is one word: the date keeps its "mi-".
    const from = cue === 'mi' && f[start - 1] === '-' ? start - 3 : start;
    out.push(span(from, end, 'date-month-alone'));
  }
  for (const m of f.matchAll(doc.lang === 'en' ? WEEKDAY_ALONE_EN : WEEKDAY_ALONE)) {
    const [start, end] = m.indices![1]!;
    const day = m[1]!;
    const before = f.slice(Math.max(0, start - 24), start);
    const after = f.slice(end, end + 24);
    const abbreviated = !WEEKDAY_FULL_ONLY.test(day);
    // "wed", "sat", "sun", "mon" are words too: only after a cue, or as a ward's shorthand; "tues", "thur(s)", "fri"
    // are read alone.
    if (abbreviated && AMBIGUOUS_ABBREVIATIONS.has(day) && !WEEKDAY_ABBR_CUE_BEFORE.test(before) && !shorthandDay(t, start, end)) continue;
    if (DAY_NUMBER_AFTER.test(after.replace(/^\./, ''))) continue;
    if (HOLIDAY_BEFORE.test(before) || NOT_A_DAY_AFTER.test(after)) continue;
    if (RECURRING_BEFORE.test(before) && !SPECIFIC_AFTER_LE.test(after)) continue;
    if (RECURRING_AFTER.test(after)) continue;
    const joinedBefore = JOINED_BEFORE.exec(before);
    const joinedAfter = JOINED_AFTER.exec(after.replace(/^\./, ''));
    const joined = (joinedBefore && WEEKDAY_ANY.test(joinedBefore[1]!)) || (joinedAfter && WEEKDAY_ANY.test(joinedAfter[1]!));
    if (joined && !choiceOfTwoDays(f, start, end)) continue;
    // "du lundi au …", "from Monday to …": a range's first day, its end whatever it is.
    if (DU_BEFORE.test(before) && joinedAfter) continue;
    // A roster's or a log's line label: "Mardi : Dr Roux", "| Wed | grade 3 …", "tue: bloods taken".
    const lineStart = start === 0 || /(?:^|\n|\|)[ \t]*$/.test(before);
    if (lineStart && (LABEL_AFTER.test(after.replace(/^\./, '')) || /^[ \t]*\|/.test(after))) continue;
    out.push(span(start, end, 'date-weekday-alone'));
  }
  for (const m of f.matchAll(SEASON_YEAR)) out.push(span(m.index, m.index + m[0].length, 'date-season-year'));
  return out;
}
