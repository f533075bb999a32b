import { PRIORITY, type Doc, type Span } from '../types.js';
import { isListedTown } from './location.js';

/**
 * A postcode of four to six digits written after its town at the end of an address part, as India,
 * the Philippines and many other countries write it ("Erandwane, Pune 411004", "…, Kochi 682027,
 * Kerala", "B. Rodriguez St., Cebu City 6000"): after a comma, a town a list knows, then the digits,
 * then the end of the part. A year there is a date, not a postcode ("…, London 2019,").
 */
const TOWN_THEN_DIGITS = /,[ \t]*((?:\p{Lu}[\p{L}'’-]+[ \t]+){0,2}\p{Lu}[\p{L}'’-]+)[ \t]+(\d{4,6})(?=[ \t]*(?:[,;.)]|\r?\n|$))/dgu;

export function zipAfterListedTownSpans(doc: Doc): Span[] {
  const out: Span[] = [];
  for (const m of doc.text.matchAll(TOWN_THEN_DIGITS)) {
    const digits = m[2]!;
    if (digits.length === 4 && /^(?:19|20)\d\d$/.test(digits)) continue;
    if (!isListedTown(m[1]!, 5000)) continue;
    const [ts, te] = m.indices![1]!;
    const [zs, ze] = m.indices![2]!;
    out.push({ start: zs, end: ze, label: 'ZIP', score: 0.85, priority: PRIORITY.pattern - 5, source: 'zip-after-listed-town' });
    out.push({ start: ts, end: te, label: 'CITY', score: 0.85, priority: PRIORITY.pattern - 5, source: 'city-before-zip-digits' });
  }
  return out;
}
