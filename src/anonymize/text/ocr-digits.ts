import { dateSpans } from './recognizers/dates.js';
import { nirSpans } from './recognizers/ids.js';
import { locationSpans } from './recognizers/location.js';
import { digitCount, phoneSpans } from './recognizers/phones.js';
import type { Doc, Span } from './types.js';

/**
 * Digits misread or mistyped as letters: OCR and hurried typing write 0 as O/o and 1 as I/l
 * ("o6 8O 14 25 37", "11/2O/2024", "NY 1444O", "508 555 O139"). In every token made only of digits
 * and those letters, with at least one digit, the letters are read as digits in a copy of the text
 * of the same length (so offsets carry over); the phone, date and postcode recognizers run on that
 * copy, and only what covers a changed letter is kept. Words are never touched: a token needs a digit.
 */
// Bounded repetitions: a long run of "1O1O…" must not make matching quadratic.
// A pair of letters alone ("OO", "lO") counts too when it sits in a run of digits ("04 78 OO",
// "lO/O3"): the run check below keeps it from touching words.
const MIXED_TOKEN = /(?<![\p{L}\p{N}])(?:[\p{N}OoIl]{0,12}\p{N}[\p{N}OoIl]{0,12}[OoIl][\p{N}OoIl]{0,12}|[\p{N}OoIl]{0,12}[OoIl][\p{N}OoIl]{0,12}\p{N}[\p{N}OoIl]{0,12}|OO|oo|lO|Ol)(?![\p{L}\p{N}])/gu;
// Cheap test first: most texts have no letter O/I/l right next to a digit.
// "O2" and "2l" alone do not pass: a letter must sit between digits or next to two of them.
const HINT = /\d[ .\/-]?[OoIl][ .\/-]?\d|\d\d[OoIl]|[OoIl]\d\d|[OoIl]\/[OoIl]?\d/;
/** A found number must hold this many digits: "O2" (oxygen) or "2l" (litres) alone are no PHI. */
const MIN_DIGITS = 5;
/** … except a day and a month with a slash ("l2/O3"): four digits, the slash says which. */
const MIN_DATE_DIGITS = 4;
const AS_DIGIT: Record<string, string> = { O: '0', o: '0', I: '1', l: '1' };

const NUMBER_CHAR = /[\p{N}OoIl .\/-]/u;

/** The run of digit-like characters and separators around [start, end) and how many digit-like characters it holds: the number the token belongs to. */
function runAround(text: string, start: number, end: number): { end: number; digits: number; slash: boolean } {
  let from = start;
  let to = end;
  while (from > 0 && NUMBER_CHAR.test(text[from - 1]!)) from--;
  while (to < text.length && NUMBER_CHAR.test(text[to]!)) to++;
  let digits = 0;
  for (let i = from; i < to; i++) if (/[\p{N}OoIl]/u.test(text[i]!)) digits++;
  return { end: to, digits, slash: text.slice(from, to).includes('/') };
}

function enoughDigits(span: Span, value: string): boolean {
  const digits = digitCount(value);
  return digits >= MIN_DIGITS || (span.label === 'DATE' && value.includes('/') && digits >= MIN_DATE_DIGITS);
}

export function ocrDigitSpans(doc: Doc): Span[] {
  if (!HINT.test(doc.text)) return [];
  const changed = new Set<number>();
  let text = '';
  let folded = '';
  let last = 0;
  // Tokens come in order: a run is measured once, for its first token (linear on "1O 1O 1O …").
  let run = { end: -1, digits: 0, slash: false };
  for (const m of doc.text.matchAll(MIXED_TOKEN)) {
    // "sous O2", "2l/min": a token alone is no number worth a second pass; it must sit in a run of
    // digits long enough to be a phone, a date or a postcode.
    if (m.index >= run.end) run = runAround(doc.text, m.index, m.index + m[0].length);
    if (run.digits < MIN_DIGITS && !(run.slash && run.digits >= MIN_DATE_DIGITS)) continue;
    text += doc.text.slice(last, m.index);
    folded += doc.folded.slice(last, m.index);
    for (let i = 0; i < m[0].length; i++) {
      const ch = m[0][i]!;
      const digit = AS_DIGIT[ch];
      if (digit !== undefined) changed.add(m.index + i);
      text += digit ?? ch;
      folded += digit ?? doc.folded[m.index + i];
    }
    last = m.index + m[0].length;
  }
  if (changed.size === 0) return [];
  text += doc.text.slice(last);
  folded += doc.folded.slice(last);
  const view: Doc = { text, folded, lang: doc.lang };
  // The NIR with its control key too (only it: the rest of idSpans would be scanned for nothing): a
  // misread digit there is as common as in a phone number.
  const found = [...phoneSpans(view), ...dateSpans(view), ...locationSpans(view).filter((s) => s.label === 'ZIP'), ...nirSpans(view)];
  const coversChange = (s: Span) => {
    for (let i = s.start; i < s.end; i++) if (changed.has(i)) return true;
    return false;
  };
  return found
    .filter((s) => coversChange(s) && enoughDigits(s, text.slice(s.start, s.end)))
    .map((s) => ({ ...s, source: `${s.source}-ocr` }));
}
