import { isDictionaryWord } from '../bloom.js';
import { isFirstName, isLastName } from '../gazetteers.js';
import { fold } from '../normalize.js';
import { TITLE_WORDS } from '../titles.js';
import { PRIORITY, type Doc, type Span } from '../types.js';
import { FACILITY_OR_ORGANISATION_WORDS, FR_POSTCODE_TOWN, PART_START, STREET_END_WORDS, UK_POSTCODE, UK_TOWN } from './address-line.js';
import { IRISH_COUNTIES } from './towns-before-irish-county.js';
import { isListedTown } from './location.js';

/**
 * The house, farm or townland that opens a British, Irish or French address line, one comma part before
 * the locality or the street: "Ty'n Llwyn, Derwenlas, Machynlleth SY20 8TN", "Knocklofty, Clonmel, Co.
 * Tipperary", "GWELFOR, LLANYSTUMDWY, CRICCIETH LL52 0SL", "LES CHAZEAUX, 6 CHEMIN DU LIGNON-HAUT, 43400 …".
 * Rural addresses there have no number; the name of the house is the street part. The line is read from
 * its end (a town with its postcode, or an Irish county): the part before the town is a locality or a
 * street, and the part before that, when it looks like a name and is no person, facility or town, is the
 * house. One part only: what comes before it (a name, an identifier) is left to the other rules.
 */
// The counties as written in a line, capitalised or in capitals ("Co. Mayo", "CO. MAYO").
const COUNTY_NAMES = IRISH_COUNTIES.split('|')
  .flatMap((c) => [c[0]!.toUpperCase() + c.slice(1), c.toUpperCase()])
  .join('|');
