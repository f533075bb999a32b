import { PRIORITY, type Doc, type Span } from '../types.js';
import { UNIT_EN } from './dates-spoken.js';
import { UNIT as UNIT_FR } from './phones-spoken-fr.js';

/**
 * An identifier dictated letter by letter and digit by digit, as voice notes transcribe it:
 * "hospital number is k t four four one nine zero two", "numéro de dossier b deux sept un huit neuf".
 * Only right after an identifier word ("hospital number", "MRN", "dossier" …, an optional "is" / "est" /
 * ":"; a bare "number" is as often a phone, which phones.ts reads),
 * and only a run of five tokens at least, four of them digit words: a sentence of short words is no
 * identifier. Matched on the folded view (lower case, no accents).
 */
const DIGIT = `(?:(?:double|triple)[ -])?(?:zero|oh|${UNIT_EN}|${UNIT_FR})`;
const TOKEN = String.raw`(?:${DIGIT}|[a-z])`;
const SPOKEN_ID = new RegExp(
  String.raw`\b(?:(?:hospital|nhs|chi|patient|record|unit|case|file|chart|health|insurance|member|policy|reference|id)[ \t]+(?:number|no)|mrn|ipp|nda|(?:numero|n°)[ \t]+(?:de[ \t]+)?(?:dossier|patient|securite sociale|secu|ss)|dossier|identifier|identifiant)[ \t]+(?:(?:is|est|:)[ \t]+)?(${TOKEN}(?:[ \t,]{1,2}${TOKEN}){4,19})(?![\p{L}])`,
  'dgu',
);
const DIGIT_WORD = new RegExp(String.raw`^${DIGIT}$`);
const MIN_DIGIT_WORDS = 4;
// Cheap test first (String.includes is far faster than a scan): an identifier word must be there.
const KEYWORDS = ['number', 'no ', 'mrn', 'ipp', 'nda', 'dossier', 'identif', 'numero', 'n°'];

export function spokenIdSpans(doc: Doc): Span[] {
  if (!KEYWORDS.some((k) => doc.folded.includes(k))) return [];
  const out: Span[] = [];
  for (const m of doc.folded.matchAll(SPOKEN_ID)) {
    const words = m[1]!.split(/[ \t,]+/);
    const digits = words.filter((w) => DIGIT_WORD.test(w)).length;
    if (digits < MIN_DIGIT_WORDS) continue;
    const [start, end] = m.indices![1]!;
    out.push({ start, end, label: 'ID', score: 0.85, priority: PRIORITY.context + 25, source: 'id-spoken' });
  }
  return out;
}
