import { isDictionaryWord } from '../bloom.js';
import { looksLikeSpeciesEpithet } from '../microbes.js';
import { fold } from '../normalize.js';
import { isTownOfAnyList } from './location.js';
import { SPECIES } from './persons-informal.js';
import { PRIORITY, type Doc, type Span } from '../types.js';

/**
 * A writer's initials, which name one person on the ward as surely as the full name:
 * - closing the lines of a log, after the sentence ("… dr dueck aware. kf", "… conseil creme. lb"), when two lines
 *   at least close so: a sign-off repeats, while two letters closing one line may be any word no list knows; in
 *   capitals after a dash ("… reassured. — KP", "… bloods arranged for 24/11 a.m. — DN"), two lines at least too;
 * - in capitals after the word that says who typed, received or transcribed ("frappé le 18/11/2026 par NB.",
 *   "REÇU LE 01/12/2026, AGENT SLB", "transcriptionist JM");
 * - an initial, a dot and a surname in a lowercase note, as staff sign and are named there ("kn t. harawira", "ide :
 *   s. bonnaud / k. ferrand", "written by h. brierley"): a surname no dictionary knows, no species ("e. coli",
 *   "h. pylori") and no town, the initial no word's last letter ("s.a. ventes"); in capitals too ("EQUIPAGE : J. CORNU");
 * - a letter's reference line, the author's capitals over the typist's small letters ("CR/mb", "BC/ls");
 * - a note's initials on a line of their own, under its last line ("… fluid contract signed. ra", then "kb" alone, or
 *   "r.g."): no word a dictionary knows and no closing word ("ok", "thx");
 * - small letters after the word that says who typed or transcribed ("typed jw 27/11/2026", "transcribed by dkm");
 * - dotted capitals with a blank between them after that word ("Typed by M. A.", "transcrit par H. B.");
 * - a reference after the typing date at a line's end ("typed 24/11/2026 LHB/jm", "frappé le 23/11/2026 (GV/mc)",
 *   "typed 25/11/2026 (kb)", "Typed: 16/11/2026 (kb)");
 * - the last of the staff who sign a lowercase nurse's note, after a slash ("rn s. vandermeer / en cj", "ide :
 *   ophelie / kevin t. / sf"): the line holds a nursing role; 5 of 5 in the read sets;
 * - two or three capitals closing the whole document, after its last sentence and a dash or on a line of their own
 *   ("… sent to Dr Mahajan (pediatrics). – RBC", "… (myxome éliminé). – TLA"): the writer's sign-off. Not after the
 *   sentence alone ("… in 2 weeks. ECG" may close on an examination).
 */
