import { PRIORITY, type Doc, type Span } from '../types.js';

/**
 * Philippine addresses name the barangay (the smallest district) and its parts, a purok or a sitio, with
 * no street: "Purok 3, Brgy. Cogon", "Sitio Maharlika, Brgy. 88", "Brgy. San Isidro, Palo". Each part is
 * the street part of the address (the town follows apart), however the parts are chained by commas.
 */
const PART = String.raw`(?:Brgy\.?|Barangay|Purok|Sitio)[ \t]+(?:\d{1,3}[A-Z]?|\p{Lu}[\p{L}'’-]+(?:[ \t]+\p{Lu}[\p{L}'’-]+){0,2})`;
const BARANGAY = new RegExp(String.raw`(?<![\p{L}\p{N}])${PART}(?:,[ \t]*${PART})*(?![\p{L}\p{N}])`, 'gu');
const HINT = /Brgy|Barangay|Purok|Sitio/;

export function barangaySpans(doc: Doc): Span[] {
  if (!HINT.test(doc.text)) return [];
  const out: Span[] = [];
  for (const m of doc.text.matchAll(BARANGAY)) {
    out.push({ start: m.index, end: m.index + m[0].length, label: 'ADDRESS', score: 0.85, priority: PRIORITY.pattern - 4, source: 'address-barangay' });
  }
  return out;
}
