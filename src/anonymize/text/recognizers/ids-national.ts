import { PRIORITY, type Doc, type Span } from '../types.js';
import { isValidDay } from './dates.js';

/**
 * National identifiers whose form alone says what they are, so no word needs to announce them: the
 * Italian codice fiscale (its last letter is a check character over the fifteen before it) and the
 * US Medicare Beneficiary Identifier (eleven characters, each position a digit or a letter from a fixed
 * set), the Irish PPS number (a check letter over its seven digits), the South African identity number
 * (a birth date, a Luhn check digit), the Singapore NRIC/FIN (a check letter over its seven digits), the Belgian
 * national number (NISS) as it is printed, "YY.MM.DD-NNN.CC" (two check digits over the nine before), the Finnish
 * personal identity code (a birth date, a century sign, a check character), the Zambian National Registration Card
 * number ("304518/72/1": serial, district, citizenship) and the PhilHealth number ("12-050374119-8"), each printed
 * in its own form in registers. Notes on patients from abroad carry them after words no list foresees ("Tessera
 * sanitaria", "code fiscal", "Medicare (US)") or in a table's column with no word at all.
 *
 * The UK's ten-digit health numbers (NHS England and Wales, Northern Ireland's H&C, Scotland's CHI) are the
 * exception: written 3-3-4 like a North American phone, their mod-11 check digit alone would take one phone
 * in eleven, so one of those names must come earlier on the same line as well.
 */

// Six letters of surname and first name, then year, month letter, day (+40 for women), the town's
// code and the check letter. A digit may be replaced by a letter (omocodia) when two people would
// otherwise share a code.
const OMO = '[0-9LMNPQRSTUV]';
const CODICE_FISCALE = new RegExp(String.raw`(?<![\p{L}\p{N}])[A-Z]{6}${OMO}{2}[ABCDEHLMPRST]${OMO}{2}[A-Z]${OMO}{3}[A-Z](?![\p{L}\p{N}])`, 'gu');
const ODD_VALUES: Record<string, number> = {
  0: 1, 1: 0, 2: 5, 3: 7, 4: 9, 5: 13, 6: 15, 7: 17, 8: 19, 9: 21,
  A: 1, B: 0, C: 5, D: 7, E: 9, F: 13, G: 15, H: 17, I: 19, J: 21, K: 2, L: 4, M: 18,
  N: 20, O: 11, P: 3, Q: 6, R: 8, S: 12, T: 14, U: 16, V: 10, W: 22, X: 25, Y: 24, Z: 23,
};

/** The codice fiscale's check letter: odd positions (1st, 3rd …) through a fixed table, even ones by their value, sum mod 26. */
export function codiceFiscaleCheck(first15: string): string {
  let sum = 0;
  for (let i = 0; i < 15; i++) {
    const c = first15[i]!;
    sum += i % 2 === 0 ? ODD_VALUES[c]! : /\d/.test(c) ? Number(c) : c.charCodeAt(0) - 65;
  }
  return String.fromCharCode(65 + (sum % 26));
}

// The Medicare Beneficiary Identifier: C A AN N A AN N A A N N (C: 1–9, N: a digit, A: a letter but
// S, L, O, I, B and Z, AN: either), printed whole or in groups of 4, 3 and 4.
const MBI_LETTER = '[AC-HJKMNP-RT-Y]';
const MBI_EITHER = `(?:\\d|${MBI_LETTER})`;
const MBI = new RegExp(
  String.raw`(?<![\p{L}\p{N}-])[1-9]${MBI_LETTER}${MBI_EITHER}\d(-?)${MBI_LETTER}${MBI_EITHER}\d\1${MBI_LETTER}{2}\d{2}(?![\p{L}\p{N}]|-[\p{L}\p{N}])`,
  'gu',
);

// The Irish PPS number: seven digits, a check letter, and since 2013 a second letter ("4120859A",
// "6380127LA"). Check: the digits weighted 8 to 2, the second letter's value (A = 1 …, W = 0) weighted 9,
// mod 23 gives the check letter (0 is W, 1 is A …).
const PPSN = /(?<![\p{L}\p{N}])(\d{7})([A-W])([A-IW])?(?![\p{L}\p{N}])/gu;

/** The PPS number's check letter for its seven digits and its second letter, if any. */
export function ppsnCheck(digits: string, second?: string): string {
  let sum = 0;
  for (let i = 0; i < 7; i++) sum += Number(digits[i]) * (8 - i);
  if (second !== undefined && second !== 'W') sum += (second.charCodeAt(0) - 64) * 9;
  const r = sum % 23;
  return r === 0 ? 'W' : String.fromCharCode(64 + r);
}

// The South African identity number: birth date YYMMDD, four digits (sex), citizenship (0 or 1), one digit,
// and a Luhn check digit: "5908175713089". Printed whole, in one run of thirteen digits.
const SA_ID = /(?<![\p{L}\p{N}])\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])\d{4}[01]\d{2}(?![\p{L}\p{N}])/gu;

