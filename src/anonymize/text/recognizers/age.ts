import { PRIORITY, type Doc, type Span } from '../types.js';

/** Ages over 89 only (HIPAA Safe Harbor): the number in "92 ans", "agée de 95 ans", "91-year-old", "93 yo". */
const AGE = /(?<![\p{N}.,])(\d{2,3})(?:\s*|-)(?:ans|an|years?(?:[\s-]old)?|yrs?|yo|y\/o|y\.o\.|year-old)(?![\p{L}])/gu;

export function ageSpans(doc: Doc): Span[] {
  const out: Span[] = [];
  for (const m of doc.folded.matchAll(AGE)) {
    const n = Number(m[1]);
    if (n > 89 && n < 130) out.push({ start: m.index, end: m.index + m[1]!.length, label: 'AGE', score: 0.95, priority: PRIORITY.pattern, source: 'age' });
  }
  return out;
}
