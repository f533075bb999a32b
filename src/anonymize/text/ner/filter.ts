import { isDictionaryWord } from '../bloom.js';
import { communePopulation, isFirstName, isLastName } from '../gazetteers.js';
import { FACILITY_WORD } from '../facility-words.js';
import { fold } from '../normalize.js';
import { isMicrobeName, looksLikeSpeciesEpithet } from '../microbes.js';
import { TITLE_WORDS } from '../titles.js';
import { weekdayAbbreviationBeforeDayNumber } from '../recognizers/dates-named-alone.js';
import { isDepartmentName, onlyDepartmentWordsEn, onlyDepartmentWordsFr } from '../recognizers/departments.js';
import type { Doc, Span } from '../types.js';
import {
  afterStreetOrPostcode,
  announcedAsName,
  countryOrNationality,
  fieldName,
  firmNotPerson,
  isCountryOrRegion,
  isKnownName,
  notAFacility,
  notATown,
  personNotPlace,
  placeNotPerson,
} from './label-checks.js';

/**
 * The model is small and trained on synthetic text, so its spans that no rule confirms must look
 * like what they claim to be: a person is capitalised or a known name, a city is capitalised or a
 * known commune, a hospital names something, an address has a number or a street word. Spans the
 * model is unsure of are dropped.
 */