// ", Machynlleth SY20 8TN", ", 43400 Le Chambon" (the town with its postcode), or ", Co. Tipperary".
const LINE_END = new RegExp(
  String.raw`,[ \t]*(?:${UK_TOWN}[ \t]*,?[ \t]+${UK_POSTCODE}|${FR_POSTCODE_TOWN}|(?:Co\.?|County|CO\.?|COUNTY)[ \t]+(?:${COUNTY_NAMES}))(?![\p{L}\p{N}])`,
  'gu',
);
// Cheap gate, as case-sensitive as LINE_END: a UK postcode's inward part, a French postcode and a capital, a county.
const HINT = /\d[A-Z]{2}(?![A-Za-z])|\d{5}[ \t]+\p{Lu}|,[ \t]*(?:[Cc]o\.?|[Cc]ounty|CO\.?|COUNTY)[ \t]/u;
// A name: capitalised (or upper-case) words, with the short words of French, Welsh, Irish and English place names.
const NAME_PART = /^(?:(?:the|le|la|les|l'|y|yr)[ \t]+)?[\p{Lu}][\p{L}'’-]+(?:[ \t]+(?:de|du|des|la|le|les|na|an|y|yr|of|the|[\p{Lu}][\p{L}'’-]+)){0,3}$/u;
// A street: a number first ("6 CHEMIN DU LIGNON-HAUT", "7 Mareham Road") or a street word last ("Bampton Road").
// Welsh street words and the accented "allée" too: this line is read as written, not folded.
const STREET = new RegExp(String.raw`^\d{1,4}[A-Za-z]?,?[ \t]+\p{L}|(?<![\p{L}])(?:${STREET_END_WORDS}|stryd|ffordd|allée)\.?$`, 'iu');
// Facilities, organisations, services and labels: their part is no house, nor a locality after one.
const NOT_A_PLACE = new RegExp(
  String.raw`(?<![\p{L}])(?:${FACILITY_OR_ORGANISATION_WORDS}|h[ôo]pital|home|nursing|hospice|dental|dentist|meddygfa|ysbyty|canolfan|clinig|works|factory|plant|wing|building|floor|level|flat|apartment|suite|room|bed|box|po|c\/o|address|adresse|domicile|tel|phone|fax|email|dob|born|née?)(?![\p{L}])`,
  'iu',
);
const HOUSE_CUE = /(?<![\p{L}])(?:(?:address|adresse|domicile|home|r[ée]sidence|coordonn[ée]es|destination)[^:\n]{0,12}[ \t]*:[ \t]*|(?:lives|living|resides|residing|staying)(?:[ \t]+alone)?[ \t]+at[ \t]+|(?:address|home)(?:[ \t]+is)?[ \t]+)/giu;
// Words that name a house when every other word is an ordinary one ("The Old Forge", "Ivy Cottage").
const HOUSE_WORD = /(?<![\p{L}])(?:farm|farmhouse|cottage|cottages|lodge|barn|croft|grange|bungalow|forge|mill|mills|rectory|vicarage|manse|garth|hall|house|ferme|maison|mas|domaine|ty|tŷ|tigh|teach|fferm|hafod|bryn|plas)(?![\p{L}])/iu;

export function houseOpeningLineSpans(doc: Doc): Span[] {
  const t = doc.text;
  if (!HINT.test(t)) return [];
  const out: Span[] = [];
  for (const m of t.matchAll(LINE_END)) {
    const lineStart = t.lastIndexOf('\n', m.index) + 1;
    const windowStart = Math.max(lineStart, m.index - 120);
    const before = t.slice(windowStart, m.index);
    // The parts of the line before its end, nearest last; the first is cut where the window starts.
    const starts = [0, ...[...before.matchAll(PART_START)].map((c) => c.index + c[0].length)];
    if (starts.length < 2) continue;
    const nearStart = starts[starts.length - 1]!;
    const houseStart = starts[starts.length - 2]!;
    // The house part must be whole: opened by a separator, or by the line's own start inside the window.
    if (houseStart === 0 && windowStart > lineStart) continue;
    const near = before.slice(nearStart).trim();
    const part = before.slice(houseStart, nearStart).replace(/[ \t]*(?:,|[–—-]|\||\()[ \t]*$/u, '');
    // A field label or a cue opens the part: "Adresse : Le Clos …", "address is Cloonagh, …", "lives alone at …".
    const cue = [...part.matchAll(HOUSE_CUE)].at(-1);
    const houseFrom = houseStart + (cue ? cue.index + cue[0].length : 0);
    const house = before.slice(houseFrom, houseStart + part.length).trim();
    if (!isLocalityOrStreet(near) || !isHouseName(house)) continue;
    const start = windowStart + houseFrom + (before.slice(houseFrom).length - before.slice(houseFrom).trimStart().length);
    out.push({ start, end: start + house.length, label: 'ADDRESS', score: 0.7, priority: PRIORITY.model + 5, source: 'address-house-opening-line' });
  }
  return out;
}

function isLocalityOrStreet(part: string): boolean {
  if (STREET.test(part)) return true;
  return NAME_PART.test(part) && !NOT_A_PLACE.test(part) && !hasTitle(part);
}

/** A house's name, as the part that opens an address line; the address-before-town rule asks it too. */
export function isHouseName(part: string): boolean {
  if (!NAME_PART.test(part) || NOT_A_PLACE.test(part) || STREET.test(part) || hasTitle(part)) return false;
  const words = part.split(/[ \t]+/u);
  // A short word in capitals alone is an acronym: a specialty or a service ("ORL", "SSR").
  if (words.length === 1 && part.length <= 4 && part === part.toUpperCase()) return false;
  const named = words.filter((w) => /^[\p{Lu}]/u.test(w));
  // A person: one known name alone ("Ryan"), or a known first name among the words ("Mary Ryan", "DELPECH Albert").
  if (named.length === 1 && (isFirstName(named[0]!) || isLastName(named[0]!))) return false;
  if (named.length > 1 && named.some((w) => isFirstName(w))) return false;
  // A town of its own ("Bala, Gwynedd, …") is the locality, not a house.
  if (isListedTown(part, 5000)) return false;
  // Ordinary words alone ("Oncology", "Main Reception") name a service, unless a house word is one of them.
  const ordinary = named.every((w) => isDictionaryWord(fold(w)));
  return !ordinary || HOUSE_WORD.test(part);
}

function hasTitle(part: string): boolean {
  return part.split(/[ \t.]+/u).some((w) => TITLE_WORDS.has(w.toLowerCase()));
}