/** Luhn's check over every digit of the number, its check digit last. */
export function luhnValid(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) d = d * 2 > 9 ? d * 2 - 9 : d * 2;
    sum += d;
  }
  return sum % 10 === 0;
}

// The Singapore NRIC (S, T: citizens and residents) and FIN (F, G: foreigners): a letter, seven digits, a
// check letter ("S3302218B", "G5160384U").
const NRIC = /(?<![\p{L}\p{N}])([STFG])(\d{7})([A-Z])(?![\p{L}\p{N}])/gu;
const NRIC_WEIGHTS = [2, 7, 6, 5, 4, 3, 2];

/** The NRIC/FIN check letter: the digits weighted 2, 7, 6, 5, 4, 3, 2, plus 4 for the T and G series, mod 11 through the series' table. */
export function nricCheck(series: string, digits: string): string {
  let sum = series === 'T' || series === 'G' ? 4 : 0;
  for (let i = 0; i < 7; i++) sum += Number(digits[i]) * NRIC_WEIGHTS[i]!;
  return (series === 'S' || series === 'T' ? 'JZIHGFEDCBA' : 'XWUTRQPNMLK')[sum % 11]!;
}

// The Belgian national number (NISS, numéro de registre national or bis number): birth date YYMMDD (the month
// +20 or +40 for a bis number, 00 when unknown), a three-digit serial, two check digits; printed "35.07.15-218.19"
// in registers and exports where no "NISS" comes before it (a column of a table, a CSV field). Only the printed
// form: eleven bare digits pass a mod-97 check one time in 97.
const BELGIAN_NISS = /(?<![\p{L}\p{N}.])(\d{2})\.(\d{2})\.(\d{2})-(\d{3})\.(\d{2})(?![\p{L}\p{N}]|\.\d)/gu;

/** The NISS check: 97 − (the nine digits mod 97), the nine digits prefixed by 2 for people born from 2000. */
export function belgianNissValid(nineDigits: string, check: string): boolean {
  const base = Number(nineDigits);
  const expected = Number(check);
  return 97 - (base % 97) === expected || 97 - ((2_000_000_000 + base) % 97) === expected;
}

// The Finnish personal identity code (henkilötunnus): birth date DDMMYY, the century sign ("+" 1800s; "-", Y, X,
// W, V, U 1900s; A to F 2000s), a three-digit serial and a check character: the nine digits as one number mod 31,
// through 0–9 and the letters without G, I, O, Q, Z ("120478-147U", "180118A4087").
const FINNISH_ID = /(?<![\p{L}\p{N}-])((?:0[1-9]|[12]\d|3[01])(?:0[1-9]|1[0-2])\d{2})[-+A-FU-Y](\d{3})([0-9A-FHJ-NPR-Y])(?![\p{L}\p{N}])/gu;
const FINNISH_CHECK = '0123456789ABCDEFHJKLMNPRSTUVWXY';
// Cheap gates: a pattern that opens with a look-behind is tried at every position of every note (all four run on
// every note, on every proxied response whose policy de-identifies text).
const FINNISH_HINT = /\d{6}[-+A-FU-Y]\d{3}/;
const PHILHEALTH_HINT = /\d{2}-\d{9}-\d/;
const BELGIAN_NISS_HINT = /\d\.\d{2}-\d{3}\.\d/;
const ZAMBIAN_NRC_HINT = /\d{6}\/\d{2}\/\d/;

/** The Finnish identity code's check character for its birth date and serial. */
export function finnishIdCheck(birthDate: string, serial: string): string {
  return FINNISH_CHECK[Number(birthDate + serial) % 31]!;
}

// The Zambian National Registration Card number: a six-digit serial, the two-digit district of issue and the
// citizenship digit, slashed ("304518/72/1"). No check digit; the slashed form itself is found nowhere else.
const ZAMBIAN_NRC = /(?<![\p{L}\p{N}/.-])\d{6}\/\d{2}\/[1-3](?![\p{L}\p{N}]|\/\d)/gu;

// The PhilHealth identification number, printed 2-9-1 ("12-050374119-8"): no public check digit, but the
// dashed form is found nowhere else.
const PHILHEALTH = /(?<![\p{L}\p{N}-])\d{2}-\d{9}-\d(?![\p{L}\p{N}]|-\d)/gu;

// The NHS, H&C and CHI numbers: ten digits, whole or grouped 3-3-4 by spaces ("733 820 1455"), the last a
// mod-11 check digit. Named on the same line, a few words before ("His NHS number for the record: …",
// "DOB 11/04/1962   H&C 437 218 6605").
const UK_HEALTH_NUMBER = /(?<![\p{L}\p{N}])\d{3}([ ]?)\d{3}\1\d{4}(?![\p{L}\p{N}])/gu;
const UK_HEALTH_NUMBER_NAME = /(?<![\p{L}])(?:nhs|h ?[&+] ?c|health (?:and|&) care|chi)(?![\p{L}])[^\n]{0,40}$/iu;

