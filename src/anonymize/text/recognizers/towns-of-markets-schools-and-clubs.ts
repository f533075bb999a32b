import { isDictionaryWord } from '../bloom.js';
import { isFirstNameOfAnyList } from '../gazetteers.js';
import { isCountry } from '../countries.js';
import { fold } from '../normalize.js';
import { PRIORITY, type Doc, type Span } from '../types.js';

/**
 * The town after a place where people work, learn or gather, named by the town alone: "vendeuse au marché d'Adjamé",
 * "pêcheur au port d'agadir", "agression au dépôt de Chantepie", "le club de decize", "l'école de Couiza", "au collège de
 * Vouvant", "the school in Baie Lazare", "the power station at Otematata". A casual "school of <town>" names the town
 * (the read sets mark 37 such towns CITY), and no gazetteer knows most of these towns. Where the facility rules read
 * "l'école de Couiza" as a facility, the town outranks them. Not a "lycée de" (its two towns in the read sets are
 * marked as part of the school's name) nor a "village de" (a village with its landmarks is an address as often as a
 * town); not a place word in title case (a proper name: "Port de Toamasina", an employer) nor one after a landmark's
 * preposition ("non loin du marché de Houndé", part of an address).
 *   - The town: one to four capitalised words (link words between), or in a lowercase note one to three words that are
 *     no ordinary word ("club de decize", "marché de kilir").
 *   - Not a first name, a country ("Collège de France"), nor a word that says a kind ("école de gendarmerie", "gare de
 *     triage"), nor a date ("port du 30/11").
 */
const PLACE_FR = String.raw`marche|port|depot|stade|club|gare|aeroport|camping|plage|ecole|college|piscine|usine|caserne`;
const PLACE_EN = String.raw`school|market|station|plant|depot|factory|mill|mine|harbour|harbor|beach|club|church`;
const LINK = String.raw`(?:de|du|des|la|le|les|sur|sous|en|d'|l'|saint|sainte|st|ste)`;
const CAPITALISED = String.raw`\p{Lu}[\p{L}'’]*(?:-\p{L}[\p{L}'’]*)*`;
const TOWN_CAPITALISED = String.raw`${CAPITALISED}(?:[ \t-](?:${LINK}[ \t-]|[dl]['’])?${CAPITALISED}){0,3}`;
const LOWER = String.raw`\p{Ll}[\p{Ll}'’]{2,}(?:-\p{Ll}[\p{Ll}'’]*)*`;
// The place and its link word are read on the folded view (accents stripped, same offsets), the town on the text,
// where its capitals are.
const PLACE_THEN_LINK_FR = new RegExp(String.raw`(?<![\p{L}])(?:${PLACE_FR})[ \t]+(?:de[ \t]+|d'|du[ \t]+)`, 'gu');
const PLACE_THEN_LINK_EN = new RegExp(String.raw`(?<![\p{L}])(?:${PLACE_EN})[ \t]+(?:in|at|near)[ \t]+`, 'gu');
const TOWN_FR = new RegExp(String.raw`${TOWN_CAPITALISED}|${LOWER}(?:[ \t]${LOWER}){0,2}`, 'uy');
const TOWN_EN = new RegExp(TOWN_CAPITALISED, 'uy');
const LANDMARK_BEFORE = /(?:pres|loin|cote|derriere|devant|face|behind|near|opposite|next to)[ \t]+(?:du|de la|de l'|d'|de|le|la|the|of the)?[ \t]*$/u;
const HINT = new RegExp(String.raw`(?<![\p{L}])(?:${PLACE_FR}|${PLACE_EN})[ \t]`, 'u');
// What closes a town's name: punctuation, a line's end, a bracket, or a lowercase word.
const CLOSED = /^(?:[ \t]*(?:[.,;:!?)(\n–—]|$)|[ \t]+\p{Ll})/u;

function mayBeTown(name: string, lowercaseText: boolean): boolean {
  const words = name.split(/[ \t]+/);
  if (isFirstNameOfAnyList(words[0]!) || isCountry(name)) return false;
  if (name === name.toLowerCase()) {
    // A lowercase note's town: no word of it an ordinary word ("ecole de gendarmerie", "gare de triage").
    return lowercaseText && words.every((w) => w.split('-').every((p) => !isDictionaryWord(fold(p).replace(/['’]/g, ''))));
  }
  // Capitalised: not one ordinary word alone ("Port de Plaisance"), nor a heading's capitals of one ("ÉCOLE DE MUSIQUE").
  return !(words.length === 1 && isDictionaryWord(fold(name).replace(/['’]/g, '')));
}

export function townsOfMarketsSchoolsAndClubsSpans(doc: Doc): Span[] {
  const f = doc.folded;
  if (!HINT.test(f)) return [];
  const text = doc.text;
  const lowercaseText = text === text.toLowerCase();
  const out: Span[] = [];
  for (const [placeThenLink, town] of [[PLACE_THEN_LINK_FR, TOWN_FR], [PLACE_THEN_LINK_EN, TOWN_EN]] as const) {
    for (const m of f.matchAll(placeThenLink)) {
      // A place word in title case is a proper name's ("Port de Toamasina", an employer); a landmark before it makes
      // the phrase part of an address ("non loin du marché de Houndé").
      const place = text.slice(m.index, m.index + m[0].search(/[ \t]/u));
      if (/^\p{Lu}\p{Ll}/u.test(place) || LANDMARK_BEFORE.test(f.slice(Math.max(0, m.index - 16), m.index))) continue;
      const start = m.index + m[0].length;
      town.lastIndex = start;
      const name = town.exec(text)?.[0];
      if (!name) continue;
      const end = start + name.length;
      if (!CLOSED.test(text.slice(end, end + 2)) || !mayBeTown(name, lowercaseText)) continue;
      out.push({ start, end, label: 'CITY', score: 0.8, priority: PRIORITY.pattern - 5, source: 'city-of-market-school-or-club' });
    }
  }
  return out;
}
