import { PRIORITY, type Doc, type Span } from '../types.js';

/**
 * A Swiss, Belgian, Luxembourg or Austrian postcode and its town on the line that closes a street address, the house
 * number before it: "Hauptstrasse 41, 2532 Macolin", "Rue de la Gruère 7⏎2350 Saignelégier", "Laarbeeklaan 101, 1090
 * Jette", "LE BAS-DU-CERNEUX 14, 2406 LA BRÉVINE"; and a postcode with its country's letters before it anywhere
 * ("CH-4053 Basel", "L-9147 Erpeldange-sur-Sûre"). Four digits alone are a year or a count as often, so a house number
 * of three digits at most must close the street before them, or the country's letters open them. Small towns no list holds come so in Swiss
 * and Belgian letters; the read sets had 9 such postcodes found by no rule.
 */
// One blank between a town's words: two or more open the line's next field ("Macolin    Tel.").
// A dot only closes "St." or "Ste.": elsewhere it ends the sentence ("1190 Forest. GSM suit.").
const TOWN_WORD = String.raw`\p{Lu}[\p{L}'’]*(?:(?<=(?:^|[^\p{L}])(?:St|Ste|Mt))\.)?`;
const TOWN = String.raw`(${TOWN_WORD}(?:(?:[ \t]?\/[ \t]?|[ \t]|-)(?:(?:sur|sous|en|de|du|des|la|le|les|am|an|bei|im|lez|lès)(?:[ \t]|-))?${TOWN_WORD}){0,3})`;
// The line's field ends after the town: a gap, a stop, a dash or the line's end ("Lot 4, 1200 Widgets shipped" goes on).
const FIELD_END = String.raw`(?=[ \t]{2,}|[ \t]*(?:[\r\n,;.)\]|–—-]|$))`;
// Read from the postcode, the house number checked on the few characters before it: a look-behind opening the pattern
// would run back over every blank from every position.
const AFTER_HOUSE_NUMBER = new RegExp(
  String.raw`(?<![\p{L}\p{N}-])((?:(?:CH|L|B|A|FL)-)?\d{4})[ \t]${TOWN}(?![\p{L}'’.-]|[ \t]\d)${FIELD_END}`,
  'dgu',
);
const HOUSE_NUMBER_BEFORE = /[\p{L}.][ \t]+\d{1,3}[a-zA-Z]?[ \t]*(?:,[ \t]*|\r?\n[ \t]*)$/u;
const WITH_COUNTRY = new RegExp(String.raw`(?<![\p{L}\p{N}-])((?:CH|L|FL)-\d{4})[ \t]${TOWN}(?![\p{L}'’-])`, 'dgu');
// "February 2, 2024 Discharge": a date's day and year, not a house number and a postcode.
const MONTH_BEFORE = /(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|janv|fevr|avr|mai|juin|juil|aout|sept|déc|dez|mär|okt)[\p{L}]*\.?[ \t]+\d{1,3}[ \t]*,[ \t]*$/iu;
// What a line's next field opens on: no town.
const NOT_A_TOWN = /^(?:T[ée]l|Fax|Phone|Mobile|Natel|E-?mail|Cedex|Postfach|Case|BP|Tel\.|T[ée]l\.)/u;

export function zipAfterHouseNumberSpans(doc: Doc): Span[] {
  const t = doc.text;
  if (!/\d{4}[ \t]+\p{Lu}/u.test(t)) return [];
  const out: Span[] = [];
  const seen = new Set<number>();
  const afterHouseNumber = [...t.matchAll(AFTER_HOUSE_NUMBER)].filter((m) => HOUSE_NUMBER_BEFORE.test(t.slice(Math.max(0, m.index - 40), m.index)));
  for (const m of [...afterHouseNumber, ...t.matchAll(WITH_COUNTRY)]) {
    const [zs, ze] = m.indices![1]!;
    if (seen.has(zs)) continue;
    const town = m[2]!;
    if (NOT_A_TOWN.test(town) || MONTH_BEFORE.test(t.slice(Math.max(0, zs - 16), zs))) continue;
    seen.add(zs);
    const [cs, ce] = m.indices![2]!;
    out.push({ start: zs, end: ze, label: 'ZIP', score: 0.85, priority: PRIORITY.context + 10, source: 'zip-after-house-number' });
    out.push({ start: cs, end: ce, label: 'CITY', score: 0.8, priority: PRIORITY.context, source: 'city-after-house-number-zip' });
  }
  return out;
}
