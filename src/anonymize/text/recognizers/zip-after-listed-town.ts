import { PRIORITY, type Doc, type Span } from '../types.js';
import { isListedTown } from './location.js';
import { STREET_TYPES_FR } from './street-types.js';

/**
 * A postcode of four to six digits written after its town at the end of an address part, as India,
 * the Philippines and many other countries write it ("Erandwane, Pune 411004", "…, Kochi 682027,
 * Kerala", "B. Rodriguez St., Cebu City 6000"): after a comma, a town a list knows, then the digits,
 * then the end of the part. A year there is a date, not a postcode ("…, London 2019,").
 */
// The part ends on a comma, a stop, a bracket, a line end, or a table bar, a middle dot or a dash
// before what follows ("Wellington 6012 | Ph 04-…"); a dash may stand between town and code ("Chennai – 600006").
const PART_END = String.raw`(?=[ \t]*(?:[,;.)]|\r?\n|$)|[ \t]+[|·–—][ \t])`;
// A comma may stand between them too when the code ends the line, and the town may open it ("…, Durban, 4091",
// "Howick, 3290" on a letterhead's last line), as South Africa writes it.
const TOWN_THEN_DIGITS = new RegExp(
  String.raw`(?:,[ \t]*|^[ \t]*)((?:\p{Lu}[\p{L}'’-]+[ \t]+){0,2}\p{Lu}[\p{L}'’-]+)(?:(?:[ \t]+|[ \t]*[–—][ \t]*)(\d{4,6})${PART_END}|,[ \t]*(\d{4})[ \t]*(?=\r?\n|$))`,
  'dgmu',
);
/**
 * The same code before its town, as Belgium, Tunisia, Luxembourg and France write it ("Grand'Rue 3,
 * 6000 Charleroi", "n° 14, 3062 Sfax –", "1 rue Marengo – 49325 Cholet"): after a comma or a dash,
 * four or five digits, then a town a list knows closing the part.
 */
// A country letter may lead the code ("12, Grand-Rue, L-9530 Wiltz", "CH-1400 Yverdon"): it stays in the code.
const DIGITS_THEN_TOWN = new RegExp(String.raw`(?:,|[ \t][–—])[ \t]*((?:L|B|CH|F|D|A|NL)-\d{4,5}|\d{4,5})[ \t]+(\p{Lu}[\p{L}'’-]+(?:[ \t]+\p{Lu}[\p{L}'’-]+){0,2})${PART_END}`, 'dgu');

/**
 * The same four digits after a street and its house number, as Belgium, Switzerland and Luxembourg write an
 * address ("rue des coteaux 8, 4190 ferrieres", "rue de la Station 112 à 7090 Hennuyères"): the street's kind,
 * its name and number vouch for the code, whatever the town (unlisted, lower case) that follows it.
 */
const STREET_NUMBER_THEN_CODE = new RegExp(
  String.raw`(?<![\p{L}])(?:${STREET_TYPES_FR}|straat|strasse|stroos|gasse|weg)(?![\p{L}])[^,\n]{2,40}?[ \t]\d{1,4}[a-z]?,?[ \t]+(?:a[ \t]+|[–-][ \t]+)?((?:l|b|ch)-\d{4}|\d{4})(?=[ \t]+\p{L})`,
  'dgu',
);

/**
 * Singapore's postcode as its addresses print it, an "S" and six digits closing the line's address ("Outram
 * Road, S169608", "Blk 512 Tampines Street 51, #08-214, S520512"): only after a street or a unit number on
 * the same line, since a letter and six digits are a record number elsewhere.
 */
const SINGAPORE_CODE = new RegExp(String.raw`,[ \t]*(S\d{6})${PART_END}`, 'dgu');
const STREET_OR_UNIT_BEFORE = /(?:road|street|avenue|drive|lane|crescent|walk|way|close|place|rise|link|view|blk|block|jalan|lorong)\b|#\d/iu;

/**
 * A French CEDEX code with no commune named between it and "CEDEX" ("49 boulevard Béranger – 37044 cedex 9"),
 * as hospitals print their letterheads: "CEDEX" says the five digits are a postal code.
 */
const CODE_BEFORE_CEDEX = /(?<![\p{L}\p{N}])\d{5}(?=[ \t]+cedex(?![\p{L}]))/giu;

