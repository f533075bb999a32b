import { makeDoc } from './normalize.js';
import { contactSpans } from './recognizers/contact.js';
import { hospitalSpans, locationSpans } from './recognizers/location.js';
import { idSpans } from './recognizers/ids.js';
import { phoneSpans } from './recognizers/phones.js';
import { personSpans } from './recognizers/persons.js';
import type { Doc, Span } from './types.js';

/**
 * Tokens broken across a line by OCR or by wrapping: "05.63.65.⏎20.11", "EX3⏎0HF", "IPP : 7 01 45
 * 5⏎82 19", "ROYAL DEVON⏎AND EXETER HOSPITAL", "Centre hospitalier de⏎Valenciennes". The recognizers
 * keep to one line on purpose (a name running onto the next line is usually a new field), so each
 * line break that may cut a token is looked at once more: the two lines around it are rejoined into
 * a small snippet — glued for numbers and codes, with a space for names — the recognizers run on the
 * snippet, and only spans that cross the rejoined break are kept, their offsets mapped back onto the
 * original text (the span then covers the break). Everything found inside one line is the normal
 * pass's; this pass adds nothing there.
 */
// Only the newline itself: a pattern starting with [ \t]* would be quadratic on a long run of spaces.
const NEWLINE = /\n/g;
/** Each side of the break is taken up to this many characters: enough for a field label and its value. */
const SIDE = 80;
// A line that ends with a preposition, an article, a conjunction or a hyphen goes on on the next one.
const CONTINUES = /[ \t'](?:de|du|des|d'|la|le|les|l'|et|of|the|and|&|for)$/;
const HOSPITAL_HEAD_EN = /^[^\n]{0,60}?\b(?:HOSPITAL|Hospital|INFIRMARY|Infirmary|CLINIC|Clinic|MEDICAL CENT(?:RE|ER)|Medical Cent(?:re|er)|HEALTH CENT(?:RE|ER)|Health Cent(?:re|er))\b/u;

const GENERIC_FACILITY_WORD = /^(?:general|hospitals?|medical|cent(?:er|re)|health|clinic|infirmary|and|of|the|university|teaching|district|county|regional|community|memorial|nursing|home|care|children's|cancer|rehabilitation|imaging|hopital|centre|hospitalier|universitaire|clinique)$/iu;

const HOSPITAL_HEAD_EN_ANYWHERE = /HOSPITAL|Hospital|INFIRMARY|Infirmary|CLINIC|Clinic|CENT(?:RE|ER)|Cent(?:re|er)/;

/** Whether the non-space runs just before and after the break (64 characters at most each) hold an "@". */
function atInCutToken(t: string, breakStart: number, breakEnd: number): boolean {
  for (let i = breakStart - 1; i >= 0 && i >= breakStart - 64 && !/\s/.test(t[i]!); i--) if (t[i] === '@') return true;
  for (let i = breakEnd; i < t.length && i < breakEnd + 64 && !/\s/.test(t[i]!); i++) if (t[i] === '@') return true;
  return false;
}

/** How many of 0-9 (what /\D/g leaves) lie in t[from, to). */
function asciiDigits(t: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) {
    const code = t.charCodeAt(i);
    if (code >= 48 && code <= 57) n++;
  }
  return n;
}

interface Snippet {
  doc: Doc;
  /** Where the first line starts in the original, where the break starts and ends, and the joiner's length. */
  from: number;
  breakStart: number;
  breakEnd: number;
  joiner: number;
}

function snippet(doc: Doc, breakStart: number, breakEnd: number, joiner: string): Snippet {
  const lineStart = Math.max(doc.text.lastIndexOf('\n', breakStart - 1) + 1, breakStart - SIDE);
  const nextEnd = doc.text.indexOf('\n', breakEnd);
  const lineEnd = Math.min(nextEnd < 0 ? doc.text.length : nextEnd, breakEnd + SIDE);
  const text = doc.text.slice(lineStart, breakStart) + joiner + doc.text.slice(breakEnd, lineEnd);
  return { doc: makeDoc(text, doc.lang), from: lineStart, breakStart, breakEnd, joiner: joiner.length };
}

/** Maps a snippet span back onto the original; undefined unless it crosses the rejoined break. */
function mapBack(s: Snippet, span: Span): Span | undefined {
  const cut = s.breakStart - s.from;
  if (!(span.start < cut && span.end > cut)) return undefined;
  const end = span.end <= cut + s.joiner ? s.breakEnd : s.breakEnd + (span.end - cut - s.joiner);
  return { ...span, start: s.from + span.start, end, source: `${span.source}-wrapped` };
}

/**
 * `found` are the spans of the normal pass: a token it already found whole on one side of the break
 * ("a@b.fr⏎Tél", "IPP 123456⏎789 …") is complete, and the next line is something else.
 */
export function wrappedSpans(doc: Doc, found: readonly Span[]): Span[] {
  const t = doc.text;
  const out: Span[] = [];
  const push = (span: Span | undefined, breakStart: number, breakEnd: number) => {
    if (!span) return;
    // A facility name joined with a space may grow a one-line match made of head words only
    // ("NORTH TYNESIDE⏎GENERAL HOSPITAL"), not a whole name under a heading ("SUMMARY⏎Johns Hopkins Hospital").
    if (span.label === 'HOSPITAL') {
      const named = found.some((f) => f.label === 'HOSPITAL' && f.start >= breakEnd && f.start < span.end && !t.slice(f.start, f.end).split(/[\s-]+/).every((w) => GENERIC_FACILITY_WORD.test(w)));
      if (!named) out.push(span);
      return;
    }
    const wholeOnOneSide = found.some((f) => f.label === span.label && f.start < span.end && span.start < f.end && (f.end <= breakStart || f.start >= breakEnd));
    if (!wholeOnOneSide) out.push(span);
  };
  const hasAt = t.includes('@');
  // A token the normal pass found ending right at the break, or starting right after it, is whole:
  // the break cuts nothing there (a date or an e-mail ending a line), and nothing is run again.
  const endsAt = new Set<number>();
  const startsAt = new Set<number>();
  for (const f of found) {
    endsAt.add(f.end);
    startsAt.add(f.start);
  }
  // Looked for once per document: most have no English facility head word at all.
  const englishHeads = HOSPITAL_HEAD_EN_ANYWHERE.test(t);
  for (const m of t.matchAll(NEWLINE)) {
    // The break with the spaces around it: "05.63.65. ⏎ 20.11"; a blank line is no wrapping.
    let breakStart = m.index;
    let breakEnd = m.index + 1;
    if (t[breakStart - 1] === '\r') breakStart--;
    while (breakStart > 0 && (t[breakStart - 1] === ' ' || t[breakStart - 1] === '\t') && breakStart > m.index - SIDE) breakStart--;
    while (breakEnd < t.length && (t[breakEnd] === ' ' || t[breakEnd] === '\t') && breakEnd < m.index + SIDE) breakEnd++;
    const before = t[breakStart - 1];
    const after = t[breakEnd];
    if (before === undefined || after === undefined) continue;
    const whole = endsAt.has(breakStart) || startsAt.has(breakEnd);
    // An e-mail address cut anywhere: the two half-tokens around the break hold an "@".
    if (!whole && hasAt && /[^\s]/u.test(before) && /[\p{L}\p{N}.\-_@]/u.test(after) && atInCutToken(t, breakStart, breakEnd)) {
      const s = snippet(doc, breakStart, breakEnd, '');
      for (const span of contactSpans(s.doc)) {
        if (span.label === 'EMAIL') push(mapBack(s, span), breakStart, breakEnd);
      }
      continue;
    }
    if (!/[\p{L}\p{N}]/u.test(after)) continue;
    // Numbers and codes: a digit on one side, a letter, digit or separator on the other ("05.63.65.⏎20.11").
    if (/[\p{N}.\-/]/u.test(before) && (/\p{N}/u.test(before) || /\p{N}/u.test(after) || /\p{N}[.\-/]$/u.test(t.slice(breakStart - 2, breakStart))) && (/\p{N}/u.test(after) || /\p{N}/u.test(before))) {
      // The place recognizers are many patterns: only run them for a cut postcode ("EX3⏎0HF").
      const postcode = /[A-Z]{1,2}\d[A-Z\d]?$/.test(t.slice(Math.max(0, breakStart - 4), breakStart)) && /^\d[A-Z]{2}(?![\p{L}])/u.test(t.slice(breakEnd, breakEnd + 4));
      // A phone or an identifier has six digits at least near the cut; most breaks after a number
      // (a date, a dose ending a line) have fewer, and are not looked at again.
      const digitsNear = asciiDigits(t, Math.max(0, breakStart - 16), breakStart) + asciiDigits(t, breakEnd, Math.min(t.length, breakEnd + 16));
      if ((!postcode && digitsNear < 6) || whole) continue;
      const s = snippet(doc, breakStart, breakEnd, '');
      for (const span of [...phoneSpans(s.doc), ...idSpans(s.doc), ...(postcode ? locationSpans(s.doc) : [])]) {
        if (span.label === 'PHONE' || span.label === 'ID' || span.label === 'ZIP') push(mapBack(s, span), breakStart, breakEnd);
      }
      continue;
    }
    // Names: only where the first line plainly goes on, or where an English facility's head word
    // ends the next line's first words ("ROYAL DEVON⏎AND EXETER HOSPITAL").
    // A word hyphenated by OCR or wrapping ("Unity Hospi-⏎tal", "TREVOR HOLLI-⏎DAY"): glued without its
    // hyphen, names and facilities are looked for again.
    if (before === '-' && /\p{L}/u.test(t[breakStart - 2] ?? '') && /\p{L}/u.test(after) && (/\p{Ll}/u.test(after) || /\p{Lu}{2}$/u.test(t.slice(breakStart - 3, breakStart - 1)))) {
      const s = snippet(doc, breakStart - 1, breakEnd, '');
      // A half found by the normal pass ("TREVOR HOLLI") is no whole token here: the rejoined span replaces it.
      for (const span of [...hospitalSpans(s.doc), ...personSpans(s.doc)]) {
        const mapped = mapBack(s, span);
        if (mapped) out.push(mapped);
      }
    }
    if (!/\p{L}/u.test(before)) continue;
    const lineBefore = t.slice(Math.max(t.lastIndexOf('\n', breakStart - 1) + 1, breakStart - SIDE), breakStart);
    const nextLine = t.slice(breakEnd, breakEnd + SIDE);
    // Only the last five characters are looked at: a regex over the whole line would cost per break.
    const continues = before === '-' || CONTINUES.test(' ' + doc.folded.slice(breakStart - Math.min(lineBefore.length, 5), breakStart));
    if (!continues && !(englishHeads && /\p{Lu}/u.test(after) && HOSPITAL_HEAD_EN.test(nextLine))) continue;
    const s = snippet(doc, breakStart, breakEnd, ' ');
    for (const span of hospitalSpans(s.doc)) push(mapBack(s, span), breakStart, breakEnd);
  }
  return out;
}
