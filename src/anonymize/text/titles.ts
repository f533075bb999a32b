/**
 * Titles that open a name and are never part of it, folded (lower case, no accents, no dot): the gold and
 * the surrogates keep them outside the PERSON span. One list for the rules that must not take a title for
 * a name, a town or a hospital: the model-span filter, name propagation, the town stop list and the
 * known-hospital check.
 */
import { fold } from './normalize.js';

export const TITLE_WORDS: ReadonlySet<string> = new Set([
  'dr', 'drs', 'dra', 'dre', 'dott', 'pr', 'prof', 'docteur', 'doctor', 'professeur', 'mr', 'mrs', 'ms', 'miss', 'mme', 'mmes', 'mlle', 'madame', 'monsieur', 'm',
]);

/** One word that is a title, any case, with or without its dot: "Mrs", "M.", "Dr.". */
export function isTitleWord(word: string): boolean {
  return TITLE_WORDS.has(fold(word).replace(/\.$/, ''));
}

/** A title (any case, with or without its dot) and blanks ending the text before a word: "Dr ", "Mme. ". */
export const TITLE_ENDS_BEFORE = new RegExp(String.raw`(?<![\p{L}])(?:${[...TITLE_WORDS].join('|')})\.?[ \t]+$`, 'iu');

/** A title (lower case, with or without its dot) and blanks opening a folded cell or phrase: "dr ", "mme. " before a name. */
export const TITLE_OPENS = new RegExp(String.raw`^(?:${[...TITLE_WORDS].join('|')})\.?[ \t]+(?=\p{L})`, 'u');