// Fixed, not read from the environment: an unchecked variable set to 1 would silently drop every model
// span and leave names in clear text. 0.45 since 2026-11-30 (0.65 before): on the read hand-written
// sets (dev, holdout9..21: 15,380 spans) 0.65 threw away ~230 true names, towns and facilities the
// checks below would have kept, for ~240 spans that are not PHI of that label; recall 0.925 -> 0.935,
// precision 0.934 -> 0.922 (docs/text.md). Lower still bought one name for two false spans.
const MODEL_MIN_SCORE = 0.45;
const SURE_FACILITY_SCORE = 0.97;
/** A word of three letters or more, not in capitals or digits only, that no dictionary holds, no title or facility word ("Mme", "care"). */
function properWord(w: string): boolean {
  const key = fold(w).replace(/[^\p{L}'-]/gu, '');
  return key.length >= 3 && !/^[\p{Lu}\d]+$/u.test(w) && !isDictionaryWord(key) && !TITLE_WORDS.has(key) && !FACILITY_WORD.test(key);
}
const LOWERCASE_PERSON_MIN_SCORE = 0.8;
/** An address with neither a street word nor a number before a name (a named house, a lieu-dit). */
const SURE_ADDRESS_MIN_SCORE = 0.9;

const STREET_WORD = /\b(?:rue|avenue|av|ave|bd|blvd|boulevard|chemin|allee|impasse|route|quai|place|cours|street|st|road|rd|lane|ln|drive|dr|way|court|ct|close|terrace|hent|hwy|highway|pkwy|parkway|plaza|suite|apt|flat|crescent|mews|lieu-dit|ld|hameau|mas|lotissement|residence|batiment|bat)\b|\bp\.?\s?o\.?\s?box[\s.]*\d/;
const HOSPITAL_WORD = /\b(?:hopital|hospital|chu|ch|chr|chru|clinique|clinic|centre|center|institut|institute|infirmary|ehpad|ssr|usld|residence|maison|polyclinique|gh|medical|health|sante|fondation)\b/;
/** A facility named after a person keeps the person's name ("laboratoire du Dr Perrin"): a span that stops on the title is cut short, not a facility. */
const LINK_WORD_AT_END = /^(?:de|du|des|d'|la|le|les|l'|of|the|and|et|for|pour)$/;
const LINK_WORD_AT_START = /^(?:of|the|des|du|de|la|le|les)$/;

/**
 * Words that are never a name, place or facility on their own, although name lists hold some of them
 * (Sam, Best, Unique, Royal): function words, weekdays, months that are not also first names, titles
 * and form labels. A model span made only of these is dropped.
 */
const NEVER_ALONE = new Set([
  // French function words
  'le', 'la', 'les', 'l', 'un', 'une', 'des', 'du', 'de', 'd', 'au', 'aux', 'ce', 'cet', 'cette', 'ces', 'il', 'elle', 'ils', 'elles', 'on', 'nous',
  'vous', 'je', 'se', 'sa', 'son', 'ses', 'sur', 'sous', 'par', 'pour', 'avec', 'sans', 'chez', 'dans', 'en', 'et', 'ou', 'ni', 'mais', 'donc', 'car',
  'qui', 'que', 'quoi', 'dont', 'ne', 'pas', 'plus', 'tres', 'bien', 'unique', 'seul', 'seule', 'tout', 'toute', 'tous', 'toutes',
  // English function words and modal verbs
  'the', 'a', 'an', 'of', 'to', 'in', 'on', 'at', 'by', 'for', 'with', 'from', 'and', 'or', 'but', 'nor', 'he', 'she', 'it', 'they', 'we', 'you',
  'his', 'her', 'their', 'our', 'my', 'your', 'its', 'this', 'that', 'these', 'those', 'might', 'shall', 'could', 'would', 'should', 'must', 'no', 'not', 'yes',
  // weekdays; months that are not also first names (April, May, June, August, Mai are)
  'lundi', 'mardi', 'mercredi', 'jeudi', 'vendredi', 'samedi', 'dimanche',
  'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday',
  'janvier', 'fevrier', 'mars', 'avril', 'juin', 'juillet', 'aout', 'septembre', 'octobre', 'novembre', 'decembre',
  'january', 'february', 'march', 'july', 'september', 'october', 'november', 'december',
  // chat and SMS words ("ok", "va", "stp", "rdv")
  'ok', 'okay', 'va', 'vais', 'vas', 'lol', 'mdr', 'stp', 'svp', 'bcp', 'pk', 'pcq', 'tkt', 'rdv', 'btw', 'pls', 'plz', 'thx', 'asap', 'ptdr', 'jsp', 'oki',
  // the word a chat reply opens on ("Parfait, c'est noté", "Allez-y le matin"): no set marks one
  'parfait', 'parfaite', 'merci', 'super', 'entendu', 'nickel', 'genial', 'voila', 'allez', 'allezy', 'juste', 'oui', 'bonjour', 'bonsoir', 'salut', 'coucou',
  'perfect', 'great', 'thanks', 'noted', 'sure', 'cheers',
  // greetings and thanks of the languages the threads mix in (Māori, Tahitian, Creole, Welsh, Fijian, Samoan), "Papa"
  // and "Maman" as a family calls them, a German header's "Von" ("Von / De :"), and an imperative opening a message
  'kia', 'ora', 'ia', 'bonzour', 'bonjou', 'mersi', 'mesi', 'diolch', 'bula', 'talofa', 'mwen', 'papa', 'maman', 'mama', 'mum', 'mom', 'dad',
  'von', 'come', 'bon', 'kub',
  // the German of a bilingual Swiss letter: its closing, its negations, whom a copy goes to ("Freundliche Grüsse",
  // "Mit freundlichen Grüßen" — the fold reads "ß" as one "s" —, "keine Lähmung", "Hausärztin", "Ehefrau wurden informiert")
  'mit', 'keine', 'kein', 'freundliche', 'freundlichen', 'grusse', 'grussen', 'gruse', 'grusen', 'hausarzt', 'hausarztin', 'ehefrau', 'ehemann',
  'wurden', 'informiert', 'kopie',
  // Haitian and Antillean Creole words a chat line opens on, which the model reads as names ("Nou lakay !", "Kijan ti
  // pitit la ye ?", "Tanpri mennen l", "Mèsi Bondyé"); not "li", "yo" or "nan", which are also names, nor two letters
  // ("K.A." folds to "ka")
  'nou', 'pran', 'kijan', 'tanpri', 'bondye', 'fanmi', 'kisa', 'nimewo', 'dosye', 'lakay', 'rive', 'vin', 'cheche',
  'pote', 'kane', 'vaksen', 'demen', 'jodi', 'dokte', 'lopital', 'anpil', 'souple', 'kounye', 'chanm', 'manje', 'malad', 'pitit',
  // Mauritian Creole ("Mo kapav al get li", "bann gro bul", "enn nouvo medikaman", "Grann pe dormi"); not "li", "mo",
  // "ena" nor "pena", which are also names ("Ena", "Peña" folded)
  'bann', 'enn', 'kapav', 'koz', 'nouvo', 'gro', 'bul', 'zordi', 'lanwit', 'travay', 'lwin', 'analiz', 'medikaman', 'grann',
  // Afrikaans, Albanian and Icelandic words family threads open on or greet with ("Goeie môre", "Baie dankie Tannie",
  // "Lekker slaap", "Het iemand …", "Faleminderit daja", "Mjeku tha …", "Elsku pabbi", "Kær kveðja"), and what a
  // family calls a father or an aunt there; not "Ouma", also a surname ("Dr Ouma"), nor "Kam", a first name
  'goeie', 'hulle', 'het', 'iemand', 'baie', 'dankie', 'tannie', 'oupa', 'lekker', 'slaap', 'faleminderit', 'pershendetje', 'daja',
  'babi', 'mjeku', 'tha', 'letren', 'elsku', 'pabbi', 'kveja',
  // titles (the shared list) and form labels
  ...TITLE_WORDS, 'date', 'acc', 'ref', 'tel', 'fax', 'nom', 'name',
]);
/** Never a name when written in lower case ("may", "will"), though "May" and "Will" are first names. */
const NEVER_ALONE_LOWERCASE = new Set(['may', 'will', 'can', 'best', 'mark', 'bill', 'rose', 'grace', 'faith', 'hope', 'joy',
  // colours ("small brown one", "stoma is pink"), a walking aid, a vehicle, a grade ("beta-thal major")
  'brown', 'pink', 'white', 'black', 'green', 'grey', 'gray', 'walker', 'van', 'major', 'king']);
/** A closing formula ("Best,", "Regards,") starts a line and ends it or takes a comma. */
const CLOSING = new Set(['best', 'regards', 'thanks', 'cheers', 'cordialement', 'amities']);

/** A word's letters, folded, as the word lists hold them ("Grüßen" → "grusen", "Dr." → "dr"). */
function letterKey(word: string): string {
  return fold(word).replace(/[^a-z]/g, '');
}

function neverAlone(span: Span, doc: Doc, words: string[]): boolean {
  if (words.length !== 1) return words.every((w) => NEVER_ALONE.has(letterKey(w)));
  const word = words[0]!;
  const key = letterKey(word);
  const after = doc.text.slice(span.end, span.end + 4);
  return (
    NEVER_ALONE.has(key) ||
    (word === word.toLowerCase() && NEVER_ALONE_LOWERCASE.has(key)) ||
    // Weekday abbreviations ("le sam, 10 oct"; "Sat 12/03") only before a day number: "Sam" is also a first name.
    weekdayAbbreviationBeforeDayNumber(key, after) ||
    (CLOSING.has(key) && /^[ \t]*(?:,|\n|$)/.test(after) && /(?:^|\n)[ \t]*$/.test(doc.text.slice(Math.max(0, span.start - 20), span.start)))
  );
}

/**
 * Medical word shapes the model takes for names: a procedure, an examination, an inflammation or a
 * disease by its Greek or Latin ending ("cholécystectomie", "Coronarographie", "pulpite", "neoadjuvant"), a German
 * Swiss letter's findings ("Diffusionsstörung", "Lähmung", "Nachkontrolle"),
 * an enlarged organ, a fusion or a palsy ("splénomégalie", "ténodèse", "hémiplégie"), a specialist
 * ("rhumatologue"), a bacterial genus ("Campylobacter").
 * Only for words no name list knows ("Marguerite" ends in -ite).
 */
const MEDICAL_ENDING =
  /(?:ectomie|ectomy|otomie|otomy|ostomie|ostomy|graphie|graphy|scopie|scopy|plastie|plasty|pathie|pathy|algie|algia|emie|emia|osis|adjuvant|adjuvante|megalie|megaly|ologist|desis|plegie|plegia|reflexia|bacter|storung|lahmung|kontrolle)$/;
/**
 * Endings that surnames have too ("Salogue", "Bardèse", "Kalitis"): a medical word ("rhumatologue",
 * "ténodèse", "arthritis") unless the text announces a name there (a title or a first name just
 * before) or capitalises it inside a sentence, where a specialty or a disease is written in lower case.
 */
const SURNAME_LIKE_MEDICAL_ENDING = /(?:logue|dese|itis)$/;
/** "-ite(s)", "-ose(s)" end surnames too ("Larose", "Lafite"): a medical word only when written in lower case ("pulpite"). */
const SHORT_MEDICAL_ENDING = /(?:ites?|oses?)$/;
function medicalWord(word: string, nameAnnounced = false): boolean {
  const key = letterKey(word);
  if (key.length < 6 || isFirstName(word) || isLastName(word)) return false;
  if (SURNAME_LIKE_MEDICAL_ENDING.test(key)) return word === word.toLowerCase() || !nameAnnounced;
  return MEDICAL_ENDING.test(key) || (SHORT_MEDICAL_ENDING.test(key) && word === word.toLowerCase());
}

/** A capitalised word inside a sentence: the character before the span (spaces skipped) is a lowercase letter or a comma. */
function capitalisedInsideSentence(span: Span, doc: Doc, word: string): boolean {
  if (!/^\p{Lu}\p{Ll}/u.test(word)) return false;
  return /[\p{Ll},][ \t]+$/u.test(doc.text.slice(Math.max(0, span.start - 4), span.start));
}

/**
 * A lowercase combining form before a hyphen ("maxillo-faciale", "thyro-mentonnière",
 * "maculo-papuleux"): the first half of a medical compound, never a name.
 */
function combiningFormBeforeHyphen(span: Span, doc: Doc, text: string): boolean {
  return /^\p{Ll}[\p{Ll}]*o$/u.test(text) && /^-\p{Ll}/u.test(doc.text.slice(span.end, span.end + 2));
}

/** A relative's word right before a name ("husband Paddy", "sa fille Rose"). Folded text. */
const RELATIVE_BEFORE =
  /(?:^|[^\p{L}])(?:husband|wife|son|daughter|mother|father|mum|mom|dad|sister|brother|partner|boyfriend|girlfriend|fiance|fiancee|neighbour|neighbor|grandson|granddaughter|grandmother|grandfather|grandma|grandpa|aunt|auntie|uncle|cousin|nephew|niece|mari|epouse|epoux|femme|fils|fille|mere|pere|soeur|frere|conjoint|conjointe|compagnon|compagne|voisin|voisine|petit-fils|petite-fille|tante|oncle|cousine|neveu)[ \t]+$/u;

/** Possessives never open a name ("His Kaiser MRN", "my father"). */
const POSSESSIVE = new Set(['my', 'his', 'her', 'our', 'their', 'your', 'its']);
/** A span that ends on the noun of a form label ("NHS number", "Kaiser ID") names a number, not a person. */
const FORM_NOUN = new Set(['number', 'numbers', 'no', 'id', 'numero', 'card', 'carte', 'account', 'mrn']);
/**
 * An imaging examination names the body part after it ("MRI BRAIN", "CT HEAD", "IRM CEREBRALE"). Words
 * in any case; acronyms only in capitals, since "us", "pet" and "ct" are also words ("told us John").
 */
const IMAGING_WORD_BEFORE = /(?:^|[^\p{L}])(?:angio-?irm|angioscanner|scanner|x-?ray|echographie|ultrasound|doppler)[ \t]+$/u;
const IMAGING_ACRONYM_BEFORE = /(?:^|[^\p{L}])(?:MRI|MRA|CTA?|PET|IRM|TDM|XR|US)[ \t]+$/u;

/**
 * "No" is a form noun only as an abbreviation ("NHS No.", "Patient No:"): bare, it is also a surname
 * (Korean "No", "Kim No"), and dropping it would leak the name.
 */
function endsOnFormNoun(span: Span, doc: Doc, words: readonly string[]): boolean {
  const lastWord = words[words.length - 1]!;
  const noun = letterKey(lastWord);
  if (!FORM_NOUN.has(noun)) return false;
  const valueAfter = /^[.:°#]|^[ \t]*(?:[:#]|\d)/.test(doc.text.slice(span.end, span.end + 3)) || /[.:°]$/.test(lastWord);
  if (noun === 'no') return valueAfter;
  // Card, Number, Account, Carte are surnames too ("Emily Card"): after a known first name, capitalised
  // and with no value after it, the word is the surname, and dropping the span would leak the name.
  const surname = /^\p{Lu}\p{Ll}+$/u.test(lastWord) && isFirstName(words[words.length - 2]!);
  return valueAfter || !surname;
}

/** The noun of a form label right after a one-word span ("Aetna card", "Kaiser ID"): the span names who issued a number. */
function beforeFormNoun(span: Span, doc: Doc): boolean {
  const next = /^[ \t]+(\p{L}+)/u.exec(doc.text.slice(span.end, span.end + 12))?.[1];
  return next !== undefined && FORM_NOUN.has(fold(next)) && (next === next.toLowerCase() || next === next.toUpperCase());
}

function notANameAround(span: Span, doc: Doc, words: string[]): boolean {
  if (words.length > 1 && endsOnFormNoun(span, doc, words)) return true;
  const from = Math.max(0, span.start - 16);
  return IMAGING_WORD_BEFORE.test(doc.folded.slice(from, span.start)) || IMAGING_ACRONYM_BEFORE.test(doc.text.slice(from, span.start));
}

/** An upper-case word of at most four letters that no name list knows is an acronym (MDPH, ESAT, ICU, NIR), not a name or place. */
function isAcronym(word: string): boolean {
  const letters = word.replace(/[^\p{L}]/gu, '');
  return letters.length >= 2 && letters.length <= 4 && letters === letters.toUpperCase() && !isFirstName(letters) && !isLastName(letters);
}

const LOWERCASE_TOWN_MIN_SCORE = 0.9;
/** Single capitals with a dot after one of them at least, a hyphen allowed between: "J.M.", "K.O.", "J-P.H.", "T.D.N.". */
const DOTTED_INITIALS = /^(?=[^.]*\.)\p{Lu}(?:(?:\.-?|-)\p{Lu}){1,3}\.?$/u;
/** Canadian provinces abbreviated the French way look like initials ("Medicare N.-B.", "Halifax (N.-É.)"). */
const PROVINCE_INITIALS = /^(?:N\.-[BÉE]\.|Î\.-P\.-É\.|T\.-N\.-L\.|T\.N\.-O\.)$/u;
/** A capitalised surname right after an initial (the initial's dot may be outside the span). */
const SURNAME_AFTER_INITIAL = /^\.?[ \t]+\p{Lu}[\p{Ll}'’]+(?:-\p{Lu}[\p{Ll}'’]+)?(?![\p{L}])/u;

/** Initials with their dots ("J.K.M.", "J-P.H.", "H.K.") in a PERSON span: a person the model read, not an acronym (provinces excepted). */
function personInitials(span: Span, word: string): boolean {
  return span.label === 'PERSON' && DOTTED_INITIALS.test(word) && !PROVINCE_INITIALS.test(word);
}

/** The word cut by a line-end hyphen joined again ("franche-⏎leins" → "francheleins"). */
function unwrap(text: string): string {
  return text.replace(/-[ \t]*\r?\n[ \t]*/gu, '');
}

// Remembered per document: asked for every model span on a line in capitals, and on an all-capitals
// document the scan reads the whole text each time (spans × length).
const ALL_CAPITALS = new WeakMap<Doc, boolean>();
/** A document written all in capitals (fax, telex, OCR): its lines in capitals are not headings. */
function allCapitals(doc: Doc): boolean {
  let all = ALL_CAPITALS.get(doc);
  if (all === undefined) ALL_CAPITALS.set(doc, (all = !/\p{Ll}/u.test(doc.text)));
  return all;
}

function headOrFunctionWord(word: string): boolean {
  const key = fold(word);
  return NEVER_ALONE.has(key.replace(/[^a-z]/g, '')) || HOSPITAL_WORD.test(key) || FACILITY_WORD.test(key);
}

/** A word any dictionary knows (each part of a hyphenated word: "large-volume", "alcohol-related"). */
function ordinaryWord(word: string): boolean {
  const parts = fold(word).split('-').map((p) => p.replace(/[^a-z]/g, '')).filter(Boolean);
  return parts.length > 0 && parts.every((p) => NEVER_ALONE.has(p) || isDictionaryWord(p));
}

/**
 * Ordinary words in sentence case ("Revenus stables", "Unité neurovasculaire"): only the first word
 * capitalised, every other one in lower case, all of them dictionary words. A facility or employer
 * that names itself capitalises its words ("Home Depot", "Whole Foods") or has a hospital word.
 */
function sentenceCasePhrase(words: string[]): boolean {
  return words.length > 1 && words.slice(1).every((w) => w === w.toLowerCase()) && words.every(ordinaryWord);
}

/**
 * The lowercase end of a word cut by a line-end hyphen ("con-⏎tacter"): the two halves make one
 * dictionary word. A name cut the same way keeps its capitals ("MONTSER-⏎RAT") or makes no word.
 */
function tailOfWrappedWord(span: Span, doc: Doc, text: string): boolean {
  if (!/^\p{Ll}+$/u.test(text)) return false;
  const head = /(\p{Ll}+)-[ \t]*\r?\n[ \t]*$/u.exec(doc.text.slice(Math.max(0, span.start - 30), span.start));
  return head !== null && isDictionaryWord(fold(head[1]! + text));
}

/**
 * Any of a-z: then the text is not in capitals (upper-casing never shortens a text, so a text equal to
 * its upper case has every character unchanged). Found in the first few characters of most lines,
 * where upper-casing and stripping the whole line cost per span (a line can be a whole note).
 */
function hasAsciiLowercase(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code >= 97 && code <= 122) return true;
  }
  return false;
}

