import { PRIORITY, type Doc, type Span } from '../types.js';
import { writtenAgeSpans } from './age-written.js';

/** Ages over 89 only (HIPAA Safe Harbor): the number in "92 ans", "agée de 95 ans", "91-year-old", "93 yo". */
// Bilingual Belgian forms put the Dutch unit first: "94 j./ans", "94 jaar".
const AGE = /(?<![\p{N}.,])(\d{2,3})(?:\s*|-)(?:j\.?\s?\/\s?)?(?:ans|an|jaar|years?(?:[\s-]old)?|yrs?|yo|y\/o|y\.o\.|year-old)(?![\p{L}])/gu;

// "Age: 94", "âge : 91", "She is 91 and", "âgée de 95", "Raymond Fuller, 91, MRN"
const AGE_CONTEXT = /(?:\bage|\bâge|\bage|\bis|\baged|agee? de|âgée? de)[ \t]*:?[ \t]*(\d{2,3})(?![\p{N}.,]\d|[ \t]*(?:%|mg|kg|cm|mm|ml|g\b|min|h\b|mmhg|bpm))/giu;
// Markdown may close a bold name before the comma: "**Edna Roe**, 97, …".
// The digits first, then the look-behind (which covers them): V8 skips to digits fast.
const AGE_APPOSITION = /(9\d|1[01]\d)(?<=[\p{Ll}]\*{0,2}, \d{2,3})(?=, )/gu;
// Age glued to the sex, as ward lists and handovers write it: "96F", "92 M", "101yo F".
const AGE_SEX = /(?<![\p{L}\p{N}.,/])(9\d|1[01]\d)[ ]?(?:F|M|yF|yM|yo F|yo M)(?![\p{L}\p{N}])/gu;

export function ageSpans(doc: Doc): Span[] {
  const out: Span[] = [];
  for (const m of doc.folded.matchAll(AGE)) {
    const n = Number(m[1]);
    if (n > 89 && n < 130) out.push({ start: m.index, end: m.index + m[1]!.length, label: 'AGE', score: 0.95, priority: PRIORITY.pattern, source: 'age' });
  }
  for (const re of [AGE_CONTEXT, AGE_APPOSITION, AGE_SEX]) {
    for (const m of doc.text.matchAll(re)) {
      const num = m[1]!;
      const n = Number(num);
      const start = m.index + m[0].lastIndexOf(num);
      if (n > 89 && n < 130) out.push({ start, end: start + num.length, label: 'AGE', score: 0.85, priority: PRIORITY.pattern - 5, source: 'age-context' });
    }
  }
  out.push(...writtenAgeSpans(doc));
  return out;
}