const DOCUMENT_CLOSING_INITIALS = /(?<=[.!?)][ \t]*[–—-][ \t]*|\n[ \t]*(?:[–—-][ \t]*)?)(\p{Lu}{2,3})[ \t]*\s*$/du;
const LINE_CLOSING_INITIALS = /(?<=[.!)][ \t]+)([a-z]{2})[ \t]*$/dgmu;
// Read forward from the sentence's end (a look-behind over the blanks would be tried at every position of the note).
const DASH_CLOSING_CAPITALS = /[.!?)][ \t]{0,3}[–—][ \t]{0,3}(\p{Lu}{2,3})[ \t]{0,10}(?=\r?\n|$)/dgu;
// The typing word may stand without "by" or "par" ("typed RP 18/11/2026"), and the typing date may follow the
// initials ("frappé par CL le 24/11/2026", "frappé par CLG le 26/11"), or a bracket close them ("[Typed 01/12/2026 by
// NM]").
const AFTER_WHO_WORD = /(?<![\p{L}])(?:agent|par|by|transcriptionist|typist|scribe|saisie|saisi par|typed by|transcription|typed|frapp[ée]|tap[ée]|dactylographi[ée]|transcribed)[ \t]*:?[ \t]+((?:\p{Lu}\.?){2,3}|\p{Lu}\.-\p{Lu}\.|\p{Lu}\.[ \t]\p{Lu}\.(?:[ \t]\p{Lu}\.)?)(?=[ \t]*(?:[.,;)\]]|\r?\n|$)|[ \t]+(?:le[ \t]+|on[ \t]+)?\d{1,2}[/.]\d{1,2}(?:[/.]\d{2,4})?(?![\d]))/dgiu;
// "detected by EIA", "confirmé par PCR": a method after "by" or "par", no one's initials.
const METHOD_BEFORE_BY = /(?:detected|confirmed|measured|tested|assessed|diagnosed|performed|done|quantified|identified|shown|demonstrated|excluded|imaged|detecte|confirme|mesure|realise|dose|objective|retrouve|identifie)e?s?[ \t]+(?:by|par)[ \t]*:?[ \t]+$/u;
// Capitals after "par" or "by" that name a channel or a carrier, and the short words that close a log's line ("ok",
// "ras", "pm"): no one's initials.
const NOT_INITIALS = new Set(['ok', 'ko', 'thx', 'ty', 'ps', 'cc', 'bcc', 'fyi', 'enc', 'pj', 'am', 'pm', 'ras', 'nc', 'nr', 'rx', 'tt', 'hs', 'cr', 'sms', 'ems', 'mms', 'fax', 'gps', 'usb', 'pdf', 'ups', 'dhl', 'tgv', 'ter', 'rer', 'ram', 'ira', 'avc', 'iv', 'im', 'sc', 'po', 'ngt', 'ngs', 'tel', 'mail', 'vsl', 'vsav', 'smur', 'samu']);
const INITIAL_SURNAME = /(?<![\p{L}\p{N}.@\/'’-])[a-z]\.[ \t]([a-z][a-z'-]{2,24})(?![\p{L}\p{N}@]|\.[\p{L}\p{N}])/gu;
const INITIAL_SURNAME_HINT = /(?:^|[^\p{L}])[a-z]\.[ \t][a-z]{3}/mu;
// The same in a form written in capitals ("EQUIPAGE : J. CORNU", "DIS: K. THERIAULT"): a surname of four letters at
// least, so that a unit and an acronym ("3 L. RTC") stay out.
const INITIAL_SURNAME_UPPER = /(?<![\p{L}\p{N}.@\/'’-])(?:\p{Lu}\.[ \t]){1,3}(\p{Lu}[\p{Lu}'’-]{3,24})(?![\p{L}\p{N}@]|\.[\p{L}\p{N}])/gu;
const REFERENCE_LINE = /(?<=^|\n)[ \t]*(\p{Lu}{2,3})\/(\p{Ll}{2,3})[ \t]*(?=\r?\n|$)/dgu;
const UNITS_AFTER_SLASH = new Set(['ml', 'dl', 'kg', 'min', 'sec', 'hr', 'jr', 'ans', 'an', 'mol', 'day', 'wk', 'sem', 'mmol', 'mg', 'cm', 'mm', 'km', 'ms', 'mn']);
// Under a line that holds text, alone on the last line or before a blank line or the next entry's date.
const LONE_LINE_INITIALS = /(?<=[^\s][ \t]*\r?\n)[ \t]*([a-z]{2,3}|[a-z]\.[a-z]\.?)[ \t]*(?=\r?\n|$)/dgu;
const AFTER_TYPED_LOWER = /(?<![\p{L}])(?:typed|transcribed|dictated|typist|tapé|dactylographié)(?:[ \t]+(?:by|par))?[ \t]*:?[ \t]+([a-z]{2,3})(?=[ \t]*(?:[.,;)]|\d|\r?\n|$))/dgiu;
// The typist's reference after the typing date: the author's capitals and the typist's small letters, or one of them,
// or the typist's capitals alone at the line's end ("Typed 27/11/2026 FG", "Typed 20/11/2026 · LH", "typed 25/11/2026
// JMcC", a Scottish or Irish "Mc" among them).
// The word that says a letter was typed, and the reference of the author's capitals over the typist's small letters.
const TYPING_WORD = String.raw`(?<![\p{L}])(?:[Tt]yped|[Tt]ranscribed|[Ff]rapp[ée]|[Tt]ap[ée]|[Dd]actylographi[ée])`;
const REFERENCE = String.raw`(\p{Lu}{2,3})\/(\p{Ll}{2,3})`;
const TYPED_DATE_REFERENCE = new RegExp(
  String.raw`${TYPING_WORD}(?:[ \t]+(?:le|on))?:?[ \t]+\d{1,2}[/.]\d{1,2}[/.]\d{2,4}[ \t,·]+(?:${REFERENCE}|\(${REFERENCE}\)|\(?(\p{Ll}{2,3})\)?|((?:\p{Lu}|Ma?c\p{Lu}){2,3}))[ \t]*(?=\r?\n|$)`,
  'dgu',
);
// The same reference right after the typing word, the date after it ("Typed EV/jl 27.11.26").
const TYPED_REFERENCE_FIRST = new RegExp(String.raw`${TYPING_WORD}(?:[ \t]+(?:by|par))?:?[ \t]+${REFERENCE}(?![\p{L}])`, 'dgu');
// A nurse's sign-off line ("rn s. vandermeer / en cj", "signe : ide aurelien m. / ft"): its last initials after a slash.
// Cheap tests first: the typing word; a line that ends on a slash and two or three small letters.
const TYPED_HINT = /[Tt]yped|[Tt]ranscribed|[Ff]rapp|[Tt]ap[ée]|[Dd]actylographi/;
const SIGN_OFF_HINT = /\/[ \t]*(?:[a-z]+[ \t]+)?[a-z]{2,3}[ \t]*(?:\r?\n|$)/;
const SIGN_OFF_SLASH_INITIALS = /(?<=^|\n)([^\n]{0,30}(?<![\p{L}])(?:rn|en|ide|as|ash|ipde|iade|rm|hca|lpn|cna|esi)(?![\p{L}])[^\n]{0,40}?)\/[ \t]*(?:(?:en|rn|ide|as|hca|esi)[ \t]+)?([a-z]{2,3})[ \t]*(?=\r?\n|$)/dgu;
// A facility named after a person ("HÔPITAL DR A. G. JEETOO") keeps the name in its own span.
const FACILITY_BEFORE = /(?:hopital|hospital|clinique|clinic|centre|center|institut|institute)[ \t]+(?:(?:dr|docteur|pr|professeur)\.?[ \t]+)?$/;
// Cheap tests first, one per form: two letters closing a line; capitals closing a phrase.
const CLOSING_HINT = /[.!)][ \t]+[a-z]{2}[ \t]*$/m;
const CAPITALS_HINT = /[ \t]\p{Lu}\.?-?\p{Lu}\.?\p{Lu}?\.?[ \t]*(?:[.,;)\]\n]|$|\d|le[ \t]|on[ \t])|[ \t]\p{Lu}\.[ \t]\p{Lu}\./u;

