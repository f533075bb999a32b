import { PRIORITY, type Doc, type Span } from '../types.js';
import { isListedTown } from './location.js';

/**
 * A postcode of four to six digits written after its town at the end of an address part, as India,
 * the Philippines and many other countries write it ("Erandwane, Pune 411004", "…, Kochi 682027,
 * Kerala", "B. Rodriguez St., Cebu City 6000"): after a comma, a town a list knows, then the digits,
 * then the end of the part. A year there is a date, not a postcode ("…, London 2019,").
 */
// The part ends on a comma, a stop, a bracket, a line end, or a table bar, a middle dot or a dash
// before what follows ("Wellington 6012 | Ph 04-…"); a dash may stand between town and code ("Chennai – 600006").
const PART_END = String.raw`(?=[ \t]*(?:[,;.)]|\r?\n|$)|[ \t]+[|·–—][ \t])`;
const TOWN_THEN_DIGITS = new RegExp(String.raw`,[ \t]*((?:\p{Lu}[\p{L}'’-]+[ \t]+){0,2}\p{Lu}[\p{L}'’-]+)(?:[ \t]+|[ \t]*[–—][ \t]*)(\d{4,6})${PART_END}`, 'dgu');
/**
 * The same code before its town, as Belgium, Tunisia, Luxembourg and France write it ("Grand'Rue 3,
 * 6000 Charleroi", "n° 14, 3062 Sfax –", "1 rue Marengo – 49325 Cholet"): after a comma or a dash,
 * four or five digits, then a town a list knows closing the part.
 */
const DIGITS_THEN_TOWN = new RegExp(String.raw`(?:,|[ \t][–—])[ \t]*(\d{4,5})[ \t]+(\p{Lu}[\p{L}'’-]+(?:[ \t]+\p{Lu}[\p{L}'’-]+){0,2})${PART_END}`, 'dgu');

/** "2019": four digits read as a year are a date, not a postcode. */
const isYear = (digits: string) => /^(?:19|20)\d\d$/.test(digits);

export function zipAfterListedTownSpans(doc: Doc): Span[] {
  const out: Span[] = [];
  for (const m of doc.text.matchAll(TOWN_THEN_DIGITS)) {
    if (isYear(m[2]!) || !isListedTown(m[1]!, 5000)) continue;
    const [ts, te] = m.indices![1]!;
    const [zs, ze] = m.indices![2]!;
    out.push({ start: zs, end: ze, label: 'ZIP', score: 0.85, priority: PRIORITY.pattern - 5, source: 'zip-after-listed-town' });
    out.push({ start: ts, end: te, label: 'CITY', score: 0.85, priority: PRIORITY.pattern - 5, source: 'city-before-zip-digits' });
  }
  for (const m of doc.text.matchAll(DIGITS_THEN_TOWN)) {
    if (isYear(m[1]!) || !isListedTown(m[2]!, 5000)) continue;
    const [zs, ze] = m.indices![1]!;
    const [ts, te] = m.indices![2]!;
    out.push({ start: zs, end: ze, label: 'ZIP', score: 0.85, priority: PRIORITY.pattern - 5, source: 'zip-before-listed-town' });
    out.push({ start: ts, end: te, label: 'CITY', score: 0.85, priority: PRIORITY.pattern - 5, source: 'city-after-zip-digits' });
  }
  return out;
}
