import { isDictionaryWord } from '../bloom.js';
import { communePopulation, isFirstName, isLastName } from '../gazetteers.js';
import { fold } from '../normalize.js';
import type { Doc, Span } from '../types.js';

/**
 * The model is small and trained on synthetic text, so its spans that no rule confirms must look
 * like what they claim to be: a person is capitalised or a known name, a city is capitalised or a
 * known commune, a hospital names something, an address has a number or a street word. Spans the
 * model is unsure of are dropped.
 */
export const MODEL_MIN_SCORE = Number(process.env.VOILE_T5_MIN ?? 0.65);
const LOWERCASE_PERSON_MIN_SCORE = Number(process.env.VOILE_T5_LOW ?? 0.8);

const STREET_WORD = /\b(?:rue|avenue|av|bd|boulevard|chemin|allee|impasse|route|quai|place|cours|street|st|road|rd|lane|ln|drive|dr|way|court|ct|close|terrace|hent)\b/;
const HOSPITAL_WORD = /\b(?:hopital|hospital|chu|ch|chr|chru|clinique|clinic|centre|center|institut|institute|infirmary|ehpad|ssr|usld|residence|maison|polyclinique|gh|medical|health|sante|fondation)\b/;

function tokens(s: string): string[] {
  return s.split(/[\s,]+/).filter((t) => /\p{L}/u.test(t));
}

export function plausibleModelSpan(span: Span, doc: Doc): boolean {
  if (span.score < MODEL_MIN_SCORE) return false;
  const text = doc.text.slice(span.start, span.end);
  const folded = doc.folded.slice(span.start, span.end);
  const words = tokens(text);
  if (words.length === 0 || text.replace(/[^\p{L}]/gu, '').length < 2) return false;
  const capitalised = (w: string) => /^\p{Lu}/u.test(w);
  const allUpper = (w: string) => w.length > 1 && w === w.toUpperCase() && w !== w.toLowerCase();
  // A line written in capitals is a heading, not a name, unless the words are known names.
  const lineStart = doc.text.lastIndexOf('\n', span.start - 1) + 1;
  const lineEndAt = doc.text.indexOf('\n', span.end);
  const line = doc.text.slice(lineStart, lineEndAt < 0 ? doc.text.length : lineEndAt);
  const headingLine = line.replace(/[^\p{L}]/gu, '').length > 8 && line === line.toUpperCase();
  switch (span.label) {
    case 'PERSON': {
      const known = words.some((w) => isFirstName(w.replace(/\.$/, '')) || isLastName(w.replace(/\.$/, '')));
      if (headingLine && !known) return false;
      // Only ordinary words ("office", "Sincerely", "stable") and no known name: not a person.
      if (!known && words.every((w) => isDictionaryWord(fold(w.replace(/\.$/, ''))))) return false;
      if (words.every((w) => capitalised(w))) return known || words.some((w) => !allUpper(w) || w.length > 3) || words.length > 1;
      if (words.some((w) => capitalised(w))) return true; // "MARC goby", "eliane Lubinu"
      // Lowercase names (nurse notes, forms): a known name, or a model that is very sure of itself.
      return known || span.score >= LOWERCASE_PERSON_MIN_SCORE;
    }
    case 'CITY':
      return capitalised(words[0]!) ? !headingLine || communePopulation(text) !== undefined : communePopulation(text) !== undefined;
    case 'HOSPITAL':
      return HOSPITAL_WORD.test(folded) || words.some(capitalised);
    case 'ADDRESS':
      return /\d/.test(text) || STREET_WORD.test(folded);
    default:
      return true;
  }
}