/**
 * Initials closing the lines of a log (group 1 of each match): a sign-off when two lines at least close so, while one
 * line closing on two letters may be any word no list knows; no ordinary word, no closing word ("ok", "ras").
 */
function lineSignOffs(matches: readonly RegExpMatchArray[]): Span[] {
  const kept = matches.filter((m) => {
    const key = m[1]!.toLowerCase();
    return !isDictionaryWord(key) && !NOT_INITIALS.has(key);
  });
  if (kept.length < 2) return [];
  return kept.map((m) => ({ start: m.indices![1]![0], end: m.indices![1]![1], label: 'PERSON', score: 0.7, priority: PRIORITY.context - 10, source: 'person-initials-closing' }));
}

export function initialsPersonSpans(doc: Doc): Span[] {
  const t = doc.text;
  const out: Span[] = [];
  out.push(...lineSignOffs([...(CLOSING_HINT.test(t) ? t.matchAll(LINE_CLOSING_INITIALS) : [])]));
  out.push(...lineSignOffs([...(/[–—][ \t]{0,3}\p{Lu}{2}/u.test(t) ? t.matchAll(DASH_CLOSING_CAPITALS) : [])]));
  const initialAndSurname: [RegExpMatchArray, string][] = [
    ...[...(INITIAL_SURNAME_HINT.test(t) ? t.matchAll(INITIAL_SURNAME) : [])].map((m): [RegExpMatchArray, string] => [m, 'person-initial-surname-lower']),
    ...[...t.matchAll(INITIAL_SURNAME_UPPER)].map((m): [RegExpMatchArray, string] => [m, 'person-initial-surname-upper']),
  ];
  for (const [m, source] of initialAndSurname) {
    const surname = fold(m[1]!);
    // A town or a score named after one ("40 ml d. glasgow 14"), or a microbe's species ("A. ISRAELII"), is no surname here.
    if (isDictionaryWord(surname.replace(/['-]/g, '')) || SPECIES.has(surname) || looksLikeSpeciesEpithet(surname) || isTownOfAnyList(surname)) continue;
    const at = m.index!;
    if (FACILITY_BEFORE.test(doc.folded.slice(Math.max(0, at - 24), at))) continue;
    // "il y a 4 j. teleconsult": a count's unit; French "g." and "d." are a side ("avant bras g. perf").
    if (/\d[ \t]*$/.test(t.slice(Math.max(0, at - 3), at)) || (doc.lang === 'fr' && /^[gd]$/.test(t[at]!))) continue;
    out.push({ start: at, end: at + m[0].length, label: 'PERSON', score: 0.75, priority: PRIORITY.context - 5, source });
  }
  for (const m of CAPITALS_HINT.test(t) ? t.matchAll(AFTER_WHO_WORD) : []) {
    const [start, end] = m.indices![1]!;
    const initials = m[1]!;
    // The text as written: capitals only ("par sms" is a channel, lower case), no channel's acronym.
    if (!/^[\p{Lu}. -]+$/u.test(initials) || NOT_INITIALS.has(initials.replace(/[.-]/g, '').toLowerCase())) continue;
    if (METHOD_BEFORE_BY.test(doc.folded.slice(Math.max(0, start - 30), start))) continue;
    // One dot at the end closes the sentence ("par NB."); initials dotted throughout keep theirs ("M.-C.").
    out.push({ start, end: initials.endsWith('.') && !/\..*\./.test(initials) ? end - 1 : end, label: 'PERSON', score: 0.75, priority: PRIORITY.context - 5, source: 'person-initials-after-who' });
  }
  const lowInitials = (letters: string) => !isDictionaryWord(letters.replace(/\./g, '')) && !NOT_INITIALS.has(letters.replace(/\./g, ''));
  const push = (start: number, end: number, source: string) => out.push({ start, end, label: 'PERSON', score: 0.75, priority: PRIORITY.context - 5, source });
  for (const m of t.includes('/') ? t.matchAll(REFERENCE_LINE) : []) {
    // A unit alone on its line ("UI/kg", "MG/ml") is no reference.
    if (UNITS_AFTER_SLASH.has(m[2]!)) continue;
    push(...m.indices![1]!, 'person-initials-reference');
    push(...m.indices![2]!, 'person-initials-reference');
  }
  for (const m of t.matchAll(LONE_LINE_INITIALS)) {
    // Three letters with two vowels read as a word the dictionary may lack ("tea", "ana"); initials seldom do.
    if (!lowInitials(m[1]!) || (m[1]!.length === 3 && (m[1]!.match(/[aeiouy]/g)?.length ?? 0) > 1)) continue;
    push(...m.indices![1]!, 'person-initials-alone');
  }
  for (const m of TYPED_HINT.test(t) ? t.matchAll(TYPED_DATE_REFERENCE) : []) {
    const author = m[1] !== undefined ? 1 : m[3] !== undefined ? 3 : 0;
    if (author > 0 && !UNITS_AFTER_SLASH.has(m[author + 1]!)) {
      push(...m.indices![author]!, 'person-initials-reference');
      push(...m.indices![author + 1]!, 'person-initials-reference');
    } else if (m[5] !== undefined && lowInitials(m[5])) push(...m.indices![5]!, 'person-initials-reference');
    else if (m[6] !== undefined && !NOT_INITIALS.has(m[6].toLowerCase())) push(...m.indices![6]!, 'person-initials-reference');
  }
  for (const m of TYPED_HINT.test(t) ? t.matchAll(TYPED_REFERENCE_FIRST) : []) {
    if (UNITS_AFTER_SLASH.has(m[2]!)) continue;
    push(...m.indices![1]!, 'person-initials-reference');
    push(...m.indices![2]!, 'person-initials-reference');
  }
  for (const m of SIGN_OFF_HINT.test(t) ? t.matchAll(SIGN_OFF_SLASH_INITIALS) : []) {
    if (lowInitials(m[2]!)) push(...m.indices![2]!, 'person-initials-sign-off');
  }
  const last = DOCUMENT_CLOSING_INITIALS.exec(t.slice(-40));
  if (last && !NOT_INITIALS.has(last[1]!.toLowerCase()) && !isDictionaryWord(last[1]!.toLowerCase())) {
    const base = Math.max(0, t.length - 40);
    push(base + last.indices![1]![0], base + last.indices![1]![1], 'person-initials-closing-document');
  }
  for (const m of t.matchAll(AFTER_TYPED_LOWER)) {
    // Small letters only: capitals are read above, after any word that says who.
    if (!/^[a-z]+$/.test(m[1]!) || !lowInitials(m[1]!)) continue;
    push(...m.indices![1]!, 'person-initials-after-who');
  }
  return out;
}
