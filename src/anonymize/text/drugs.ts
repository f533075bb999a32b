import drugsData from './data/drugs.json' with { type: 'json' };
import { isFirstName, isLastName } from './gazetteers.js';
import { fold } from './normalize.js';

/**
 * Drug and brand names the model takes for people or places ("Lipitor", "paliperidone", "Zofran").
 * A gazetteer of single-word names (data/drugs.json, see data/drugs.LICENSE.md) and the WHO INN
 * stems that end most generic names (-mab, -pril, -sartan, -olol, -statin, -azole …). A name the
 * person gazetteers know is never a drug here, whatever the lists say: the veto must not leak a name.
 */
let drugs: Set<string> | undefined;

// International Nonproprietary Name stems, French spellings too ("-cilline", "-azépam" folded).
const INN_STEM =
  /(?:mab|pril|sartan|olol|alol|statin|statine|azole|prazole|oxacin|oxacine|cillin|cilline|cycline|mycin|mycine|micin|dipine|tidine|parin|parine|xaban|gatran|grel|tinib|ciclib|zepam|azepam|zolam|oxetine|triptan|afil|gliptin|gliptine|gliflozin|glitazone|lukast|semide|thiazide|profen|coxib|setron|perone|peridone|apine|pramine|triptyline|barbital|caine|olone|isone|asone|vudine|navir|tegravir|ciclovir|dronate|terol|tropium|plase|fungin|conazole|tadine|pirone|lamide|trexate|platin|rubicin|rubicine|taxel|tecan|vastatin|floxacin|ridone|oxine|zosin|zocine|teplase)$/;

export function isDrugName(word: string): boolean {
  const key = fold(word).replace(/[^a-z-]/g, '');
  if (key.length < 5 || isFirstName(key) || isLastName(key)) return false;
  drugs ??= new Set(drugsData as string[]);
  // A stem alone also ends surnames no list knows ("Bertolone", "Lacaine"): it names a drug only in
  // lower case, as generics are written mid-sentence; capitalised, only the gazetteer decides.
  return drugs.has(key) || (key.length >= 7 && INN_STEM.test(key) && word === word.toLowerCase());
}

/** Words that go with a drug name without naming anyone: forms, routes, "PRN", "LP", "maintena". */
const DRUG_COMPANION = /^(?:prn|lp|lm|sr|xr|xl|er|cr|la|od|bd|tds|qid|iv|im|po|sc|inj|retard|maintena|depot|sustenna|trinza|forte|mite|mylan|biogaran|teva|sandoz|arrow|zentiva|generique|generic|mg|ml|ui|iu|mcg|µg|\d+(?:[.,]\d+)?(?:mg|g|ml|ui|iu|mcg|µg)?)$/;

/** A span whose words are all drug names, with at most some form or route words after them. */
export function isDrugSpan(text: string): boolean {
  const words = text.split(/[\s,/-]+/).filter(Boolean);
  if (words.length === 0 || !isDrugName(words[0]!)) return false;
  return words.every((w) => isDrugName(w) || DRUG_COMPANION.test(fold(w)));
}
