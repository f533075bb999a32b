import { isCountry } from '../countries.js';
import { isFirstNameOfAnyList } from '../gazetteers.js';
import { isNationalityOrLanguage } from '../nationalities.js';
import { TITLE_WORDS } from '../titles.js';
import { PRIORITY, type Doc, type Span } from '../types.js';
import { isTownOfAnyList } from './location.js';
import { isMonthName, WEEKDAYS } from './dates.js';
import { WEEKDAY_ABBR_EN } from './dates-named-alone.js';
import { isTown } from './towns-after-intro.js';

/**
 * Where a relative is, or where someone came or called from, in English notes and messages: "his brother Augustine in
 * Sauteurs called me", "your maternal aunt in Cork", "at my moms in Petal", "he is at his son's in dinas cross", "wife
 * rang at 2300 from maryport", "she's driving from St. Johnsbury", "came from Hove overnight", "travelled from Challis".
 * No list holds most of these places, and a dictionary holds many ("Petal", "Globe", "Stow"), but the relative or the
 * journey before "in" or "from" says a place follows.
 * - A capitalised name of one to three words; not a month, a weekday, a language, a title, a first name alone, a short
 *   acronym ("ICU"), nor a facility's first words ("from St Mary's Hospital", "in Ward 5").
 * - A lowercase name only after a relative's home ("at his son's in …", "my cuz in …") or a journey, and only a word no
 *   dictionary holds or a listed town, as the age-intro rule reads lowercase villages (towns-after-intro.ts).
 */
const RELATIVE = String.raw`mum|mom|mam|mummy|mother|dad|daddy|father|nan|nana|nanna|granny|gran|grandma|grandmother|grandad|grandpa|grandfather|grandparents|parents|aunt|aunty|auntie|uncle|sister|brother|sis|bro|son|daughter|cousin|cuz|niece|nephew|wife|husband|partner|fiance|fiancee|daughter-in-law|son-in-law|sister-in-law|brother-in-law|mother-in-law|father-in-law|in-laws|family|relatives|folks`;
// The relative, an optional possessive ("moms", "son's"), an optional capitalised name after it ("brother Augustine").
const AFTER_RELATIVE = new RegExp(String.raw`(?<![\p{L}])(?:${RELATIVE})(?:(['’]s|s)(?![\p{L}]))?(?:[ \t]+\p{Lu}\p{Ll}+)?[ \t]+(?:in|from)[ \t]+`, 'giu');
const JOURNEY = String.raw`rang|rung|phoned|ringing|driving|drove|drives|drive|came|coming|come|travelled|traveled|travelling|traveling|flew|flying|flown|visiting|visit|visitors?|courier|ferry|boat|ride|bus|train`;
const AFTER_JOURNEY = new RegExp(String.raw`(?<![\p{L}])(?:${JOURNEY})(?:[ \t]+(?:in|up|down|over|back|me|us|him|her|them|here|today|tonight|overnight|at[ \t]+\d{3,4}))?[ \t]+from[ \t]+`, 'giu');
// "St." and its kin keep their dot ("St. Johnsbury"); any other dot ends the sentence ("in HDU. Thank you").
const CAPITALISED = /^((?:(?:St|Ste|Mt|Ft|Pt)\.[ \t]+)?\p{Lu}[\p{L}'’-]*(?:[ \t]+\p{Lu}[\p{L}'’-]*){0,2})(?![\p{L}\p{N}])/u;
const LOWERCASE = /^(\p{Ll}[\p{Ll}'’-]+(?:[ \t]\p{Ll}[\p{Ll}'’-]+){0,2})(?=[ \t]*(?:[.,:;)(\n]|$|[ \t]\p{N}))/u;
// A weekday, whole or cut; months are asked of dates.ts. Whole words only: "Montreal", "Sunderland", "Marseille" open
// as a day or a month does.
const WEEKDAY = new RegExp(`^(?:${WEEKDAYS}|${WEEKDAY_ABBR_EN})$`);
const NOT_A_PLACE = new Set([...TITLE_WORDS, 'the', 'a', 'an', 'my', 'his', 'her', 'their', 'our', 'your', 'i', 'we', 'he', 'she', 'they', 'it', 'this', 'that', 'there', 'here', 'work', 'icu', 'ed', 'er', 'a&e', 'theatre', 'mass', 'christmas', 'easter', 'english', 'french', 'spanish', 'punjabi', 'urdu', 'hindi', 'arabic', 'polish', 'portuguese', 'tagalog', 'mandarin', 'cantonese', 'somali', 'tigrinya', 'amharic', 'farsi', 'dari', 'pashto', 'welsh', 'irish', 'gaelic', 'covid', 'gp', 'nhs', 'whatsapp', 'facebook', 'zoom', 'teams']);
// A facility's, a farm's or a street's name holds the place ("Stow Health Centre", "St Mary's Hospital", "Flying Cloud
// Airport", "Cwm Einion Farm"): the facility and address rules read it whole.
const NOT_A_TOWN_WORD = /^(?:hospital|clinic|health|medical|general|surgery|practice|centre|center|ward|unit|school|college|university|church|pharmacy|hospice|care|nursing|house|homes?|road|street|st|avenue|lane|airport|station|prison|barracks|farm|mill|flat|level|link|line|estate|park|market|hall)$/i;
const FACILITY_AFTER = /^[ \t]+(\p{L}+)/u;