/**
 * Letters that fill two UTF-16 units at least, as `text.replace(/[^\p{L}]/gu, '').length >= 2` counts
 * them (two letters, or one outside the Basic Multilingual Plane), without building the string of
 * letters for every model span.
 */
const TWO_LETTER_UNITS = /\p{L}[^]*\p{L}|(?=\p{L})[\u{10000}-\u{10FFFF}]/u;
export function twoLetterUnits(text: string): boolean {
  return TWO_LETTER_UNITS.test(text);
}

function tokens(s: string): string[] {
  return s.split(/[\s,]+/).filter((t) => /\p{L}/u.test(t));
}

/**
 * Whether a model span is kept; a span whose label is plainly wrong but that still names PHI gets the
 * right one (in place) rather than being dropped, and an initial the model cut from its surname is
 * grown over the surname (in place too) before it is judged.
 */
export function plausibleModelSpan(span: Span, doc: Doc): boolean {
  if (span.score < MODEL_MIN_SCORE) return false;
  const text = doc.text.slice(span.start, span.end);
  const folded = doc.folded.slice(span.start, span.end);
  const words = tokens(text);
  // An initial the model cut from its surname ("Confraternellement, H.| Lambinet", "Logged by P.|
  // Adeyemi"): the span takes the capitalised word after it and is judged whole, not dropped as one letter.
  if (span.label === 'PERSON' && /^\p{Lu}\.?$/u.test(text)) {
    const surname = SURNAME_AFTER_INITIAL.exec(doc.text.slice(span.end, span.end + 40));
    if (surname && (text.endsWith('.') || surname[0].startsWith('.'))) {
      span.end += surname[0].length;
      return plausibleModelSpan(span, doc);
    }
  }
  if (words.length === 0 || !twoLetterUnits(text)) return false;
  // A facility the model is sure of, with a word no dictionary holds ("transports heppner", "arcelormittal florange",
  // "esat de la vallée"), is an employer or a care provider's name: the checks below are for the model's doubts.
  // Not an acronym alone: "VBAC", "CCAS" are as sure and no one's.
  if (span.label === 'HOSPITAL' && span.score >= SURE_FACILITY_SCORE && words.some(properWord)) return true;
  if (span.label !== 'ADDRESS' && neverAlone(span, doc, words)) return false;
  if (span.label !== 'ADDRESS' && words.length === 1 && isAcronym(words[0]!) && !personInitials(span, words[0]!)) return false;
  const capitalised = (w: string) => /^\p{Lu}/u.test(w);
  const allUpper = (w: string) => w.length > 1 && w === w.toUpperCase() && w !== w.toLowerCase();
  // A line written in capitals is a heading, not a name, unless the words are known names. Only
  // looked at when it decides: a line can be the whole document (tables, run-on notes).
  const headingLine = () => {
    const lineStart = doc.text.lastIndexOf('\n', span.start - 1) + 1;
    const lineEndAt = doc.text.indexOf('\n', span.end);
    const line = doc.text.slice(lineStart, lineEndAt < 0 ? doc.text.length : lineEndAt);
    return !hasAsciiLowercase(line) && line.replace(/[^\p{L}]/gu, '').length > 8 && line === line.toUpperCase() && !allCapitals(doc);
  };
  // A possessive never opens a name ("his Martin Dubois", "Her Aetna card"): it is cut off and the rest
  // judged alone, not the whole span dropped (the name after it would leak).
  if (span.label === 'PERSON' && POSSESSIVE.has(fold(words[0]!))) {
    if (words.length === 1) return false;
    const after = text.indexOf(words[0]!) + words[0]!.length;
    span.start += after + /^[\s,]*/.exec(text.slice(after))![0].length;
    return plausibleModelSpan(span, doc) && !(words.length === 2 && !isKnownName(words[1]!) && beforeFormNoun(span, doc));
  }
  const nameAnnounced = span.label === 'PERSON' && (announcedAsName(span, doc) || capitalisedInsideSentence(span, doc, words[0]!));
  // A medical word with function words only around it ("Keine Sprachstörung", "keine Lähmung") is no name either.
  const medical = words.map((w) => medicalWord(w, nameAnnounced));
  const medicalPhrase = medical.some(Boolean) && words.every((w, k) => medical[k] || NEVER_ALONE.has(letterKey(w)));
  if (span.label === 'PERSON' && (medicalPhrase || combiningFormBeforeHyphen(span, doc, text))) return false;
  // A microbe's Latin name ("Escherichia coli", "E. coli", "KLEBSIELLA PNEUMONIAE") is no one's and nowhere.
  if (span.label !== 'ADDRESS' && isMicrobeName(words)) return false;
  // "A. ISRAELII", "a. turicensis": a species no list holds, after its genus's initial.
  if (words.length === 1 && looksLikeSpeciesEpithet(folded) && /(?:^|[^\p{L}])\p{L}\.[ \t]*$/u.test(doc.text.slice(Math.max(0, span.start - 4), span.start))) return false;
  if ((span.label === 'PERSON' || span.label === 'CITY') && tailOfWrappedWord(span, doc, text)) return false;
  // The second half of a compound glued to the first ("hépatico-jéjunale"): no name starts with its hyphen.
  if (span.label === 'PERSON' && /^-/.test(text) && /\p{L}$/u.test(doc.text.slice(Math.max(0, span.start - 1), span.start))) return false;
  if (span.label === 'PERSON' && notANameAround(span, doc, words)) return false;
  // Keys of exports, towns and firms the model calls persons; months, countries and disease words it calls towns.
  if (span.label === 'PERSON' && (fieldName(span, doc, words) || countryOrNationality(words, span, doc))) return false;
  // A firm ("Quennell &", "Lefort Solicitors") is named after people: relabelled HOSPITAL (an employer
  // or a service named after people) and judged as one below, not dropped (fail closed).
  if (span.label === 'PERSON' && firmNotPerson(text, folded)) span.label = 'HOSPITAL';
  // A town the model calls a person ("Dakar", a commune no name list knows) is still a place to hide:
  // relabelled, not dropped (fail closed), then checked as a town below.
  if (span.label === 'PERSON' && placeNotPerson(words)) span.label = 'CITY';
  // And the other way: a given name the model calls a town or a facility is a person (relabelled, then judged as one).
  // After a postcode ("1090 Jette"), or after a comma that closes an address ("12 Avenue des Bambous, Beau"),
  // the word is a town whatever the name lists say.
  if ((span.label === 'CITY' || span.label === 'HOSPITAL') && personNotPlace(words) && !afterStreetOrPostcode(span, doc)) span.label = 'PERSON';
  if (span.label === 'CITY' && (notATown(words) || words.every((w) => medicalWord(w)))) return false;
  switch (span.label) {
    case 'PERSON': {
      // A country that countryOrNationality left as a person ("spoke to India") is a given name here,
      // though no name list holds it.
      const known = words.some(isKnownName) || isCountryOrRegion(words);
      if (!known && headingLine()) return false;
      // Only ordinary words ("office", "Sincerely", "stable") and no known name: not a person. Unless a relative's word
      // announces it, capitalised ("lives alone since husband Paddy died", "her sister Rose"): a name that is a word too.
      const relativeNamed = words.every((w) => capitalised(w)) && RELATIVE_BEFORE.test(doc.folded.slice(Math.max(0, span.start - 16), span.start));
      if (!known && !relativeNamed && words.every((w) => isDictionaryWord(fold(w.replace(/\.$/, ''))) || (w.includes('-') && ordinaryWord(w)))) return false;
      if (words.every((w) => capitalised(w))) return known || words.some((w) => !allUpper(w) || w.length > 3) || words.length > 1;
      if (words.some((w) => capitalised(w))) return true; // "MARC goby", "eliane Lubinu"
      // Lowercase names (nurse notes, forms): a known name, or a model that is very sure of itself.
      return known || span.score >= LOWERCASE_PERSON_MIN_SCORE;
    }
    case 'CITY': {
      const joined = unwrap(text);
      const commune = communePopulation(joined) !== undefined;
      if (capitalised(words[0]!)) return !headingLine() || commune;
      // A lowercase town ("dayton", "franche-⏎leins"): a commune, or a word no dictionary knows that the model is sure of.
      return commune || (span.score >= LOWERCASE_TOWN_MIN_SCORE && joined.replace(/[^\p{L}]/gu, '').length >= 4 && !tokens(joined).some(ordinaryWord));
    }
    case 'HOSPITAL': {
      if (TITLE_WORDS.has(letterKey(words[words.length - 1]!))) return false;
      // "GLAUCOMA CLINIC", "Anticoagulation Unit", "Unité mobile de gériatrie": a department, no place.
      if (isDepartmentName(text)) return false;
      if (notAFacility(span, doc, words)) return false;
      // The tail of a department the model cut after its head ("… of Cardiology", "… DES URGENCES"): a link word then department words.
      if (LINK_WORD_AT_START.test(fold(words[0]!)) && (onlyDepartmentWordsEn(words.slice(1)) || onlyDepartmentWordsFr(words.slice(1)))) return false;
      // Head words alone, in any case ("EHPAD", "Clinic", "CARE"): a kind of place, not one place.
      if (words.every(headOrFunctionWord)) return false;
      // "HÔPITAL DE" before "JOUR PNEUMOLOGIE": a span cut on a link word before an ordinary word is
      // the head of a department. Before a word no dictionary knows ("Polyclinique de⏎Keravel") it is kept:
      // the name it cut is there.
      if (LINK_WORD_AT_END.test(fold(words[words.length - 1]!))) {
        const next = /^[ \t]*([\p{L}'’-]+)/u.exec(doc.text.slice(span.end, span.end + 40))?.[1];
        if (next !== undefined && ordinaryWord(next)) return false;
      }
      if (words.some(capitalised)) return HOSPITAL_WORD.test(folded) || !sentenceCasePhrase(words);
      // Lowercase: a head word and a name besides it ("riverside imaging center", "rocha family practice");
      // head words alone ("health care", "the clinic") name no place.
      return (HOSPITAL_WORD.test(folded) || FACILITY_WORD.test(folded)) && !words.every(headOrFunctionWord);
    }
    case 'ADDRESS':
      // A street word, or a house number followed by a name ("12 Elm Park", "7700 S Broadway"); a number
      // glued to letters alone is a measure ("32SA", "17h"), not an address. A named house or a lieu-dit
      // has neither ("Burnfoot House", "Kerroc'h", "quartier Les Sagnes"): a capitalised span the model is
      // very sure of, outside a heading (on the read sets: 13 such addresses for 1 false span).
      return (
        STREET_WORD.test(folded) ||
        /\d[\s,]+(?:[NSEW]\.?[ \t]+)?\p{L}{2,}/u.test(text) ||
        (span.score >= SURE_ADDRESS_MIN_SCORE && words.some(capitalised) && !headingLine())
      );
    default:
      return true;
  }
}
