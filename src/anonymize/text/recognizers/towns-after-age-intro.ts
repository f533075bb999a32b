import { isDictionaryWord } from '../bloom.js';
import { isDrugName } from '../drugs.js';
import { communePopulation, isFirstNameOfAnyList } from '../gazetteers.js';
import { TITLE_WORDS } from '../titles.js';
import { PRIORITY, type Doc, type Span } from '../types.js';
import { isTownOfAnyList } from './location.js';

/**
 * The town a lowercase note gives for a patient it has just introduced by age: "mme pelestor aline 58 ans, de seyne :",
 * "m. caussemille benoit 44 ans du lauzet-ubaye,", "lachlan murchison, 27, lives ensay.", "mrs pleasance joan (91) from
 * omakau,", "jayden walford, 8, with nan (mrs walford) from collarenebri.". The age, then within the same clause a word
 * of provenance or residence, then one to three lowercase words closed by punctuation or a bracket: no gazetteer knows
 * most of these villages, but after an age intro "de" + a word no dictionary holds names where the patient lives.
 * - Every word of the name must be no ordinary word, no first name and no drug ("de confiance", "du tronc", "de
 *   kassandra moreno", "de triptan"), unless the French commune list knows the whole name ("de vars", "de
 *   saint-crepin": words a dictionary also holds).
 * - Only a lowercase text: a capitalised town is read by the context rules (location.ts).
 */
// The age: with its unit ("58 ans", "44 ans", "92a"), between commas after the name (", 27,") or in brackets ("(91)");
// not any number before a comma ("Apgar 9,", "à 10:15,").
const AGE_THEN_CUE = /(?:,[ \t]*\d{1,3}[ \t]*[,)]|(?<![\p{L}\p{N}])\d{1,3}[ \t]?(?:ans|yo|y|a)(?![\p{L}])[,)]?|\(\d{2,3}\))[^.;\n]{0,40}?(?<![\p{L}])(from|de|du|lives|lives in|lives at|lives alone|lives alone at|habite|habite a)[ \t]+(\p{Ll}[\p{Ll}'’-]+(?:[ \t]\p{Ll}[\p{Ll}'’-]+){0,2})(?=[ \t]*(?:[.,:;)]|[ \t]\())/dgu;
const HINT = /\d[ \t]?(?:ans|yo|y|a)?[,)]?[^\n]{0,40}(?:from|de|du|lives|habite)[ \t]/u;
// Care's own words that no dictionary holds ("salle de coronarographie", "consultation de dermatochirurgie").
const MEDICAL_ENDING = /(?:logie|graphie|chirurgie|scopie|tomie|therapie|pathie|plastie|emie|algie|lyse|ite|ose|ome|isme)$/u;
const FACILITY_BEFORE = /(?:^|[^\p{L}])(?:ehpad|clinique|hopital|ch|chu|residence|foyer|maison|centre|center|hospital|home|clinic|practice|surgery)(?![\p{L}])[^,;()]*$/u;
const ARTICLE = /^(?:le|la|les|l')[ -]?/u;
const NOT_A_TOWN = new Set([...TITLE_WORDS, 'home', 'work', 'school', 'hospital', 'ward', 'bed', 'garde', 'retour', 'passage', 'novo', 'jour', 'nuit', 'domicile', 'alone']);

export function townsAfterAgeIntroSpans(doc: Doc): Span[] {
  const f = doc.folded;
  if (!HINT.test(f)) return [];
  const out: Span[] = [];
  for (const m of f.matchAll(AGE_THEN_CUE)) {
    const [start, end] = m.indices![2]!;
    // A lowercase text only: the same words in capitals are the context rules' to read.
    if (doc.text.slice(start, end) !== doc.text.slice(start, end).toLowerCase()) continue;
    // "(ehpad les restanques de cassis)": the town inside a facility's name is the facility's.
    if (FACILITY_BEFORE.test(f.slice(Math.max(0, m.indices![1]![0] - 32), m.indices![1]![0]))) continue;
    const name = m[2]!;
    const words = name.replace(ARTICLE, '').split(/[ '’-]/).filter((w) => w !== '');
    if (words.length === 0 || words.some((w) => NOT_A_TOWN.has(w))) continue;
    const knownCommune = communePopulation(name) !== undefined || isTownOfAnyList(name);
    const unknownWords = words.every((w) => w.length >= 3 && !isDictionaryWord(w) && !isFirstNameOfAnyList(w) && !isDrugName(w) && !MEDICAL_ENDING.test(w));
    if (!knownCommune && !unknownWords) continue;
    if (isFirstNameOfAnyList(words[0]!)) continue;
    out.push({ start, end, label: 'CITY', score: 0.75, priority: PRIORITY.model - 5, source: 'city-after-age-intro' });
  }
  return out;
}