function capitalisedPlace(text: string, at: number): [number, number] | undefined {
  const m = CAPITALISED.exec(text.slice(at, at + 60));
  if (!m) return undefined;
  const name = m[1]!.replace(/[.'’-]+$/, '');
  const words = name.toLowerCase().split(/[ \t]+/);
  const first = words[0]!.replace(/\.$/, '');
  if (NOT_A_PLACE.has(words[0]!) || isMonthName(first) || WEEKDAY.test(first)) return undefined;
  if (/^\p{Lu}{1,3}$/u.test(name)) return undefined;
  if (words.length === 1 && isFirstNameOfAnyList(name) && !isTownOfAnyList(name)) return undefined;
  const next = FACILITY_AFTER.exec(text.slice(at + name.length, at + name.length + 20))?.[1];
  if (words.some((w) => NOT_A_TOWN_WORD.test(w)) || (next !== undefined && NOT_A_TOWN_WORD.test(next))) return undefined;
  if (words.length === 1 && isNationalityOrLanguage(name)) return undefined;
  if (isCountry(name)) return undefined;
  return [at, at + name.length];
}

function lowercasePlace(doc: Doc, at: number): [number, number] | undefined {
  const m = LOWERCASE.exec(doc.text.slice(at, at + 60));
  if (!m || !isTown(doc.folded.slice(at, at + m[1]!.length))) return undefined;
  return [at, at + m[1]!.length];
}

export function townsOfRelativesAndJourneysSpans(doc: Doc): Span[] {
  const t = doc.text;
  const out: Span[] = [];
  const push = (place: [number, number] | undefined, source: string) => {
    if (place) out.push({ start: place[0], end: place[1], label: 'CITY', score: 0.75, priority: PRIORITY.context - 5, source });
  };
  for (const m of t.matchAll(AFTER_RELATIVE)) {
    const at = m.index + m[0].length;
    // A lowercase place only at a relative's home ("son's in", "moms in", "cuz in").
    push(capitalisedPlace(t, at) ?? (m[1] !== undefined || /cuz|cousin/i.test(m[0]) ? lowercasePlace(doc, at) : undefined), 'city-of-relative');
  }
  for (const m of t.matchAll(AFTER_JOURNEY)) {
    const at = m.index + m[0].length;
    push(capitalisedPlace(t, at) ?? lowercasePlace(doc, at), 'city-of-journey');
  }
  return out;
}
