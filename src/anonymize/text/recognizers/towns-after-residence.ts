import { isDictionaryWord } from '../bloom.js';
import { countryKey, isCountryOrRegionKey } from '../countries.js';
import { isFirstNameOfAnyList } from '../gazetteers.js';
import { PRIORITY, type Doc, type Span } from '../types.js';

/**
 * The town after a verb of living or moving and "in" or "to", or after "resident of": "Lives with son and
 * daughter-in-law in Surrey", "I live in Runanga", "from home in Blind River", "she moved to Kingwood", "resident of
 * Kitagata". No list has to know it: a capitalised
 * word (up to three, "St." first) after those words names where someone lives 57 times of 59 in the read sets (the
 * others are a country and a house name after "at", which is not read here). A country or a region, a first name, a
 * lone dictionary word ("in Spring", "in March") and a care place ("… House", "… Home") are not towns.
 */
const CUE = String.raw`(?:lives|live|living|lived|resides|reside|residing|staying|stays|stayed|settled|moved|moving|relocated|(?:from|at)[ \t]+home)`;
const TOWN_AFTER = new RegExp(
  String.raw`(?<![\p{L}])(?:${CUE}(?:[ \t]+(?:out|back|now|still|alone|nearby|here|there|together|permanently))?(?:[ \t]+with[ \t]+[^.\n;:]{1,60}?)?[ \t]+(?:in|to)|resident[ \t]+of)[ \t]+((?:St\.?[ \t]+)?\p{Lu}[\p{Ll}'’-]+(?:[ \t]+\p{Lu}[\p{Ll}'’-]+){0,2})(?![\p{L}])`,
  'dgu',
);
// Right after "lives in", "live in", "living in" or "resident of", one capitalised word names the town even when a
// dictionary holds it ("who lives in Belleek", "we live in Kingwood": the dictionary knows many towns' names); where
// someone moves or stays may be a room ("moved to Theatre", "staying in Recovery"), which the dictionary test keeps out.
// Those towns rank above the model, which would otherwise drop them as ordinary words.
const LIVES_IN = /^(?:lives|live|living)[ \t]+in[ \t]|^resident[ \t]+of[ \t]/;
const NOT_A_TOWN_LIVED_IN = new Set(['spring', 'summer', 'autumn', 'winter', 'fear', 'hope', 'pain', 'denial', 'poverty', 'comfort', 'squalor', 'isolation', 'sheltered', 'supported', 'residential', 'social', 'temporary', 'council', 'private', 'rented', 'assisted', 'care', 'bed', 'town', 'the', 'a', 'an']);
const HINT = /\b(?:live|living|resid|stay|settled|mov|relocated|home|out of)/i;
// A boat or a job "out of" its harbour or base: "skippers a trawler out of Castletownshend", "I work on the ferry out of
// Burtonport", "deckhand on a creel boat out of St Monans harbour".
const OUT_OF_TOWN = /\b(?:boat|ferry|trawler|vessel|ship|launch|crew|works?|working|worked|operat(?:es|ing)|fl(?:y|ies|ying)|based|sails?|sailing|fishe[sd]|fishing|drives|driving)(?:[ \t]+[^.\n;:]{0,30}?)?[ \t]+out[ \t]+of[ \t]+((?:St\.?[ \t]+)?\p{Lu}[\p{Ll}'’-]+(?:[ \t]+\p{Lu}[\p{Ll}'’-]+){0,2})(?![\p{L}])/dgu;
const NOT_A_TOWN_END = /(?:^|[ \t])(?:House|Home|Hospital|Hospice|Farm|Cottage|Court|Lodge|Manor|Street|Road|Avenue|Centre|Center|Care|Village|Park)$/u;

export function townsAfterResidenceSpans(doc: Doc): Span[] {
  if (doc.lang === 'fr' || !HINT.test(doc.text)) return [];
  const out: Span[] = [];
  for (const m of doc.text.matchAll(TOWN_AFTER)) {
    const [start, end] = m.indices![1]!;
    const name = m[1]!;
    const words = name.split(/[ \t]+/);
    if (NOT_A_TOWN_END.test(name) || isCountryOrRegionKey(countryKey(words))) continue;
    if (isFirstNameOfAnyList(words[0]!)) continue;
    const livesIn = LIVES_IN.test(m[0]);
    if (livesIn && NOT_A_TOWN_LIVED_IN.has(words[0]!.toLowerCase())) continue;
    // One word a dictionary holds is a word ("in Spring", "to Theatre", "in Bed"), not a town.
    if (!livesIn && words.length === 1 && isDictionaryWord(name.toLowerCase())) continue;
    out.push({ start, end, label: 'CITY', score: 0.75, priority: livesIn ? PRIORITY.gazetteer - 5 : PRIORITY.model - 5, source: 'city-after-residence' });
  }
  for (const m of /out of/.test(doc.text) ? doc.text.matchAll(OUT_OF_TOWN) : []) {
    const [start, end] = m.indices![1]!;
    const name = m[1]!;
    const words = name.split(/[ \t]+/);
    if (NOT_A_TOWN_END.test(name) || isCountryOrRegionKey(countryKey(words)) || isFirstNameOfAnyList(words[0]!)) continue;
    if (words.length === 1 && isDictionaryWord(name.toLowerCase())) continue;
    out.push({ start, end, label: 'CITY', score: 0.75, priority: PRIORITY.model - 5, source: 'city-out-of' });
  }
  return out;
}