// A CHI number written whole, unnamed, in a Scottish ward's list ("Bed 1  Flora MacKinnon 0304311561  95"): its first
// six digits a birth date (DDMMYY), its last the mod-11 check. A ten-digit phone passes both about three times in a
// thousand, and a phone written whole opening on 0 is French, where a CHI is never found; so only in English text.
const CHI_WHOLE = /(?<![\p{L}\p{N}+])\d{10}(?![\p{L}\p{N}])/gu;

/** Whether six digits DDMMYY are a date of the calendar (any century: read in 2000–2099, where every fourth year is leap). */
function ddmmyyValid(digits: string): boolean {
  return isValidDay(2000 + Number(digits.slice(4, 6)), Number(digits.slice(2, 4)), Number(digits.slice(0, 2)));
}

/** The mod-11 check of an NHS, H&C or CHI number: the first nine digits weighted 10 to 2; 11 − sum mod 11 (11 is 0, 10 never issued). */
export function ukHealthNumberValid(digits: string): boolean {
  if (!/^\d{10}$/.test(digits)) return false;
  let sum = 0;
  for (let i = 0; i < 9; i++) sum += Number(digits[i]) * (10 - i);
  const check = (11 - (sum % 11)) % 11;
  return check !== 10 && check === Number(digits[9]);
}

export function nationalIdSpans(doc: Doc): Span[] {
  const t = doc.text;
  const out: Span[] = [];
  for (const m of t.matchAll(CODICE_FISCALE)) {
    if (codiceFiscaleCheck(m[0]) !== m[0][15]) continue;
    out.push({ start: m.index, end: m.index + m[0].length, label: 'ID', score: 0.99, priority: PRIORITY.validated, source: 'id-codice-fiscale' });
  }
  for (const m of t.matchAll(PPSN)) {
    if (ppsnCheck(m[1]!, m[3]) !== m[2]) continue;
    out.push({ start: m.index, end: m.index + m[0].length, label: 'ID', score: 0.95, priority: PRIORITY.validated, source: 'id-ppsn' });
  }
  for (const m of t.matchAll(SA_ID)) {
    if (!luhnValid(m[0])) continue;
    out.push({ start: m.index, end: m.index + m[0].length, label: 'ID', score: 0.95, priority: PRIORITY.validated, source: 'id-south-africa' });
  }
  for (const m of t.matchAll(NRIC)) {
    if (nricCheck(m[1]!, m[2]!) !== m[3]) continue;
    out.push({ start: m.index, end: m.index + m[0].length, label: 'ID', score: 0.95, priority: PRIORITY.validated, source: 'id-nric' });
  }
  for (const m of t.matchAll(UK_HEALTH_NUMBER)) {
    if (!ukHealthNumberValid(m[0].replace(/ /g, '')) || !UK_HEALTH_NUMBER_NAME.test(t.slice(Math.max(0, m.index - 60), m.index))) continue;
    out.push({ start: m.index, end: m.index + m[0].length, label: 'ID', score: 0.95, priority: PRIORITY.validated, source: 'id-uk-health-number' });
  }
  for (const m of doc.lang === 'en' ? t.matchAll(CHI_WHOLE) : []) {
    if (!ddmmyyValid(m[0]) || !ukHealthNumberValid(m[0])) continue;
    out.push({ start: m.index, end: m.index + m[0].length, label: 'ID', score: 0.9, priority: PRIORITY.validated, source: 'id-chi-whole' });
  }
  for (const m of BELGIAN_NISS_HINT.test(t) ? t.matchAll(BELGIAN_NISS) : []) {
    if (!belgianNissValid(m[1]! + m[2]! + m[3]! + m[4]!, m[5]!)) continue;
    out.push({ start: m.index, end: m.index + m[0].length, label: 'ID', score: 0.95, priority: PRIORITY.validated, source: 'id-belgian-niss' });
  }
  for (const m of FINNISH_HINT.test(t) ? t.matchAll(FINNISH_ID) : []) {
    if (finnishIdCheck(m[1]!, m[2]!) !== m[3]) continue;
    out.push({ start: m.index, end: m.index + m[0].length, label: 'ID', score: 0.95, priority: PRIORITY.validated, source: 'id-finnish' });
  }
  for (const m of ZAMBIAN_NRC_HINT.test(t) ? t.matchAll(ZAMBIAN_NRC) : []) {
    out.push({ start: m.index, end: m.index + m[0].length, label: 'ID', score: 0.9, priority: PRIORITY.validated, source: 'id-zambian-nrc' });
  }
  for (const m of PHILHEALTH_HINT.test(t) ? t.matchAll(PHILHEALTH) : []) {
    out.push({ start: m.index, end: m.index + m[0].length, label: 'ID', score: 0.9, priority: PRIORITY.validated, source: 'id-philhealth' });
  }
  for (const m of t.matchAll(MBI)) {
    out.push({ start: m.index, end: m.index + m[0].length, label: 'ID', score: 0.95, priority: PRIORITY.validated, source: 'id-medicare-mbi' });
  }
  return out;
}
