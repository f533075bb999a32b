import { isDictionaryWord } from '../bloom.js';
import { isDrugName } from '../drugs.js';
import { communePopulation, isFirstNameOfAnyList } from '../gazetteers.js';
import { TITLE_WORDS } from '../titles.js';
import { PRIORITY, type Doc, type Span } from '../types.js';
import { isTownOfAnyList } from './location.js';

/**
 * The town a lowercase note gives for a patient it has just introduced by age, or for a relative it names: "mme pelestor aline 58 ans, de seyne :",
 * "m. caussemille benoit 44 ans du lauzet-ubaye,", "lachlan murchison, 27, lives ensay.", "mrs pleasance joan (91) from
 * omakau,", "jayden walford, 8, with nan (mrs walford) from collarenebri.". The age, then within the same clause a word
 * of provenance or residence, then one to three lowercase words closed by punctuation or a bracket: no gazetteer knows
 * most of these villages, but after an age intro "de" + a word no dictionary holds names where the patient lives.
 * - Every word of the name must be no ordinary word, no first name and no drug ("de confiance", "du tronc", "de
 *   kassandra moreno", "de triptan"), unless the French commune list knows the whole name ("de vars", "de
 *   saint-crepin": words a dictionary also holds).
 * - A relative's town follows the relative's name in brackets, between commas or after "from", "at", "de": "fils
 *   raymond (serverette) prevenu", "sa niece mme cocquerel (le crotoy, 03 22 27 84 16)", "son ian mcgillivray,
 *   benambra, 0417 220 958", "brother duncan harcourt from patearoa visited", "daughter lorraine at naseby told".
 * - Only a lowercase text: a capitalised town is read by the context rules (location.ts).
 */
// The age: with its unit ("58 ans", "44 ans", "92a"), between commas after the name (", 27,") or in brackets ("(91)");
// not any number before a comma ("Apgar 9,", "à 10:15,").
const AGE_THEN_CUE = /(?:,[ \t]*\d{1,3}[ \t]*[,)]|(?<![\p{L}\p{N}])\d{1,3}[ \t]?(?:ans|yo|y|a)(?![\p{L}])[,)]?|\(\d{2,3}\))[^.;\n]{0,40}?(?<![\p{L}])(from|de|du|lives|lives in|lives at|lives alone|lives alone at|habite|habite a)[ \t]+(\p{Ll}[\p{Ll}'’-]+(?:[ \t]\p{Ll}[\p{Ll}'’-]+){0,2})(?=[ \t]*(?:[.,:;)]|[ \t]\())/dgu;
// "son" is English only: in French it is "his" ("son adresse a changé", "avec son stylo").
const RELATIVE = 'fils|fille|daughter|brother|frere|soeur|sister|niece|nephew|neveu|wife|epouse|husband|mari|mother|mere|father|pere|partner|cousin|cousine|petit-fils|petite-fille|grandson|granddaughter|aunt|uncle|tante|oncle';
const relativeThenTown = (relative: string) => new RegExp(
  String.raw`(?<![\p{L}])(?:${relative})[ \t]+(?:(?:mme|mr|mrs|ms|m\.)[ \t]+)?\p{Ll}[\p{Ll}'’-]+(?:[ \t]+\p{Ll}[\p{Ll}'’-]+){0,2}[ \t]*(\(|,[ \t]*|[ \t]+(?:from|at|in|de|du|a)[ \t]+)` +
    String.raw`(\p{Ll}[\p{Ll}'’-]+(?:[ \t]\p{Ll}[\p{Ll}'’-]+){0,2})(?=[ \t]*(?:[.,:;)]|[ \t]\())`,
  'dgu',
);
const RELATIVE_THEN_TOWN = relativeThenTown(RELATIVE);
const RELATIVE_THEN_TOWN_EN = relativeThenTown(`${RELATIVE}|son`);
const RELATIVE_HINT = new RegExp(`(?<![\\p{L}])(?:${RELATIVE}|son)[ \\t]`, 'u');
const HINT = /\d[ \t]?(?:ans|yo|y|a)?[,)]?[^\n]{0,40}(?:from|de|du|lives|habite)[ \t]/u;
// Care's own words that no dictionary holds ("salle de coronarographie", "consultation de dermatochirurgie").
const MEDICAL_ENDING = /(?:logie|graphie|chirurgie|scopie|tomie|therapie|pathie|plastie|emie|algie|lyse|ite|ose|ome|isme)$/u;
const FACILITY_BEFORE = /(?:^|[^\p{L}])(?:ehpad|clinique|hopital|ch|chu|residence|foyer|maison|centre|center|hospital|home|clinic|practice|surgery)(?![\p{L}])[^,;()]*$/u;
const ARTICLE = /^(?:le|la|les|l')[ -]?/u;
const NOT_A_TOWN = new Set([...TITLE_WORDS, 'home', 'work', 'school', 'hospital', 'ward', 'bed', 'garde', 'retour', 'passage', 'novo', 'jour', 'nuit', 'domicile', 'alone', 'nok', 'ssiad', 'urdu', 'hindi', 'punjabi', 'farsi', 'dari', 'pashto', 'tigrinya', 'somali', 'amharic', 'tagalog', 'mandarin', 'cantonese']);

export function townsAfterIntroSpans(doc: Doc): Span[] {
  const f = doc.folded;
  const out: Span[] = [];
  const relatives = doc.lang === 'en' ? RELATIVE_THEN_TOWN_EN : RELATIVE_THEN_TOWN;
  const matches = [...(HINT.test(f) ? f.matchAll(AGE_THEN_CUE) : []), ...(RELATIVE_HINT.test(f) ? f.matchAll(relatives) : [])];
  for (const m of matches) {
    const [start, end] = m.indices![2]!;
    // A lowercase text only: the same words in capitals are the context rules' to read.
    if (doc.text.slice(start, end) !== doc.text.slice(start, end).toLowerCase()) continue;
    // "(ehpad les restanques de cassis)": the town inside a facility's name is the facility's.
    if (FACILITY_BEFORE.test(f.slice(Math.max(0, m.indices![1]![0] - 32), m.indices![1]![0]))) continue;
    // The longest run of the first words that is a town, the words after it ordinary ones ("naseby told,").
    const blanks = [...m[2]!.matchAll(/[ \t]/g)].map((b) => b.index);
    for (const cut of [...blanks.map((b) => start + b), end].reverse()) {
      const rest = f.slice(cut, end).trim();
      if (rest !== '' && !rest.split(/[ \t]+/).every((w) => isDictionaryWord(w))) break;
      if (isTown(f.slice(start, cut))) {
        out.push({ start, end: cut, label: 'CITY', score: 0.75, priority: PRIORITY.model - 5, source: 'city-after-intro' });
        break;
      }
    }
  }
  return out;
}

/** Folded words no dictionary holds and no first name, or a commune the lists know (see above). */
export function isTown(name: string): boolean {
  const words = name.replace(ARTICLE, '').split(/[ '’-]/).filter((w) => w !== '');
  if (words.length === 0 || words.some((w) => NOT_A_TOWN.has(w)) || isFirstNameOfAnyList(words[0]!)) return false;
  // A listed commune of one ordinary word ("son", "pont", "école", "cordon") is the word.
  if ((communePopulation(name) !== undefined || isTownOfAnyList(name)) && (words.length > 1 || !isDictionaryWord(words[0]!))) return true;
  return words.every((w) => w.length >= 4 && !isDictionaryWord(w) && !isFirstNameOfAnyList(w) && !isDrugName(w) && !MEDICAL_ENDING.test(w));
}