/**
 * A Dutch postcode, four digits and two capitals, before its town ("Zuideinde 41, 7941 GK Meppel"): the town must be
 * one a list knows, since "2026 NB" or "1200 MG" may be anything else.
 */
const DUTCH_CODE_THEN_TOWN = /(?<![\p{L}\p{N}])([1-9]\d{3}[ ]?[A-Z]{2})[ \t]+(\p{Lu}[\p{L}'’-]+(?:[ \t]+\p{Lu}[\p{L}'’-]+)?)(?![\p{L}\p{N}])/dgu;

/** "2019": four digits read as a year are a date, not a postcode. */
const isYear = (digits: string) => /^(?:19|20)\d\d$/.test(digits);

export function zipAfterListedTownSpans(doc: Doc): Span[] {
  const out: Span[] = [];
  for (const m of doc.text.matchAll(TOWN_THEN_DIGITS)) {
    const code = m[2] ?? m[3]!;
    // At a line's start the comma no longer says an address part ends: only a code ending the line counts.
    if (isYear(code) || !isListedTown(m[1]!, 5000) || (m[0][0] !== ',' && m[3] === undefined)) continue;
    const [ts, te] = m.indices![1]!;
    const [zs, ze] = m.indices![2] ?? m.indices![3]!;
    out.push({ start: zs, end: ze, label: 'ZIP', score: 0.85, priority: PRIORITY.pattern - 5, source: 'zip-after-listed-town' });
    out.push({ start: ts, end: te, label: 'CITY', score: 0.85, priority: PRIORITY.pattern - 5, source: 'city-before-zip-digits' });
  }
  for (const m of doc.text.matchAll(SINGAPORE_CODE)) {
    const lineStart = doc.text.lastIndexOf('\n', m.index) + 1;
    if (!STREET_OR_UNIT_BEFORE.test(doc.text.slice(lineStart, m.index))) continue;
    const [zs, ze] = m.indices![1]!;
    out.push({ start: zs, end: ze, label: 'ZIP', score: 0.85, priority: PRIORITY.pattern - 5, source: 'zip-singapore' });
  }
  for (const m of /cedex/i.test(doc.text) ? doc.text.matchAll(CODE_BEFORE_CEDEX) : []) {
    out.push({ start: m.index, end: m.index + m[0].length, label: 'ZIP', score: 0.9, priority: PRIORITY.pattern - 5, source: 'zip-before-cedex' });
  }
  for (const m of /\d{4}[ \t]+\p{L}/u.test(doc.text) ? doc.folded.matchAll(STREET_NUMBER_THEN_CODE) : []) {
    const [zs, ze] = m.indices![1]!;
    if (isYear(doc.folded.slice(zs, ze))) continue;
    out.push({ start: zs, end: ze, label: 'ZIP', score: 0.85, priority: PRIORITY.pattern - 5, source: 'zip-after-street-number' });
  }
  for (const m of /\d{4} ?[A-Z]{2} \p{Lu}/u.test(doc.text) ? doc.text.matchAll(DUTCH_CODE_THEN_TOWN) : []) {
    if (!isListedTown(m[2]!, 5000)) continue;
    out.push({ start: m.indices![1]![0], end: m.indices![1]![1], label: 'ZIP', score: 0.85, priority: PRIORITY.pattern, source: 'zip-dutch' });
    out.push({ start: m.indices![2]![0], end: m.indices![2]![1], label: 'CITY', score: 0.85, priority: PRIORITY.pattern, source: 'city-after-dutch-zip' });
  }
  for (const m of doc.text.matchAll(DIGITS_THEN_TOWN)) {
    if (isYear(m[1]!.replace(/^[A-Z]+-/, '')) || !isListedTown(m[2]!, 5000)) continue;
    const [zs, ze] = m.indices![1]!;
    const [ts, te] = m.indices![2]!;
    out.push({ start: zs, end: ze, label: 'ZIP', score: 0.85, priority: PRIORITY.pattern - 5, source: 'zip-before-listed-town' });
    out.push({ start: ts, end: te, label: 'CITY', score: 0.85, priority: PRIORITY.pattern - 5, source: 'city-after-zip-digits' });
  }
  return out;
}
