import { fold } from '../normalize.js';
import { PRIORITY, type Doc, type Span } from '../types.js';

/**
 * The town written before its country: "Lomé, Togo", "Oran, Algérie", "né le … à Arequipa (Pérou)",
 * "PORT VILA, VANUATU", "Ella, Sri Lanka". Notes from abroad and birth places give the town no list
 * holds, but the country after a comma or in brackets says the words before it are a place: one to
 * three capitalised words, alone in their comma part. Not a facility ("Lautoka Health Centre, Fiji"),
 * an island, a delta or a region before it ("île de Santiago (Cap-Vert)"), nor an acronym ("NPI
 * (Bénin)": a register of that country).
 */
const COUNTRIES = new Set(
  `afghanistan albania albanie algeria algerie allemagne angola argentina argentine armenia armenie australia australie austria autriche
  azerbaijan azerbaidjan bangladesh barbados barbade belarus belgium belgique benin bolivia bolivie bosnia bosnie botswana brazil bresil
  bulgaria bulgarie burkina-faso burundi cambodia cambodge cameroon cameroun canada cap-vert cape-verde chile chili china chine colombia
  colombie comores comoros congo costa-rica cote-d'ivoire croatia croatie cuba cyprus chypre czechia tchequie danemark denmark djibouti
  dominique ecuador equateur egypt egypte england angleterre eritrea erythree estonia estonie ethiopia ethiopie fiji fidji finland finlande
  france gabon gambia gambie georgia georgie germany ghana greece grece guatemala guinea guinee guyana haiti honduras hungary hongrie
  iceland islande india inde indonesia indonesie iran iraq irak ireland irlande israel italy italie jamaica jamaique japan japon jordan
  jordanie kazakhstan kenya kosovo kuwait koweit laos latvia lettonie lebanon liban liberia libya libye lithuania lituanie luxembourg
  madagascar malawi malaysia malaisie mali malta malte mauritania mauritanie mauritius maurice mexico mexique moldova moldavie mongolia
  mongolie montenegro morocco maroc mozambique myanmar namibia namibie nepal netherlands pays-bas new-zealand nouvelle-zelande nicaragua
  niger nigeria norway norvege oman pakistan palestine panama papua-new-guinea papouasie-nouvelle-guinee paraguay peru perou philippines
  poland pologne portugal qatar rdc romania roumanie russia russie rwanda samoa saudi-arabia arabie-saoudite scotland ecosse senegal
  serbia serbie seychelles sierra-leone singapore singapour slovakia slovaquie slovenia slovenie somalia somalie south-africa
  afrique-du-sud sri-lanka sudan soudan suriname sweden suede switzerland suisse syria syrie taiwan tanzania tanzanie tchad chad thailand
  thailande togo tonga trinidad tunisia tunisie turkey turquie uganda ouganda ukraine uruguay usa uzbekistan ouzbekistan vanuatu
  venezuela vietnam viet-nam wales yemen zambia zambie zimbabwe`.split(/\s+/).filter(Boolean),
);
const LONGEST_COUNTRY_WORDS = 4;
const NAME_WORD = String.raw`\p{Lu}[\p{L}'’.-]*`;
// Found from the country back: a comma or an opening bracket, then capitalised words that may be a
// country (read from the separators only; a scan for the town's words at every position cost ten times
// more), then the place before the separator: one to three capitalised words ending right there.
const COUNTRY_AFTER = new RegExp(String.raw`[,(][ \t]*(\p{Lu}[\p{L}'’-]*(?:[ \t]\p{Lu}[\p{L}'’-]*|[ \t]du[ \t]\p{Lu}[\p{L}]*){0,${LONGEST_COUNTRY_WORDS - 1}})`, 'dgu');
const TOWN_BEFORE = new RegExp(String.raw`(?<![\p{L}\p{N}'’.-])(${NAME_WORD}(?:[ \t]+${NAME_WORD}){0,2})[ \t]*$`, 'u');
/** Characters looked at before the separator: three long words and their blanks. */
const TOWN_WINDOW = 80;
const FACILITY_WORD =
  /\b(?:hospital|hopital|clinic|clinique|centre|center|health|sante|medical|university|universite|airport|aeroport|school|ecole|college|institute|institut|ministry|ministere|embassy|ambassade|consulate|consulat|church|eglise|hotel|farm|prison|camp|district|province|region|state|county|island|ile|street|road|rue|avenue)\b/;
