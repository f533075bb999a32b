import { PRIORITY, type Doc, type Span } from '../types.js';
import { spokenFrenchPhoneSpans } from './phones-spoken-fr.js';

/**
 * Phone numbers: French national (01 23 45 67 89, 01.23.45.67.89, 0123456789), French international
 * (+33 1 23 45 67 89, +33 (0)1…, 0033…), North American ((555) 123-4567, 555-123-4567, +1 …), and
 * other international numbers written with a '+' and a country code. A match needs a plausible
 * digit count for its shape; dates and NIR are matched earlier with a higher priority.
 */
// Not the digits of a code after its letters and a hyphen ("MUT-0471-228104", a card number).
const FR_NATIONAL = /(?<![\p{N}+]|\p{L}-)0[1-9](?:[ .\-/]?\d{2}){4}(?![\p{N}])/gu;
const FR_INTL = /(?<![\p{N}])(?:\+|00)33[ .-]?(?:\(0\)[ .-]?)?[1-9](?:[ .-]?\d{2}){4}(?![\p{N}])/gu;
const NANP = /(?<![\p{N}+])(?:\+?1[ .-]?)?(?:\(\d{3}\)[ .-]?|\d{3}[.-])\d{3}[ .-]\d{4}(?![\p{N}])/gu;
// Spaces, or a space then a dash ("617 555-0142").
const NANP_SPACED = /(?<![\p{N}+])(?:\+?1[ .-])?\(?\d{3}\)? \d{3}[ -]\d{4}(?![\p{N}])/gu;
// Australian landlines with the area code in brackets ("(03) 9123 4567"), and Swiss / Belgian national
// numbers grouped 3-3-2-2 ("022 372 33 11"), which the French and UK shapes do not cover.
// Australian inbound numbers ("1300 246 987", "1800 022 222") and Ireland's 1850 / 1890 ones ("Caredoc on 1850 334
// 999"): ten digits grouped 4-3-3 by spaces.
const AU_INBOUND = /(?<![\p{N}+.,])(?:1[38]00|1850|1890) \d{3} \d{3}(?![\p{N}]|[.,]\d)/gu;
const AU_LANDLINE = /(?<![\p{N}])\(0[2378]\)[ ]?\d{4}[ ]?\d{4}(?![\p{N}])/gu;
const GROUPED_3322 = /0(?<![\p{N}+.,]0)\d{2}[ .]\d{3}[ .]\d{2}[ .]\d{2}(?![\p{N}]|[.,]\d)/gu;
// An Irish landline with a three-digit area code and five local digits, grouped 3-2-3 ("Dungarvan | 058 45 617"): eight
// digits, under the nine a bare number needs, so read by its shape alone. 10 of 10 in the read sets.
const IE_LANDLINE = /0(?<![\p{N}+.,]0)\d{2} \d{2} \d{3}(?![\p{N}]|[.,]\d)/gu;
// Seychelles (seven digits, "2 571 844") and Mauritius (eight, "5 728 4410") numbers, grouped 1-3-3 or 1-3-4; not after
// a card's or a file's word (Polynesia's CPS and DN numbers are written so too). 13 of 15 in the read sets.
const ONE_THREE_THREE = /[2-9](?<![\p{L}\p{N}+.,\/-][2-9]|\p{N} [2-9]) \d{3} \d{3,4}(?![\p{N}]| \d|[.,\/-]\d)/gu;
// Nine digits without a trunk 0, grouped 3-2-2-2, 2-3-2-2 or 1-2-2-2-2: Cameroon's and Luxembourg's mobiles ("677 41
// 82 90", "621 48 30 17", "6 51 82 03 47") and Senegal's ("77 412 38 21"). 11 of 11 in the read sets; not after a
// card's or a file's word.
const NINE_GROUPED = /[1-9](?<![\p{L}\p{N}+.,\/-][1-9]|\p{N} [1-9])(?:\d{2} \d{2}|\d \d{3}| \d{2} \d{2}) \d{2} \d{2}(?![\p{N}]| \d|[.,\/-]\d)/gu;
// Pakistan's mobiles, the network's four digits with the trunk 0 and seven more after a dash ("0301-7742196").
const PK_MOBILE = /0(?<![\p{N}+.,\/-]0)3\d{2}-\d{7}(?![\p{N}]|[.,\/-]\d)/gu;
const ID_WORD_NEAR = /(?:^|[^\p{L}])(?:cps|dn|n°|dossier|ipp|nda|mrn|id|card|carte|matricule|lot)(?![\p{L}])/iu;
// A sum or a quantity in thousands ("1 250 000 FCFA", "2 500 000 Rs").
const AMOUNT_AFTER = /^[ \t]*(?:€|\$|£|eur|euros?|usd|fcfa|cfa|xof|xpf|rs|rupees?|scr|mur|mg|g|kg|ml|l|units?|ui|iu|km|m)(?![\p{L}])/iu;
const INTL = /(?<![\p{N}])\+(?!33)[1-9]\d{0,2}(?:[ .-]?\(?\d{1,4}\)?){2,6}(?![\p{N}])/gu;
// A phone word and its colon, maybe with whose number it is between ("Téléphone famille :", "mobile (mum):"), or a
// call made on it ("will call you on", "ring her on", "text me on").
const CONTEXT = /(?:(?:t[eé]l(?:[eé]phone)?|tel|phone|portable|mobile|mob|fax|cell|ph|contact|ligne directe|direct line|whatsapp|joignable au|num[eé]ro)\.?\s*(?:[:.]|n°|no)?|(?:t[eé]l(?:[eé]phone)?|phone|portable|mobile|mob|cell)[ \t]+\(?[a-zà-ÿ]+\)?(?:[ \t]+[a-zà-ÿ]+)?[ \t]*:|(?:call|ring|text|reach|contact)(?:s|ed|ing)?(?:[ \t]+(?:you|him|her|them|me|us|back|mum|dad))?[ \t]+on)\s*$/i;
// UK national: 020 7188 7188, 07700 900461, 0113 243 2799, 01632 960 412
const UK = /(?<![\p{N}+])0\d{2,4}[ ]\d{3,4}(?:[ ]?\d{3,4})?(?![\p{N}])/gu;
// UK numbers whose area code has six digits with its 0 (Brampton "016977", Appleby "017683"): the local
// number has four or five digits, grouped "42 118", "4211 8" or not at all.
const UK_LONG_AREA = /(?<![\p{N}+])01\d{4}[ ](?:\d{4,5}|\d{2}[ ]\d{3}|\d{3}[ ]\d{2})(?![\p{N}]|[.,\/-]\d)/gu;
const UK_INTL = /(?<![\p{N}])\+44[ ]?(?:\(0\)[ ]?)?\d{2,4}[ ]?\d{3,4}[ ]?\d{3,4}(?![\p{N}])/gu;
const SPACED_FR = /(?<![\p{N}] ?)0 [1-9](?: \d){8}(?! ?[\p{N}])/gu;
// No digit before: tested after the first digit (the same matches; the search skips ahead to a digit
// instead of trying a leading lookbehind at every position).
const LOOSE = /\d(?<![\p{N}]\d)\d{1,3}(?:[ .-]\d{2,4}){2,5}(?![\p{N}])/gu;
// After a phone word, shorter national plans count too: eight digits in two or three groups
// (Singapore "6123 4501", Mauritius "5 712 3340"), six in three (New Caledonia "27 15 80"), an area code and a
// five-digit local number (Ireland's "027 50133").
// The first digit consumed before the look-behind ("no digit before it"): V8 then skips to digits fast.
const SHORT_AFTER_CONTEXT = /\d(?<!\d\d)\d{0,3}(?:[ .-]\d{2,5}){1,3}(?![\p{N}]|[.,]\d)/gu;
const MIN_SHORT_DIGITS = 6;
const MIN_INTL_DIGITS = 8;
// A national number opened by its trunk 0 and written in groups, in plans the shapes above miss
// (Ireland "01 612 8840", India "0422-315-7700", Malaysia "013-402 7781"): 9 to 11 digits. Without a
// phone word it ranks below any identifier a keyword or a column names.
// A group of digits right before or after means a longer number (an identifier written in groups).
const TRUNK_GROUPED = /0(?<![\p{N}+.,\/]0|\p{N}[ -]0)\d{1,4}(?:[ -]\d{2,4}){2,3}(?![\p{N}]|[ .,\/-]\d)/gu;
// Any grouped number, to compare its shape with the phones a phone word confirmed in the same text
// ("Tel: 6123 4501 … her son 8870 2214": the second is written like the first).
const GROUPED = /\d(?<![\p{L}\p{N}+.,\/-]\d)\d{0,3}(?:[ .-]\d{2,4}){1,4}(?![\p{L}\p{N}]|[.,\/-]\d)/gu;
const MIN_SHAPE_DIGITS = 7;
// Eight digits in four pairs ("87 74 21 90", "40 48 59 12"): French Polynesia's numbers, written the French
// way without a trunk 0. Eight digits in a row are an identifier to the fail-closed rule below any phone
// shape; in pairs they are a phone in every hand-written set. No digit group may continue it.
const PAIRS_OF_EIGHT = /\d(?<![\p{N}+.,\/:-]\d|\p{N} \d)\d(?: \d\d){3}(?! ?[\p{N}]|[.,\/:-]\d)/gu;
// Six digits in three pairs ("78 41 06", "au 42 53 11", "(26 66 00)"): New Caledonia's numbers, and short lines
// elsewhere ("13 11 26"), with or without a phone word before them; 22 of the 29 such groups in the read sets. Not a
// British National Insurance number ("JY 34 05 02 C": capitals around it), nor a number whose end is masked
// ("02 54 57 xx xx").
const PAIRS_OF_SIX = /\d(?<![\p{N}+.,\/:-]\d|\p{N} \d|\p{Lu}{2} \d)\d(?: \d\d){2}(?! ?[\p{N}]|[.,\/:-]\d| \p{Lu}(?![\p{L}])| ?[xX]{2})/gu;
// Extensions and pagers: "pgr 4471", "poste 41 287", "ext. 2210", "bleep 5522". Short, but a number
// that reaches one person as surely as a full line.
// Some are written in groups ("poste 4 27 18", "ext. 3-5120"); DECT handsets are extensions too.
const EXTENSION = /\b(?:pgr|pager|bleep|bip|ext|extn|extension|poste|dect)\.?[ \t]*[:#]?[ \t]*(\d{1,3}(?:[ .-]?\d{1,3}){1,2})(?![\p{L}\p{N}]|[.,]\d)/dgu;
// A number dictated digit by digit, as voicemail transcripts write it: "four one two five five five
// zero one nine eight", "zéro six douze …" is not covered (pairs), only one word per digit, 7 at least.
// "double zero", "triple five": one word pair for two or three digits, as British dictation says them.
const DIGIT_WORD = String.raw`(?:(?:double|triple)[ -])?(?:zero|oh|one|two|three|four|five|six|seven|eight|nine|zéro|deux|trois|quatre|cinq|sept|huit|neuf)`;
const SPOKEN_DIGITS = new RegExp(String.raw`(?<![\p{L}])${DIGIT_WORD}(?:[ \t,-]{1,3}${DIGIT_WORD}){6,14}(?![\p{L}])`, 'giu');
const SPOKEN_HINT = /(?:zero|five|nine|seven|eight|cinq|neuf|huit)[ ,-]/i;

function isPlausiblePhone(raw: string): boolean {
  const digits = digitCount(raw);
  return digits >= 9 && digits <= 15;
}

/** ASCII digits in a value: phone, identifier and OCR rules all gate on it. */
export function digitCount(raw: string): number {
  return raw.replace(/\D/g, '').length;
}

/** "6123 4501" → "4 4", "01-612-8840" → "2-3-4": how a number is grouped, the way one writer writes phones. */
function groupShape(raw: string): string {
  return raw.replace(/\d+/g, (g) => String(g.length));
}

export function phoneSpans(doc: Doc): Span[] {
  const t = doc.text;
  const out: Span[] = [];
  const push = (m: RegExpMatchArray, source: string, priority: number = PRIORITY.pattern) => {
    if (isPlausiblePhone(m[0])) out.push({ start: m.index!, end: m.index! + m[0].length, label: 'PHONE', score: 0.97, priority, source });
  };
  for (const m of t.matchAll(FR_NATIONAL)) push(m, 'phone-fr');
  for (const m of t.matchAll(FR_INTL)) push(m, 'phone-fr-intl');
  for (const m of t.matchAll(NANP)) {
    const d = m[0].replace(/\D/g, '').replace(/^1(?=\d{10}$)/, '');
    if (d.length === 10 && /^[2-9]\d{2}[2-9]/.test(d)) push(m, 'phone-nanp');
  }
  for (const m of t.matchAll(NANP_SPACED)) {
    const d = m[0].replace(/\D/g, '').replace(/^1(?=\d{10}$)/, '');
    const before = t.slice(Math.max(0, m.index - 24), m.index);
    if (d.length !== 10 || !/^[2-9]\d{2}[2-9]/.test(d)) continue;
    // "no answer at 612 555 0109": without a phone word it is still a phone, but below any
    // identifier a context or a column names (an NHS number is written 3-3-4 too).
    if (CONTEXT.test(before) || /[()+]/.test(m[0])) push(m, 'phone-nanp');
    else push(m, 'phone-nanp-bare', PRIORITY.pattern - 15);
  }
  // A '+' and a country code say phone whatever the length: Samoa, Tonga and the Cook Islands dial five
  // local digits ("+685 21 212"), eight in all.
  for (const m of t.matchAll(INTL)) {
    const d = digitCount(m[0]);
    if (d >= MIN_INTL_DIGITS && d <= 15) out.push({ start: m.index, end: m.index + m[0].length, label: 'PHONE', score: 0.97, priority: PRIORITY.pattern, source: 'phone-intl' });
  }
  for (const m of t.includes('(0') ? t.matchAll(AU_LANDLINE) : []) push(m, 'phone-au');
  for (const m of t.matchAll(AU_INBOUND)) push(m, 'phone-au');
  for (const m of t.matchAll(IE_LANDLINE)) out.push({ start: m.index, end: m.index + m[0].length, label: 'PHONE', score: 0.85, priority: PRIORITY.pattern - 15, source: 'phone-ie-landline' });
  for (const m of t.matchAll(ONE_THREE_THREE)) {
    const end = m.index + m[0].length;
    if (ID_WORD_NEAR.test(t.slice(Math.max(0, m.index - 30), m.index)) || AMOUNT_AFTER.test(t.slice(end, end + 8))) continue;
    out.push({ start: m.index, end, label: 'PHONE', score: 0.8, priority: PRIORITY.pattern - 15, source: 'phone-1-3-3' });
  }
  for (const m of t.matchAll(NINE_GROUPED)) {
    if (ID_WORD_NEAR.test(t.slice(Math.max(0, m.index - 30), m.index))) continue;
    out.push({ start: m.index, end: m.index + m[0].length, label: 'PHONE', score: 0.8, priority: PRIORITY.pattern - 15, source: 'phone-nine-grouped' });
  }
  for (const m of t.matchAll(GROUPED_3322)) push(m, 'phone-3322');
  for (const m of t.includes('-') ? t.matchAll(PK_MOBILE) : []) push(m, 'phone-pk-mobile', PRIORITY.pattern - 15);
  for (const m of t.matchAll(SPACED_FR)) push(m, 'phone-fr-spaced');
  for (const m of t.matchAll(UK_INTL)) push(m, 'phone-uk');
  for (const m of t.matchAll(UK_LONG_AREA)) push(m, 'phone-uk');
  for (const m of t.matchAll(UK)) {
    const d = m[0].replace(/\D/g, '');
    if (d.length === 10 || d.length === 11) push(m, 'phone-uk');
  }
  // Anything digit-grouped right after "tel:", "phone", "fax" …
  for (const m of t.matchAll(LOOSE)) {
    const before = t.slice(Math.max(0, m.index - 24), m.index);
    if (CONTEXT.test(before)) push(m, 'phone-context', PRIORITY.pattern + 2);
  }
  const confirmedShapes = new Set<string>();
  for (const m of t.matchAll(SHORT_AFTER_CONTEXT)) {
    if (m[0].length <= MIN_SHORT_DIGITS || digitCount(m[0]) < MIN_SHORT_DIGITS || !CONTEXT.test(t.slice(Math.max(0, m.index - 24), m.index))) continue;
    confirmedShapes.add(groupShape(m[0]));
    out.push({ start: m.index, end: m.index + m[0].length, label: 'PHONE', score: 0.9, priority: PRIORITY.pattern + 2, source: 'phone-context-short' });
  }
  for (const m of t.matchAll(PAIRS_OF_SIX)) {
    out.push({ start: m.index, end: m.index + m[0].length, label: 'PHONE', score: 0.75, priority: PRIORITY.pattern - 20, source: 'phone-pairs-of-six' });
  }
  for (const m of t.matchAll(PAIRS_OF_EIGHT)) {
    out.push({ start: m.index, end: m.index + m[0].length, label: 'PHONE', score: 0.8, priority: PRIORITY.pattern - 15, source: 'phone-pairs-of-eight' });
  }
  for (const m of t.matchAll(TRUNK_GROUPED)) {
    const d = digitCount(m[0]);
    if (d >= 9 && d <= 11) push(m, 'phone-trunk-grouped', PRIORITY.pattern - 15);
  }
  for (const m of confirmedShapes.size ? t.matchAll(GROUPED) : []) {
    if (digitCount(m[0]) >= MIN_SHAPE_DIGITS && confirmedShapes.has(groupShape(m[0]))) {
      out.push({ start: m.index, end: m.index + m[0].length, label: 'PHONE', score: 0.8, priority: PRIORITY.pattern - 15, source: 'phone-same-shape' });
    }
  }
  for (const m of doc.folded.matchAll(EXTENSION)) {
    const [start, end] = m.indices![1]!;
    const d = digitCount(m[1]!);
    if (d < 3 || d > 6) continue;
    out.push({ start, end, label: 'PHONE', score: 0.9, priority: PRIORITY.pattern, source: 'phone-extension' });
  }
  for (const m of SPOKEN_HINT.test(t) ? t.matchAll(SPOKEN_DIGITS) : []) {
    out.push({ start: m.index, end: m.index + m[0].length, label: 'PHONE', score: 0.9, priority: PRIORITY.pattern, source: 'phone-spoken' });
  }
  out.push(...spokenFrenchPhoneSpans(doc));
  return out;
}
