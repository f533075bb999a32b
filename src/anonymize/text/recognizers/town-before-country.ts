import { countryKey, isAbbreviationAlsoWord, isCountryKey } from '../countries.js';
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
const LONGEST_COUNTRY_WORDS = 4;
const NAME_WORD = String.raw`\p{Lu}[\p{L}'’.-]*`;
// Found from the country back: a comma or an opening bracket, then capitalised words that may be a
// country (read from the separators only; a scan for the town's words at every position cost ten times
// more), then the place before the separator: one to three capitalised words ending right there.
const COUNTRY_AFTER = new RegExp(String.raw`[,(][ \t]*(\p{Lu}[\p{L}'’.-]*(?:[ \t]\p{Lu}[\p{L}'’.-]*|[ \t](?:du|of)[ \t]\p{Lu}[\p{L}]*){0,${LONGEST_COUNTRY_WORDS - 1}})`, 'dgu');
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

/** The key of the country the first words of `words` name, the longest first; "US" and "UK" included. */
function countryAt(words: string): string | undefined {
  const parts = words.split(/[ \t]+/);
  for (let n = Math.min(parts.length, LONGEST_COUNTRY_WORDS); n >= 1; n--) {
    const key = countryKey(parts.slice(0, n));
    if (isCountryKey(key)) return key;
  }
  return undefined;
}

/** A numbered street before the town, a part or two between ("Home: 14 Mill Lane, Ystradowen", "9b Kirkgate, Flat 2, Leeds"). */
const NUMBERED_PART = /(?:^|[,:])[ \t]*\d{1,5}[A-Za-z]?[ \t]+\p{Lu}[^,\n]*,[ \t]*(?:[^,\n]*,[ \t]*){0,2}$/u;
/** Characters of the address line looked at before the town. */
const ADDRESS_WINDOW = 160;
/**
 * Whether a bare "US" or "UK" (`written`) closes an address here: in capitals, ending its line, after
 * a numbered street part and the town ("14 Mill Lane, Ystradowen, UK"). Elsewhere it is ultrasound
 * ("Radio, US"), the pronoun or a code.
 */
function closesAddress(t: string, townStart: number, written: string, countryEnd: number): boolean {
  if (!/^(?:US|UK)$/.test(written) || !/^[ \t.]*(?:\r?\n|$)/.test(t.slice(countryEnd, countryEnd + 8))) return false;
  return NUMBERED_PART.test(t.slice(Math.max(t.lastIndexOf('\n', townStart - 1) + 1, townStart - ADDRESS_WINDOW), townStart));
}

export function townBeforeCountrySpans(doc: Doc): Span[] {
  const t = doc.text;
  const out: Span[] = [];
  for (const m of /[,(][ \t]*\p{Lu}/u.test(t) ? t.matchAll(COUNTRY_AFTER) : []) {
    const country = countryAt(m[1]!);
    if (country === undefined) continue;
    // The country closes the part: "Mrs Jordan, Kenya Smith" lists persons.
    const countryStart = m.indices![1]![0];
    const countryEnd = countryStart + countryLength(m[1]!, country);
    if (!COUNTRY_CLOSES.test(t.slice(countryEnd, countryEnd + 3))) continue;
    // In brackets, the country alone: "(Northern Ireland, Med 3)" after a heading qualifies the form.
    if (t[m.index] === '(' && !/^[ \t]*\)/.test(t.slice(countryEnd, countryEnd + 3))) continue;
    const from = Math.max(0, m.index - TOWN_WINDOW);
    const place = TOWN_BEFORE.exec(t.slice(from, m.index));
    if (!place) continue;
    const town = place[1]!;
    const s = from + place.index;
    const e = s + town.length;
    // A bare "US" or "UK" (not "U.S.", "U.K.") only where an address closes.
    const written = t.slice(countryStart, countryEnd);
    if (isAbbreviationAlsoWord(country) && !written.includes('.') && !closesAddress(t, s, written, countryEnd)) continue;
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