const PLACE_KIND_BEFORE = /(?:\b(?:ile|iles|island|islands|delta|region|province|state|etat|district|departement|county|comte|lac|lake|mont|mount|vallee|valley)(?:[ \t]+(?:de|du|des|d'|of))?|\bdu|\bde la)[ \t]*$/;
const ACRONYM = /^\p{Lu}{2,5}$/u;
/** What splits a line into parts: a comma, a bracket, a colon, a bar, a dash between blanks (folded, an en dash is '-'). */
const PART_SEPARATOR = /[,(;:|\n]|[ \t][-–—][ \t]/;

const COUNTRY_CLOSES = /^(?:[ \t]*(?:$|[\n,.;:)\]–—]|[ \t]-))/u;
const TITLE = /^(?:mr|mrs|ms|miss|dr|pr|prof|mme|mlle|m|sir|dame|lady|lord|saint|st)\.?$/;

/** The first one to LONGEST_COUNTRY_WORDS words of a text (countryAt finds no longer country). */
const FIRST_WORDS = Array.from({ length: LONGEST_COUNTRY_WORDS }, (_, i) => new RegExp(String.raw`^\S+(?:[ \t]+\S+){${i}}`, 'u'));

/** The characters of `words` its first `country` words take ("Sri Lanka" of "Sri Lanka Today"). */
function countryLength(words: string, country: string): number {
  const m = FIRST_WORDS[country.split('-').length - 1]!.exec(words);
  return m ? m[0].replace(/[.,]+$/, '').length : words.length;
}

/** Whether `name` is a country the list holds, whole ("Belgique", "New Zealand", "Côte d'Ivoire"). */
export function isCountry(name: string): boolean {
  return COUNTRIES.has(fold(name.trim().split(/[ \t]+/).join('-')).replace(/[.,]+$/, ''));
}

function countryAt(words: string): string | undefined {
  const parts = words.split(/[ \t]+/);
  for (let n = Math.min(parts.length, LONGEST_COUNTRY_WORDS); n >= 1; n--) {
    const key = fold(parts.slice(0, n).join('-')).replace(/[.,]+$/, '');
    if (COUNTRIES.has(key)) return key;
  }
  return undefined;
}

export function townBeforeCountrySpans(doc: Doc): Span[] {
  const t = doc.text;
  const out: Span[] = [];
  for (const m of /[,(][ \t]*\p{Lu}/u.test(t) ? t.matchAll(COUNTRY_AFTER) : []) {
    const country = countryAt(m[1]!);
    if (country === undefined) continue;
    // The country closes the part: "Mrs Jordan, Kenya Smith" lists persons.
    const countryEnd = m.indices![1]![0] + countryLength(m[1]!, country);
    if (!COUNTRY_CLOSES.test(t.slice(countryEnd, countryEnd + 3))) continue;
    const from = Math.max(0, m.index - TOWN_WINDOW);
    const place = TOWN_BEFORE.exec(t.slice(from, m.index));
    if (!place) continue;
    const town = place[1]!;
    const s = from + place.index;
    const e = s + town.length;
    const key = fold(town);
    if (ACRONYM.test(town) || FACILITY_WORD.test(key) || countryAt(town) !== undefined) continue;
    // "Mrs Jordan, Kenya": a title opens a person; "St. Michael", "Saint-Louis" are towns (a saint's name with more after it).
    const firstWord = fold(town.split(/[ \t]+/)[0]!);
    if (TITLE.test(firstWord) && (town.split(/[ \t]+/).length === 1 || !/^(?:saint|st)\.?$/.test(firstWord))) continue;
    // An island, a region or a lake just before names the place ("île de Santiago (Cap-Vert)"). A
    // facility word earlier in the comma part means the town ends the facility's name ("Clinique
    // Pasteur Les Almadies Dakar, Sénégal"): this CITY would outrank the facility's span and leave
    // the rest of its name in clear.
    const before = doc.folded.slice(Math.max(0, s - TOWN_WINDOW), s);
    if (PLACE_KIND_BEFORE.test(before.slice(-30)) || FACILITY_WORD.test(before.split(PART_SEPARATOR).pop()!)) continue;
    out.push({ start: s, end: e, label: 'CITY', score: 0.8, priority: PRIORITY.pattern - 5, source: 'city-before-country' });
  }
  return out;
}
