import { isDictionaryWord } from '../bloom.js';
import { isFirstName } from '../gazetteers.js';
import { fold } from '../normalize.js';
import { PRIORITY, type Doc, type Span } from '../types.js';
import { isTownOfAnyList } from './location.js';

/**
 * A town named as the seat of an administrative division, as dictations from West Africa, Madagascar, Rwanda or
 * Nepal give a patient's origin: "sous-préfecture de Sinta, préfecture de Télimélé", "District de Nyamagabe",
 * "commune de Betafo", "Tansen municipality", and from South Asia "taluka Sinnar, district Nashik". The division's
 * word says a place comes; the name must be capitalised and a town a list knows or a word no dictionary holds (not
 * "district de Santé", "District Nurse"). Not "département": France's are regions
 * ("département de Saône-et-Loire"), which the sets do not mark as towns.
 */
// Opening on the division's word ("\b": its letters are ASCII), not a look-behind tried at every position.
const DIVISION_THEN_TOWN = /\b(?:[Ss]ous-[Pp]r[ée]fecture|[Pp]r[ée]fecture|[Dd]istrict|[Cc]ommune(?:[ \t]+rurale|[ \t]+urbaine)?|[Mm]unicipalit[ée]|[Cc]ercle|[Ff]okontany|[Ll]ocalit[ée]|[Cc]hef-lieu)[ \t]+(?:de[ \t]+|d['’][ \t]*)(\p{Lu}[\p{L}'’]+(?:-\p{Lu}?[\p{L}'’]+){0,3}(?:[ \t]+\p{Lu}[\p{L}'’]+)?)/dgu;
// South Asia names the division's word first, without "of" ("taluka Sinnar, district Nashik", "tehsil Khanewal").
const DIVISION_WORD_THEN_TOWN = /\b(?:taluka?|tehsil|district|zil{1,2}a|mandal|upazila)[ \t]+(\p{Lu}[\p{L}'’]+(?:-\p{Lu}?[\p{L}'’]+){0,3}(?:[ \t]+\p{Lu}[\p{L}'’]+)?)/dgu;
const TOWN_THEN_DIVISION = /(?<![\p{L}])(\p{Lu}[\p{L}'’]+(?:[ \t]+\p{Lu}[\p{L}'’]+)?)[ \t]+(?:municipality|rural municipality|sub-county|sub-district|upazila|taluka?|tehsil)(?![\p{L}])/dgu;
// TOWN_THEN_DIVISION tries every capitalised word: only where one of its division words is there at all.
const TOWN_THEN_DIVISION_HINT = /municipality|sub-county|sub-district|upazila|taluk|tehsil/;
const HINT = /pr[ée]fecture|istrict|ommune|unicipalit|ercle|okontany|ocalit|hef-lieu|sub-county|upazila|talu|tehsil/;

function townName(name: string): boolean {
  const words = name.split(/[ \t]+/);
  if (isTownOfAnyList(name)) return true;
  return words.every((w) => !isDictionaryWord(fold(w)) && !isFirstName(w));
}

export function townsInAdministrativeDivisionSpans(doc: Doc): Span[] {
  const t = doc.text;
  if (!HINT.test(t)) return [];
  const out: Span[] = [];
  for (const m of [...t.matchAll(DIVISION_THEN_TOWN), ...t.matchAll(DIVISION_WORD_THEN_TOWN), ...(TOWN_THEN_DIVISION_HINT.test(t) ? t.matchAll(TOWN_THEN_DIVISION) : [])]) {
    const [start, end] = m.indices![1]!;
    // "l'Hôpital de district de Doba": a tier of the facility's name, the facility's span (hospital-fr) holds the town.
    // ("médecin-chef du district de Lomié" is the district's own.)
    if (/(?:^|[^\p{L}])de[ \t]+$/u.test(t.slice(Math.max(0, m.index - 4), m.index))) continue;
    if (!townName(m[1]!)) continue;
    out.push({ start, end, label: 'CITY', score: 0.8, priority: PRIORITY.context, source: 'city-administrative-division' });
  }
  return out;
}
