import { isDictionaryWord } from '../bloom.js';
import { PRIORITY, type Doc, type Span } from '../types.js';

/**
 * A writer's initials, which name one person on the ward as surely as the full name:
 * - closing the lines of a log, after the sentence ("… dr dueck aware. kf", "… conseil creme. lb"), when two lines
 *   at least close so: a sign-off repeats, while two letters closing one line may be any word no list knows;
 * - in capitals after the word that says who typed, received or transcribed ("frappé le 18/11/2026 par NB.",
 *   "REÇU LE 01/12/2026, AGENT SLB", "transcriptionist JM").
 */
const LINE_CLOSING_INITIALS = /(?<=[.!)][ \t]+)([a-z]{2})[ \t]*$/gmu;
const AFTER_WHO_WORD = /(?<![\p{L}])(?:agent|par|by|transcriptionist|typist|scribe|saisie|saisi par|typed by)[ \t]*:?[ \t]+((?:\p{Lu}\.?){2,3}|\p{Lu}\.-\p{Lu}\.)(?=[ \t]*(?:[.,;)]|\r?\n|$))/dgiu;
// Capitals after "par" or "by" that name a channel or a carrier, and the short words that close a log's line ("ok",
// "ras", "pm"): no one's initials.
const NOT_INITIALS = new Set(['ok', 'ko', 'am', 'pm', 'ras', 'nc', 'nr', 'rx', 'tt', 'hs', 'cr', 'sms', 'ems', 'mms', 'fax', 'gps', 'usb', 'pdf', 'ups', 'dhl', 'tgv', 'ter', 'rer', 'ram', 'ira', 'avc', 'iv', 'im', 'sc', 'po', 'ngt', 'ngs', 'tel', 'mail', 'vsl', 'vsav', 'smur', 'samu']);
// Cheap tests first, one per form: two letters closing a line; capitals closing a phrase.
const CLOSING_HINT = /[.!)][ \t]+[a-z]{2}[ \t]*$/m;
const CAPITALS_HINT = /[ \t]\p{Lu}\.?-?\p{Lu}\.?\p{Lu}?\.?[ \t]*(?:[.,;)\n]|$)/u;

export function initialsPersonSpans(doc: Doc): Span[] {
  const t = doc.text;
  const out: Span[] = [];
  const closing = [...(CLOSING_HINT.test(t) ? t.matchAll(LINE_CLOSING_INITIALS) : [])].filter((m) => !isDictionaryWord(m[1]!) && !NOT_INITIALS.has(m[1]!));
  if (closing.length >= 2) {
    for (const m of closing) out.push({ start: m.index, end: m.index + 2, label: 'PERSON', score: 0.7, priority: PRIORITY.context - 10, source: 'person-initials-closing' });
  }
  for (const m of CAPITALS_HINT.test(t) ? t.matchAll(AFTER_WHO_WORD) : []) {
    const [start, end] = m.indices![1]!;
    const initials = m[1]!;
    // The text as written: capitals only ("par sms" is a channel, lower case), no channel's acronym.
    if (!/^[\p{Lu}.-]+$/u.test(initials) || NOT_INITIALS.has(initials.replace(/[.-]/g, '').toLowerCase())) continue;
    // One dot at the end closes the sentence ("par NB."); initials dotted throughout keep theirs ("M.-C.").
    out.push({ start, end: initials.endsWith('.') && !/\..*\./.test(initials) ? end - 1 : end, label: 'PERSON', score: 0.75, priority: PRIORITY.context - 5, source: 'person-initials-after-who' });
  }
  return out;
}
