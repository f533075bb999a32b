import { communePopulation, communeRows, foldName, isFirstName } from '../gazetteers.js';
import { PRIORITY, type Doc, type Span } from '../types.js';
import { STREET_TYPES_FR } from './street-types.js';

/**
 * French communes written as one hyphenated compound ("Argenton-sur-Creuse", "Vitry-le-François",
 * "Saint-Aubin-sur-Yonne", "bagnoles-de-l'orne", "CHÂTEAU-GONTIER"): wherever they stand, such a compound
 * that the commune list holds is a town. The other place rules want a context (a postal code, "à", a
 * dateline), and notes name a town's compound bare: "Station choisie : Bagnoles-de-l'Orne", "site
 * d'Argenton-sur-Creuse", "GENDARMERIE DE CHÂTEAU-GONTIER". The hyphens make a chance match rare; the
 * rule still asks for a link word inside ("-sur-", "-de-", "-lès-"), or else two parts neither of which
 * is a first name ("Jean-Pierre", "Marie-Claude" are people) nor a saint's ("Saint-Louis", "Sainte-Anne", "Notre-Dame"
 * also name hospitals, churches and people). Merged communes are still written by their former name
 * ("Château-Gontier" is now "Château-Gontier-sur-Mayenne"): a compound that begins a listed commune's
 * name up to a link word counts too.
 */
/** The compound around a hyphen: letters and apostrophes joined by single hyphens, two to seven parts. */
const COMPOUND = /^[\p{L}][\p{L}'’]*(?:-[\p{L}][\p{L}'’]*){1,6}$/u;
const WORD_CHAR = /[\p{L}\p{N}'’-]/u;
/** An elided article glued before the compound ("d'Argenton-sur-Creuse", "l'Isle-Adam"): not part of the name. */
const ELISION = /^[dlDL]['’]/u;
/** The article some communes open on, written before the compound ("Le Chaffaut-Saint-Jurson"). */
const ARTICLE_BEFORE = /(?<![\p{L}])(?:Le|La|Les|LE|LA|LES|le|la|les)[ \t]$/u;
const LINK = new Set(['sur', 'sous', 'en', 'les', 'lez', 'le', 'la', 'de', 'du', 'des', 'aux', 'au', 'et', 'd', 'l']);
const SAINT = new Set(['saint', 'sainte', 'st', 'ste', 'notre']);
/** A street or a facility named after the town is the address's or the facility's rule ("rue de Vitry-le-François" is a street). */
const STREET_OR_FACILITY_BEFORE = new RegExp(
  String.raw`(?:^|[^\p{L}])(?:${STREET_TYPES_FR}|hopital|clinique|ch|chu|chr|centre hospitalier|ehpad)[ \t]+(?:(?:de|du|des|d['’])[ \t]*)?$`,
  'u',
);

let formerNames: Set<string> | undefined;

/**
 * "chateau gontier" of "chateau gontier sur mayenne", "bagnoles de l orne" of "bagnoles de l orne
 * normandie": the first two words or more of a listed name, ending on a word that is no link word.
 */
function isFormerName(key: string): boolean {
  if (!formerNames) {
    formerNames = new Set();
    for (const [, name] of communeRows()) {
      const words = foldName(name).split(' ');
      for (let i = 2; i < words.length; i++) if (!LINK.has(words[i - 1]!)) formerNames.add(words.slice(0, i).join(' '));
    }
  }
  return formerNames.has(key);
}

function population(name: string): number | undefined {
  const listed = communePopulation(name);
  if (listed !== undefined) return listed;
  return isFormerName(foldName(name)) ? 0 : undefined;
}

function isTown(compound: string): boolean {
  const lower = compound === compound.toLowerCase();
  const upper = compound === compound.toUpperCase();
  if (!lower && !upper && !/^\p{Lu}/u.test(compound)) return false;
  const parts = foldName(compound).split(' ');
  const linked = parts.slice(1, -1).some((p) => LINK.has(p)) || /['’]/.test(compound);
  const pop = population(compound);
  if (pop === undefined) return false;
  if (linked) return !lower || pop >= 1000;
  if (lower || SAINT.has(parts[0]!) || parts.length !== 2) return false;
  return !compound.split('-').some((p) => isFirstName(p)) && (pop >= 2000 || pop === 0);
}

export function hyphenatedCommuneSpans(doc: Doc): Span[] {
  const t = doc.text;
  const out: Span[] = [];
  // From each hyphen out to the word around it (a regex scan for compounds, tried at every position, cost
  // twenty times more).
  for (let hyphen = t.indexOf('-'); hyphen >= 0; hyphen = t.indexOf('-', hyphen + 1)) {
    let from = hyphen;
    while (from > 0 && WORD_CHAR.test(t[from - 1]!)) from--;
    let end = hyphen + 1;
    while (end < t.length && WORD_CHAR.test(t[end]!)) end++;
    hyphen = end;
    const wordStart = from;
    if (ELISION.test(t.slice(from, from + 2))) from += 2;
    const compound = t.slice(from, end);
    if (!COMPOUND.test(compound)) continue;
    if (STREET_OR_FACILITY_BEFORE.test(doc.folded.slice(Math.max(0, wordStart - 40), wordStart))) continue;
    let start = from;
    const article = ARTICLE_BEFORE.exec(t.slice(Math.max(0, start - 4), start));
    if (article && population(t.slice(start - article[0].length, end)) !== undefined) start -= article[0].length;
    else if (!isTown(compound)) continue;
    out.push({ start, end, label: 'CITY', score: 0.85, priority: PRIORITY.gazetteer, source: 'city-hyphenated-commune' });
  }
  return out;
}
