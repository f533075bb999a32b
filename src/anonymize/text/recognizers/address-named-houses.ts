import { isCountryOrRegionKey } from '../countries.js';
import { fold } from '../normalize.js';
import { PRIORITY, type Doc, type Span } from '../types.js';
import { matchesNotAfter, notAfter } from './not-after.js';

/**
 * A rural or named house that is the whole street part of an address ("Higher Rowe Farm, Hatherleigh",
 * "Brook Cottage, Lower Slaughter GL54 2HS"): capitalised words ending on a house word, then a comma and
 * the town. British and Irish addresses often have no number and no street. "House" and "Hall" are
 * left out: they head care homes and offices too ("Hawthorn House, Corby").
 */
const NAMED_HOUSE = notAfter(/(?<![\p{L}\p{N}])((?:\p{Lu}[\p{L}'’-]+[ \t]+){1,3}(?:Farm|Farmhouse|Cottage|Cottages|Lodge|Barn|Croft|Grange|Bungalow))(?=[ \t]*,[ \t]*\p{Lu})/gu);
// The town after the house's comma ("Dalvey Cottage, Cromdale |", "Ballintomb Farm, Dulnain Bridge"): one to three
// capitalised words closing the address part; not a county ("Co. Clare") nor a region the country lists name.
const TOWN_AFTER = /^[ \t]*,[ \t]*(\p{Lu}[\p{L}'’-]+(?:[ \t]+\p{Lu}[\p{L}'’-]+){0,2})(?=[ \t]*(?:[,|;.)]|\r?\n|$|[–—-][ \t]|[ \t][A-Z]{1,2}\d))/u;
// Cheap gate: nearly no note holds one of the house words.
const HOUSE_WORD = /(?:Farm|Cottage|Lodge|Barn|Croft|Grange|Bungalow)/;

export function namedHouseSpans(doc: Doc): Span[] {
  if (!HOUSE_WORD.test(doc.text)) return [];
  const out: Span[] = [];
  for (const m of matchesNotAfter(NAMED_HOUSE, doc.text)) {
    out.push({ start: m.index, end: m.index + m[1]!.length, label: 'ADDRESS', score: 0.8, priority: PRIORITY.pattern - 4, source: 'address-named-house' });
    const end = m.index + m[1]!.length;
    const town = TOWN_AFTER.exec(doc.text.slice(end, end + 60));
    if (town && !/^(?:Co|County)$/.test(town[1]!.split(/[ \t]/)[0]!) && !isCountryOrRegionKey(fold(town[1]!))) {
      const start = end + town[0].length - town[1]!.length;
      out.push({ start, end: start + town[1]!.length, label: 'CITY', score: 0.8, priority: PRIORITY.context, source: 'city-after-named-house' });
    }
  }
  return out;
}
