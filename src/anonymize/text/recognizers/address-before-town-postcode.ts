import { PRIORITY, type Doc, type Span } from '../types.js';
import { isHouseName } from './address-house-opening-line.js';
import { FACILITY_OR_ORGANISATION_WORDS, FR_POSTCODE_TOWN, PART_START, STREET_END_WORDS, UK_POSTCODE, UK_TOWN } from './address-line.js';
import { isListedTown } from './location.js';

/**
 * The street part of an address line with no label and no street word, found from its end: "…, Bretton
 * Gate, Peterborough PE3 9GZ", "Denmark Hill, London SE5 9RS", "…, Le Mas de Lacoste, 46090 Pradines".
 * A town with its postcode (a UK postcode after it, a French one before it) ends the line; the
 * comma part just before the town is a farm, a lane or an estate that no street word names. A part
 * that names a facility, a person (a title) or a listed town is left to the other rules, and the span
 * ranks below the street, facility and person rules (they keep their own spans), above the model's.
 */
// "Peterborough PE3 9GZ", "EDINBURGH EH16 4SA" (the town in capitals, one to three words), or "46090 Pradines".
const TOWN_AND_POSTCODE = new RegExp(String.raw`,[ \t]*(?:${UK_TOWN}[ \t]+${UK_POSTCODE}|${FR_POSTCODE_TOWN})(?![\p{L}\p{N}])`, 'gu');
// The same line in a note's lower case ("17 wheelgate, malton yo17 7hp", "4 harrapool, broadford, IV49 9AQ", "la
// croix verte, 72120 saint-calais"): a lowercase town with its postcode (in either case, maybe after a comma).
const LOWER_TOWN_AND_POSTCODE = /,[ \t]*(?:[a-z][a-z'’-]+(?:[ \t]+[a-z][a-z'’-]+){0,2},?[ \t]+(?:[a-z]{1,2}\d[a-z\d]?[ ]\d[a-z]{2}|[A-Z]{1,2}\d[A-Z\d]?[ ]\d[A-Z]{2})|\d{5}[ \t]+[a-z][a-z'’-]+)(?![\p{L}\p{N}])/gu;
// Cheap gate: a UK postcode's inward part or a French postcode and a capital.
const HINT = /\d[A-Z]{2}(?![A-Za-z])|\d{5}[ \t]+\p{Lu}/u;
const LOWER_HINT = /\d[a-z]{2}(?![a-z])|\d[A-Z]{2}(?![A-Za-z])|\d{5}[ \t]+[a-z]/u;
// A home label opens the part on its own line or after a name ("domiciliés La Besse Haute, 19550 Lapleau",
// "domicile du donneur : la Ville-Halgand, 44550 …"): what follows it is the address.
const HOME_LABEL = /(?<![\p{L}])(?:domicile(?:[ \t]+(?:du|de la|de l')[ \t]*[\p{L}-]+)?|domicili[ée]e?s?|r[ée]sidant|demeurant|adresse|address|home|lives at|living at|resides at)[ \t]*:?[ \t]+/giu;
const STREET_PART = /^(?:\d{1,4}[A-Za-z]?[ \t]+)?(?:(?:the|le|la|les|l'|du|de|des|of|an)[ \t]+)?[\p{Lu}][\p{L}'’-]+(?:[ \t]+(?:of|de|du|des|la|le|the|\p{Lu}[\p{L}'’-]+|\d{1,4})){0,4}$/u;
// In lower case: a house number and one or two words ("17 wheelgate", "4 ochiltree"), or a lieu-dit's or a house's
// two to four words ("la croix verte", "ferme du bois-jeune", "the old schoolhouse").
const LOWER_STREET_PART = /^(?:\d{1,4}[a-z]?[ \t]+[a-z][a-z'’-]+(?:[ \t]+[a-z][a-z'’-]+)?|[a-z][a-z'’-]+(?:[ \t]+[a-z][a-z'’-]+){1,3})$/u;
// Facilities, organisations and people are named by other rules; their part is no street.
const NOT_A_STREET = new RegExp(String.raw`(?<![\p{L}])(?:${FACILITY_OR_ORGANISATION_WORDS}|mr|mrs|ms|miss|dr|prof|mme|m|mlle|road|street|avenue|rue)(?![\p{L}])`, 'iu');

const STREET_BEFORE = new RegExp(String.raw`\d|(?<![\p{L}])(?:${STREET_END_WORDS})\.?$`, 'iu');

export function addressBeforeTownSpans(doc: Doc): Span[] {
  const t = doc.text;
  return [...(HINT.test(t) ? partsBefore(t, TOWN_AND_POSTCODE, STREET_PART) : []), ...(LOWER_HINT.test(t) ? partsBefore(t, LOWER_TOWN_AND_POSTCODE, LOWER_STREET_PART) : [])];
}

/** The street parts before each town and postcode that `townAndPostcode` finds, shaped as `streetPart` says. */
function partsBefore(t: string, townAndPostcode: RegExp, streetPart: RegExp): Span[] {
  const out: Span[] = [];
  for (const m of t.matchAll(townAndPostcode)) {
    const lineStart = t.lastIndexOf('\n', m.index) + 1;
    const before = t.slice(Math.max(lineStart, m.index - 80), m.index);
    let from = before.length === m.index - lineStart ? 0 : -1;
    let previous = -1;
    for (const c of before.matchAll(PART_START)) [previous, from] = [from, c.index + c[0].length];
    if (from < 0) continue;
    let label: RegExpExecArray | null = null;
    for (const l of before.slice(from).matchAll(HOME_LABEL)) label = l;
    if (label) from += label.index + label[0].length;
    // An article opening a lieu-dit is written in lowercase in running text ("la Ville-Halgand").
    const part = before.slice(from).trim().replace(/^(l[ae]s?)(?=[ \t])/u, (a) => a[0]!.toUpperCase() + a.slice(1));
    if (!streetPart.test(part) || NOT_A_STREET.test(part) || isListedTown(part, 5000)) continue;
    // After a street ("44 Heol Hir, Llanishen, Cardiff", "Church Hill, Pinhoe, Exeter") the part is the district.
    // A house number opening the part makes it the street, whatever came before ("0915 derek thwaites, 17 wheelgate, …").
    if (previous >= 0 && !/^\d/.test(part) && STREET_BEFORE.test(before.slice(previous, from).replace(/[ \t,|–—-]+$/u, ''))) continue;
    const start = m.index - before.length + from;
    // After a house ("Ty'n Llwyn, Derwenlas, Machynlleth SY20 8TN") the part is the village the house is in.
    const afterHouse = previous >= 0 && !label && !/^\d/.test(part) && isHouseName(before.slice(previous, from).replace(/[ \t,|–—(-]+$/u, '').trim());
    out.push({ start, end: start + part.length, label: afterHouse ? 'CITY' : 'ADDRESS', score: 0.7, priority: PRIORITY.model + 5, source: 'address-before-town-postcode' });
  }
  return out;
}
