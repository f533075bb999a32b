import { isDictionaryWord } from '../bloom.js';
import { matchesNotAfter, notAfter } from './not-after.js';
import { isAcronymNoSurname, isFirstName, isFirstNameOfAnyList, isLastName } from '../gazetteers.js';
import { fold } from '../normalize.js';
import { isColumnHeader } from './id-columns.js';
import { keywordBeforeSeparatorScanner } from './keyword-before-separator.js';
import { isListedTown } from './location.js';
import { isJobAfterCareRole } from '../care-roles.js';
import { PRIORITY, type Doc, type Span } from '../types.js';
import { isTitleWord, TITLE_WORDS } from '../titles.js';
import { RANK_WORDS } from './ranks.js';
import { WEEKDAYS } from './dates.js';
import { WEEKDAY_ABBR_EN, WEEKDAY_ABBR_FR } from './dates-named-alone.js';

/**
 * Person names by context: titles (Dr, Pr, Mme, M., Mrs …), labelled fields ("Nom :", "Patient:",
 * "Signé par"), family words ("sa fille", "her husband"), signatures after a closing formula, and
 * a known first name next to a capitalised or upper-case word ("Jean DUPONT", "MARTIN Sophie").
 */
// Bounded repetitions everywhere: a long run of "A-A-A-…" must not make matching quadratic.
const NAME_TOKEN = String.raw`(?:[\p{Lu}][\p{L}'’]{0,40}(?:-[\p{Lu}][\p{L}'’]{0,40}){0,3}\.?|[\p{Lu}]\.(?:-?[\p{Lu}]\.)?)`;
const PARTICLE = String.raw`(?:de|du|des|le|la|van|von|der|den|di|da|del|della|dos|el|al|ben|ibn|mac|mc|d'|l')`;
const NAME_SEQ = String.raw`${NAME_TOKEN}(?:[ \t]+(?:${PARTICLE}[ \t]+)?${NAME_TOKEN}){0,3}`;

/** Makes every letter of a regex source case-insensitive, leaving `\p{Lu}` in the rest of the pattern case-sensitive. */
function ci(source: string): string {
  return source.replace(/\\.|\[[^\]]*\]|\p{L}/gu, (tok) => {
    if (tok.startsWith('\\')) return tok;
    if (tok.startsWith('[')) return '[' + [...tok.slice(1, -1)].map((c) => (c.toLowerCase() !== c.toUpperCase() ? c.toLowerCase() + c.toUpperCase() : c)).join('') + ']';
    return tok.toLowerCase() === tok.toUpperCase() ? tok : `[${tok.toLowerCase()}${tok.toUpperCase()}]`;
  });
}

// "Dr. med." (a Swiss or German doctor of medicine, "Dr méd." in French) is one title: the degree is no name. A
// Catalan or Spanish doctor is "la Dra.", an Italian one "il dott." or "la dott.ssa", a Quebec woman doctor "la Dre".
const TITLES = ci(String.raw`dr\.?[ \t]m[eé]d\.|drs|drs\.|dra|dra\.|dre|dre\.|dott\.ssa|dott\.|dottoressa|dr|dr\.|docteur|doctor|pr|pr\.|prof|prof\.|professeur|professor|m\.|mr|mr\.|mme|mme\.|mlle|madame|monsieur|mademoiselle|mrs|mrs\.|ms|ms\.|miss|mister|me|maitre|sister|nurse|mmes|rev|rev\.|father|pere`);
// Police, gendarmerie and military ranks name the officer after them ("ADJ. FOUCHER", "Sgt Pellow",
// "Médecin-commandant Yolaine Lecoeur"), but are nouns too ("the Commandant Report", "Captain Cook
// Hospital" is the hospital's): the word after the rank must be no ordinary word.
const RANKS = ci(String.raw`${RANK_WORDS}|adj\.|sgt\.|sergeant|corporal|captain|capt\.|colonel|inspector|insp\.|inspecteur|constable|wo1|wo2|matelot`);
const RANK_RE = notAfter(new RegExp(String.raw`(?<![\p{L}.])(?:${RANKS})\s+(${NAME_SEQ})`, 'dgu'));
const RANK_HINT = /adj|sgt|serg|cpl|capor|corpor|lieut|capit|capt|command|colon|insp|constab|gendarm|brigad|wo[12]|pte|spc|pfc|sdt|mdl|cne|cdt|ltn|slt|matelot/i;
// Not after a dot either: the "m." of "p.m." / "a.m." is no title ("6 p.m.\n\nSincerely").
const TITLE_RE = notAfter(new RegExp(String.raw`(?<![\p{L}.])(?:${TITLES})\s+(${NAME_SEQ})`, 'dgu'));
// Lowercase names after a title: "vu par dr martin", "mme dupont a mangé", "dr le floch",
// "mme da costa", "m. poulain", "M. samba". The title may be capitalised, the name is not (capitalised
// names are TITLE_RE's), also after an initial ("dr p. martineau"), and after a title written out as dictated
// ("patient mister bwalya mulenga", "wife missus grace kapambwe"). Every title may take its dot ("mrs. jablonski").
// "m" needs its dot, and not after a number ("50 m. puis" is a distance) nor a letter and a dot ("p.m. doses", "a.m.").
const LOWER_PARTICLE = String.raw`(?:le|la|de|du|des|da|di|del|dos|van|von|ben|el|al|d'|l')`;
// The particles of a family name before an ordinary word ("le pape", "du bois", "la fontaine"), and the duties and
// offices the same particles introduce after a title ("dr du jour", "m. le maire", "mme la directrice"), folded.
const FAMILY_PARTICLE = new Set(['du', 'le', 'la']);
const DUTY_OR_OFFICE = new Set([
  'jour', 'soir', 'nuit', 'matin', 'service', 'secteur', 'samu', 'smur', 'cabinet', 'centre', 'bloc', 'week-end', 'weekend', 'travail', 'sport',
  'maire', 'juge', 'procureur', 'prefet', 'ministre', 'president', 'presidente', 'directeur', 'directrice', 'professeur', 'docteur', 'medecin',
  'cure', 'commissaire', 'capitaine', 'commandant', 'lieutenant', 'colonel', 'general', 'chef', 'responsable', 'patient', 'patiente', 'malade',
  'mari', 'femme', 'fils', 'fille', 'pere', 'mere', 'frere', 'soeur', 'conjoint', 'conjointe', 'voisin', 'voisine', 'premier', 'premiere', 'second', 'seconde',
  'meme', 'dit', 'dite', 'suivant', 'suivante', 'veille', 'lendemain', 'plus', 'moins', 'temps', 'coup', 'cas', 'mois', 'semaine', 'garde', 'permanence',
]);
const TITLE_LOWER_RE = notAfter(new RegExp(
  String.raw`(?<![\p{L}])(?:(?:` + ci(String.raw`dr|docteur|doctor|pr|mme|mr|mlle|madame|monsieur|mrs|ms|mister|missus`) + String.raw`)\.?|(?<![\p{N}][ \t]?|\p{L}\.)[mM]\.)[ \t]{1,4}` +
    String.raw`((?:[\p{Ll}]\.[ \t]?)?(?:${LOWER_PARTICLE}[ \t]?)?[\p{Ll}][\p{L}'’-]{1,40})`,
  'dgu',
));
// The letter first, the lookbehind after it: a pattern that opens with a lookbehind is tried at every position.
const TITLE_M_AFTER_NUMBER = /[mM](?<=[\p{N}][ \t]?[mM])\.[ \t]{1,4}([\p{Ll}][\p{Ll}'’-]{1,40}(?:[ \t]+(?:de|du|le|la|da|van)[ \t]+[\p{Ll}][\p{Ll}'’-]{1,40})?)/dgu;
// Field labels: a label, blanks, then ':', '=' or '|'.
const FIELD_KEYWORDS = ci(String.raw`nom(?: de naissance| d'usage| de jeune fille| marital)?|pr[eé]noms?|patient(?:e)?|patient\(e\)|name|patient name|full name|first name|last name|surname|given names?|m[eé]decin(?: traitant| r[eé]f[eé]rent| prescripteur)?|r[eé]f[eé]rent|r[eé]dig[eé] par|sign[eé](?: par)?|signature|valid[eé] par|dict[eé] par|saisi par|written by|signed by|dictated by|electronically signed by|attending(?: physician)?|resident|fellow|surgeon|chirurgien|op[eé]rateur|anesth[eé]siste|aide op[eé]ratoire|assistant|interne|externe|infirmi[eè]re?|ide|cc|copie [aà]|adress[eé]e? par|referred by|referring physician|seen by|vu(?:e)? par|[eé]pouse|[eé]poux|n[eé]e|fils de|fille de|contact|personne de confiance|aidant|from|to|de|[aà]|attn|dear|cher|ch[eè]re|mother|father|m[eè]re|p[eè]re|pt|client|r[eé]sident|resident|rn|np|pharmacist|pharmacien|witness|t[eé]moins?|reported by|d[eé]clarant|coordinator|pr[eé]sents?|present|prescripteur|demandeur|m[eé]decin demandeur|ordering provider|referring|requested by|read by|reviewed by|attending|surgeon|pcp|nok|next of kin|emergency contact|health care proxy|guardian|tuteur|curateur|enfant|b[eé]b[eé]|child|accompagnante?|parent|parents|escort|malade|team leader|typed(?: by)?|orthophoniste|psychologue|ergoth[eé]rapeute|kin[eé]sith[eé]rapeute|brancardier|pilote|trait[eé]e? par|standardiste|operator|call taker|dispatcher|r[eé]gulateur|handled by|processed by|logged by|taken by|entered by|completed by|therapist|passenger|passag[eè]re?|conjointe?|donor|donneur|donneuse|soldier|runner`);
// A field's name goes on across two blanks or more ("Jean  DUPONT") but not into the next field of the
// line ("NOM : ZERBIB   Prénom : Lévana"): not onto words that a separator follows.
const FIELD_NAME_SEQ = String.raw`${NAME_TOKEN}(?:(?:[ \t]|[ \t]{2,}(?![^\s:=|]+(?:[ \t][^\s:=|]+){0,2}[ \t]*[:=|]))(?:${PARTICLE}[ \t]+)?${NAME_TOKEN}){0,3}`;
const FIELD_RE = new RegExp(
  String.raw`(?<![\p{L}])(?:` + FIELD_KEYWORDS + String.raw`)[ \t]*[:=|][ \t]*(?:(?:${TITLES}|${RANKS})\s+)?(${FIELD_NAME_SEQ})`,
  'dgu',
);
// FIELD_RE's matches, tried only in the few characters before a separator (the label alternation at every position was the costliest scan here).
const fieldMatches = keywordBeforeSeparatorScanner({ pattern: FIELD_RE, keywordSource: FIELD_KEYWORDS, separators: ':=|' });
const FAMILY_RE = notAfter(new RegExp(
  String.raw`(?<![\p{L}])(?:(?:son|sa|ses|his|her|their|the patient's|patient's|[Ss]on|[Ss]a|[Hh]is|[Hh]er|[Mm]y|[Oo]ur|[Mm]on|[Mm]a|[Nn]otre)\s+)?(?:fils|fille|[eé]poux|[eé]pouse|mari|femme|fr[eè]re|s[oœ]ur|m[eè]re|p[eè]re|compagne?|conjointe?|petite?-fille|petit-fils|son|daughter|husband|wife|brother|sister|mother|father|partner|niece|nephew|neveu|ni[eè]ce|aidant|caregiver|Daughter|Son|Wife|Husband|Brother|Sister|Mother|Father|Fils|Fille|Épouse|Epouse|Époux|Epoux|Mari|Frère|Sœur|Soeur|niece|nephew|gendre|belle-fille|voisine?|neighbou?r|friend|ami|amie|spouse|Spouse|grandson|granddaughter|grandmother|grandfather|Grandson|Granddaughter|Grandmother|Grandfather|aunt|Aunt|auntie|Auntie|aunty|Aunty|uncle|Uncle|cousin|Cousin|cousine|Cousine|tante|Tante|oncle|Oncle|gran|Gran|granny|Granny|dad|Dad|mum|Mum|mom|Mom|boss|Boss|mgr|manager|supervisor|foreman|secretary|receptionist|coworker|co-worker|flatmate|housemate|kuia|koro)[ \t]*(?:\([^)\n]{0,20}\))?[ \t]*,?[ \t]+(${NAME_SEQ})`,
  'dgu',
));
/** What opens a FAMILY_RE match when a possessive comes before the family word: "her son ", "sa fille (16 ans), ". */
const POSSESSIVE_BEFORE_FAMILY = /^(?:son|sa|ses|his|her|their|the patient's|patient's|Son|Sa|His|Her|Their|my|our|mon|ma|notre|My|Our|Mon|Ma|Notre)\s+\S+[ \t]*(?:\([^)\n]{0,20}\))?[ \t]*,?[ \t]+$/u;
// Family words in capitals, as forms print them ("PERE, ERWAN LE BRAS"): a separate pattern, run only
// when one of them is there (each alternative costs at every position of every note).
const FAMILY_UPPER_RE = notAfter(new RegExp(
  String.raw`(?<![\p{L}])(?:PERE|PÈRE|MERE|MÈRE|EPOUSE|ÉPOUSE|EPOUX|ÉPOUX|FRERE|FRÈRE|SOEUR|SŒUR|MOTHER|FATHER|DAUGHTER|WIFE|HUSBAND|BROTHER|SISTER)[ \t]*(?:\([^)\n]{0,20}\))?[ \t]*,?[ \t]+(${NAME_SEQ})`,
  'dgu',
));
// A relative of someone named after "de" or "of": "tante de Noa", "the mother of Elif", "sœur d'Anaïs". Kin words only:
// a "manager of Tesco" or a "friend of the family" names no one, nor a firm's "& fils de Locquémeau".
const KIN_OF_RE = notAfter(new RegExp(
  String.raw`(?<![\p{L}])(?:${ci(String.raw`tante|oncle|m[eè]re|p[eè]re|maman|papa|fils|fille|fr[eè]re|s[oœ]ur|cousine?|grand-m[eè]re|grand-p[eè]re|marraine|parrain|[eé]pouse|[eé]poux|neveu|ni[eè]ce|aunt|auntie|uncle|mother|father|son|daughter|brother|sister|wife|husband|grandmother|grandfather|niece|nephew|godmother|godfather`)})[ \t]+(?:de[ \t]+|d['’]|of[ \t]+)(${NAME_SEQ})`,
  'dgu',
));
const KIN_OF_HINT = /(?:[ \t]de[ \t]|[ \t]d['’]|[ \t]of[ \t])\p{Lu}/u;
const FAMILY_UPPER_HINT = /PERE|PÈRE|MERE|MÈRE|EPOU|ÉPOU|FRERE|FRÈRE|SOEUR|SŒUR|MOTHER|FATHER|DAUGHTER|WIFE|HUSBAND|BROTHER|SISTER/;
const CLOSING_RE = /(?:cordialement|bien confraternellement|confraternellement|bien a vous|amities|sincerely|best regards|kind regards|regards|yours sincerely|yours faithfully|bien cordialement|merci|best wishes|many thanks|thanks|thank you|warm regards|best|cheers|cdlt|thx|bises|a bientot)[,.!]?[ \t]*\n+[ \t]*(?:--\s*)?/gu;
const SIGNATURE_LINE = new RegExp(String.raw`^(?:(?:${TITLES})\s+)?(${NAME_SEQ})\s*$`, 'du');
const NAME_PAIR = notAfter(/(?<![\p{L}])([\p{Lu}][\p{L}'’]{1,40}(?:-[\p{Lu}][\p{L}'’]{1,40})?)([ \t]{1,4}|,[ \t]{0,4})((?:(?:de|du|le|la|van|von|di|da|d')[ \t]+)?[\p{Lu}][\p{L}'’]{1,40}(?:-[\p{Lu}][\p{L}'’]{1,40})?)(?![\p{L}])/gu);
/** Endings of English and French verb forms: "asked", "farmed", "décédé", "réorienté", "souhaiterait". */
const VERB_FORM_END = /(?:ed|ing|é|ée|és|ées|ait|aient)$/u;
/**
 * Linking words and common verbs in the third person seen after a relative's word ("mon mari après …", "le fils avant
 * 8h", "daughter now lives …", "son mari travaille à …", "her husband works at …").
 */
const LINKING_WORDS_AFTER_RELATIVE = new Set([
  'apres', 'avant', 'puis', 'nous', 'vous', 'soit', 'peut', 'deja', 'now', 'after', 'before', 'home', 'then',
  'travaille', 'propose', 'souhaite', 'vient', 'arrive', 'appelle', 'drives', 'asks', 'says', 'lives', 'works', 'wants',
]);
// Words that go on the sentence after a relative whatever a surname list holds ("visit his daughter, for typhoid
// fever", "rapportée par la fille comme habituelle", "my husband only reads English").
const FUNCTION_WORDS_AFTER_RELATIVE = new Set([
  'for', 'only', 'just', 'still', 'too', 'who', 'with', 'from', 'when', 'while', 'but', 'because', 'and', 'then', 'also', 'never', 'always',
  'comme', 'quand', 'mais', 'car', 'encore', 'toujours', 'jamais', 'aussi', 'alors', 'donc', 'lui', 'elle', 'elles', 'ils', 'qui',
]);
/** First names that are also the first word of institutions, regiments, wards and roles ("Royal", "General", "Baby"). */
const INSTITUTION_FIRST_WORDS = new Set(['royal', 'general', 'baby', 'national', 'king', 'queen', 'prince', 'princess', 'grand', 'delta', 'nova']);
/** NAME_PAIR read at one position (its look-behind is a blank there, so the plain body does). */
const NAME_PAIR_AT = new RegExp(NAME_PAIR.body.source, 'duy');
// "Priya Raman, MD", "Natalie Brooks, NP"
const DEGREE_RE = notAfter(new RegExp(String.raw`(?<![\p{L}])(${NAME_SEQ}),?[ \t]+(?:MD|M\.D\.|PhD|RN|NP|PA-C|PA|DO|MBBS|FRCP|FRCS|FACS|CNS|DNP|LPN|CNA)(?![\p{L}])`, 'dgu'));
const DEGREE_HINT = /[ \t](?:MD|M\.D\.|PhD|RN|NP|PA-C|PA|DO|MBBS|FRCP|FRCS|FACS|CNS|DNP|LPN|CNA)(?![\p{L}])/u;
const DEGREE_WORD = /^(?:MD|M\.D|PhD|RN|NP|PA|PA-C|DO|MBBS|FRCP|FRCS|FACS|CNS|DNP|LPN|CNA)$/;
// "Dear Sam," "Chère Hélène,"
const GREETING_RE = notAfter(new RegExp(String.raw`(?<![\p{L}])(?:Dear|Hi|Hello|Cher|Chère|Bonjour|Hey|Dr)[ \t]+(${NAME_SEQ})[ \t]*,`, 'dgu'));
// A greeting of the day before a name that closes the sentence ("Good morning Gordon.", "Good evening Chanda.",
// "Bonjour Merveille."): one capitalised word, no title ("Bonjour M. Dupont", "Good evening Doctor.") and no
// greeting's object ("Bonjour tout le monde").
const DAY_GREETING_RE = notAfter(new RegExp(String.raw`(?<![\p{L}])(?:Good[ \t]+(?:morning|afternoon|evening)|Morning|Evening|Bonjour|Bonsoir|Kia ora)[ \t]+(?!(?:Docteure|Doc|Sir|Madam|Team|All|Everyone|Tout|Tous|Toutes)(?![\p{L}]))(\p{Lu}\p{Ll}[\p{L}'’-]*)[ \t]*(?:[.!](?=[ \t\n]|$)|\r?\n|$)`, 'dgu'));
// "née Quéméneur", "née BELLANGER le …", "born Smith"
const BORN_RE = notAfter(new RegExp(String.raw`(?<![\p{L}])(?:née|nee|né|born)[ \t]+(${NAME_SEQ})`, 'dgu'));
// Lowercase names after a family word in nurse notes: "fils joaquim", "daughter karen"
const FAMILY_LOWER_RE = notAfter(/(?<![\p{L}])(?:fils|fille|epouse|épouse|epoux|époux|mari|femme|frere|frère|soeur|sœur|daughter|wife|husband|brother|sister|niece|nephew|petite-fille|petit-fils|neveu|voisine|charge nurse)(?![\p{L}])[ \t]*[:,(]?[ \t]*([\p{Ll}][\p{Ll}'’-]{2,40})(?![\p{L}])/dgu);

// Identity lines written surname first, then first name, then the birth date, at the start of a
// line or after a field label: "Pedron, Ekrem, 5 JUIN 1940", "Patient : le ravalec, ODETTE, 10 AVRIL 2005",
// and CSV rows "N'DIAYE;Aminata;30/06/1989".
const INVERTED_WORD = String.raw`[\p{L}][\p{L}'’]{1,40}(?:-[\p{L}][\p{L}'’]{1,40}){0,2}`;
const INVERTED_RE = new RegExp(
  String.raw`(?:^|[:|][ \t]*)((?:${PARTICLE}[ \t]+)?${INVERTED_WORD}(?:[ \t]+${INVERTED_WORD})?)[ \t]*[,;][ \t]*(${INVERTED_WORD}(?:[ \t]+${INVERTED_WORD})?)[ \t]*[,;][ \t]*(?=\d{1,2}(?:er)?[ \t./-]+(?:\d{1,2}|\p{L}{3,9}\.?)[ \t./-]+\d{2,4}(?!\d))`,
  'dgmu',
);

// Two people after one plural or repeated title: "Mmes Perrot et Lagarde", "Drs Khan and Patel";
// TITLE_RE finds the first, this the second.
const COORDINATED_RE = notAfter(new RegExp(
  String.raw`(?<![\p{L}])(?:Mmes|MM\.|Drs\.?|Prs\.?|Drs|Mrs\.?|Messrs\.?|Dr\.?|Pr\.?|Mme|M\.|Mr\.?|Ms\.?)[ \t]+${NAME_TOKEN}(?:[ \t]+${NAME_TOKEN})?[ \t]+(?:et|and|&)[ \t]+(?:(?:${TITLES})[ \t]+)?(${NAME_SEQ})`,
  'dgu',
));
// English relatives in lowercase notes ("her son peter"): "son" is also French for "his", so English only,
// and the word must be a known first name or no ordinary word ("partner works" is not a name).
// The people of a patient's work and home are named as relatives are ("boss trev", "mgr dean", "secretary lyn", "kuia mihi").
const FAMILY_LOWER_EN = notAfter(/(?<![\p{L}])(?:son|mother|father|mom|mum|dad|dtr|grandson|granddaughter|stepson|stepdaughter|partner|boyfriend|girlfriend|fiance|fiancee|uncle|aunt|auntie|aunty|cousin|spouse|hubby|nan|nana|nanna|gran|granny|grandma|grandpa|grandmother|grandfather|boss|mgr|manager|supervisor|foreman|secretary|receptionist|colleague|coworker|flatmate|housemate|kuia|koro)(?![\p{L}])[ \t]*[:,(]?[ \t]*([\p{Ll}][\p{Ll}'’-]{2,40})(?![\p{L}])/dgu);
// French relatives in lowercase notes ("pere murat chauffeur", "jumelles defne et ada", "transmis papa sebastien"): as in English, only
// a known first name or no ordinary word ("pere absent", "mere presente" are no names). "père" and "mère"
// are French only: "a mere 5 mg".
const FAMILY_LOWER_FR = notAfter(/(?<![\p{L}])(?:pere|père|mere|mère|papa|maman|mamie|papi|papy|tante|oncle|cousin|cousine|jumelles?|jumeaux|jumeau|grand-m[eè]re|grand-p[eè]re|beau-p[eè]re|belle-m[eè]re|belle-s[oœ]eur|beau-fr[eè]re|compagnon|compagne|conjointe?)(?![\p{L}])[ \t]*[:,(]?[ \t]*([\p{Ll}][\p{Ll}'’-]{2,40})(?![\p{L}])/dgu);
// Every match of INVERTED_RE ends with a comma or semicolon, blanks, then its birth date: a cheap
// test of that tail first (a tenth of the eval documents pass it; a bare ", <digit>" let two thirds through).
const INVERTED_HINT = /[,;][ \t]*\d{1,2}(?:er)?[ \t./-]+(?:\d{1,2}|\p{L}{3,9}\.?)[ \t./-]+\d{2,4}(?!\d)/u;
// A list line that opens with "Surname, First name" ("Papadopoulos, Georgios – bed 4", "- Walker-Smith,
// Ethan (7)"): the first name must be a known one, the surname no ordinary word.
const INVERTED_LINE = /^[ \t]*(?:[-*•][ \t]*|\d{1,3}[.)][ \t]*)?([\p{Lu}][\p{L}'’]{2,30}(?:-[\p{Lu}][\p{L}'’]{1,30})?),[ \t]*([\p{Lu}][\p{Ll}'’]{1,20}(?:-[\p{Lu}][\p{Ll}'’]{1,20})?)(?=[ \t]*(?:[,;(\n]|$|[-–][ \t]|\d))/dgmu;
// The same in lowercase notes, where the line may open on a time or a "pt:" label ("0715 mcphail, ishbel chi …",
// "pt: mcgregor, alasdair, dob …", "connolly, aoife 14y", a triage log's "22:14 – wiebe, jacob 7y", a theatre list's
// "G26-55022 – fitzpatrick, desmond 58y"): the given name must be in one of the first-name lists
// (the US ones included: the line's form says a person comes), the surname a known surname or no ordinary word
// ("choque, pleure", "surfaced, pain" are no names).
const INVERTED_LINE_LOWER = /^[ \t]*(?:[-*•][ \t]*|\d{1,3}[.)][ \t]*|\d{1,2}[:h]?\d{2}[ \t]+|\d{1,2}[:h]\d{2}[ \t]*[-–—][ \t]*|pt[ \t]*:[ \t]*|[A-Za-z]{0,4}\d[\w/-]{2,20}[ \t]+[-–—][ \t]+)?([\p{Ll}][\p{Ll}'’]{2,30}(?:-[\p{Ll}][\p{Ll}'’]{1,30})?),[ \t]*([\p{Ll}][\p{Ll}'’]{1,20}(?:-[\p{Ll}][\p{Ll}'’]{1,20})?)(?=[ \t]*(?:[,;(\n]|$|[-–][ \t]|\d))/dgmu;

// "Pt: KOWALCZYK, Zbigniew / unit 4", "PATIENT: OKORO, ADAEZE NGOZI  DOB …": the given names after the
// surname and a comma, single spaces between them, on the field's line.
const GIVEN_AFTER_COMMA = /^,[ \t]*(\p{Lu}[\p{L}'’]{1,20}(?:-\p{Lu}[\p{L}'’]{1,20})?)(?: (\p{Lu}[\p{L}'’]{1,20}))?(?: (\p{Lu}[\p{L}'’]{1,20}))?(?![\p{L}\p{N}])/u;

/** How far a field's surname runs on into given names after a comma: each a known first name or no dictionary word. */
function givenNamesAfterComma(t: string, end: number): number {
  if (t[end] !== ',') return 0;
  const m = GIVEN_AFTER_COMMA.exec(t.slice(end, end + 70));
  if (!m) return 0;
  let reach = 0;
  let at = 0;
  for (const word of [m[1], m[2], m[3]]) {
    if (word === undefined || NOT_NAMES.has(word.toLowerCase()) || !(isFirstName(word) || !isDictionaryWord(fold(word)))) break;
    at = m[0].indexOf(word, at) + word.length;
    reach = at;
  }
  return reach;
}

/** Words that start with a capital in clinical prose but are never names after a title. */
const NOT_NAMES = new Set([
  'le', 'la', 'les', 'un', 'une', 'the', 'a', 'an', 'patient', 'patiente', 'service', 'docteur', 'hopital', 'hôpital', 'clinique', 'chu', 'ch',
  'madame', 'monsieur', 'et', 'and', 'or', 'ou', 'de', 'du', 'des', 'en', 'au', 'aux', 'est', 'a', 'was', 'is', 'has', 'had', 'who', 'qui',
  // what follows a name on an identity line or precedes it on a field ("ELOUAN LE BRAS  NE LE …", "PERE, ERWAN …")
  'ne', 'né', 'nee', 'née', 'born', 'dob', 'ddn', 'pere', 'père', 'mere', 'mère', 'father', 'mother',
]);

function span(start: number, end: number, score: number, priority: number, source: string): Span {
  return { start, end, label: 'PERSON', score, priority, source };
}

function trimName(text: string, start: number, end: number): [number, number] | undefined {
  let s = text.slice(start, end);
  // Drop a trailing abbreviation dot that ends the sentence, and leading/trailing non-name words.
  let words = s.split(/\s+/);
  // "Dr Ruth Okafor. Called Teaching Hospital": a word of three letters or more closed by a dot, then an ordinary word,
  // ends the sentence and the name with it (an initial's, a title's or "St."'s dot does not; "nurse Bisi. Tobi is …"
  // may name another person, and the span stays whole).
  const sentenceEnd = words.findIndex((w, i) => i < words.length - 1 && /^\p{L}{3,}\.$/u.test(w) && !isTitleWord(w.slice(0, -1)) && isOrdinaryWord(words[i + 1]!) && !isTitleWord(words[i + 1]!));
  if (sentenceEnd >= 0) words = words.slice(0, sentenceEnd + 1);
  while (words.length > 0 && NOT_NAMES.has(words[words.length - 1]!.toLowerCase().replace(/\.$/, ''))) words.pop();
  // "F2F with Dr Chua Tues 8/12": a weekday after the surname starts the date, not the name ("Dr Sun" alone stays).
  while (words.length > 1 && WEEKDAY_WORD.test(words[words.length - 1]!)) words.pop();
  while (words.length > 0 && NOT_NAMES.has(words[0]!.toLowerCase())) {
    start = text.indexOf(words[0]!, start) + words[0]!.length;
    while (/\s/.test(text[start] ?? '')) start++;
    words.shift();
  }
  if (words.length === 0) return undefined;
  s = text.slice(start, end);
  const lastWord = words[words.length - 1]!;
  end = start + s.lastIndexOf(lastWord) + lastWord.length;
  if (text[end - 1] === '.' && !/^[\p{Lu}]\.$/u.test(lastWord) && !/\s[\p{Lu}]\.$/u.test(text.slice(start, end))) end--;
  return end > start ? [start, end] : undefined;
}

// Weekdays in full and abbreviated, English and French, as the date rules read them.
const WEEKDAY_WORD = new RegExp(`^(?:${WEEKDAYS}|${WEEKDAY_ABBR_EN}|${WEEKDAY_ABBR_FR})\\.?,?$`, 'iu');

const LOWER_STOP = new Set([
  'est', 'etait', 'était', 'a', 'avait', 'va', 'se', 'ne', 'n', 'dit', 'pour', 'par', 'qui', 'que', 'sans', 'avec', 'has', 'had', 'was', 'is', 'reports',
  'states', 'denies', 'the', 'and', 'signale', 'presente', 'présente', 'refuse', 'accepte', 'mange', 'dort', 'souhaite', 'demande', 'sort', 'sortie',
  'ayant', 'sera', 'reste', 'vient', 'rentre', 'part', 'dans', 'sur', 'sous', 'chez', 'vers', 'also', 'will', 'did', 'does', 'not', 'pas', 'plus',
  // reporting verbs after a spoken "doctor" that name lists also hold (Said)
  'said', 'says', 'saw', 'sees', 'wants', 'thinks', 'felt', 'feels', 'mentioned', 'noted',
  // a doctor's function, not a name ("dr referent : m.dubreuilh", "dr traitant")
  'referent', 'référent', 'referente', 'référente', 'traitant', 'traitante', 'responsable', 'senior', 'junior',
  // a German doctor's degree ("Dr. med. Beat Zbinden", "Dr méd. Overney")
  'med', 'méd',
]);

const GEOGRAPHIC_WORD = /^(?:Lake|Lakes|Sound|River|Falls|Bay|Creek|Harbour|Harbor|Springs|Beach|Point|Island|Landing|Junction|Rapids|Cove|Narrows)$/i;

const SURNAME_PARTICLE_AFTER = /^[ \t]+(?:van|von|der|den|de|da|di|du|del|della|le|la|ter|ten|bin|ben|ibn|al|el)\b/;

export function personSpans(doc: Doc): Span[] {
  const t = doc.text;
  const out: Span[] = [];
  const push = (start: number, end: number, score: number, priority: number, source: string) => {
    const r = trimName(t, start, end);
    if (r) out.push(span(r[0], r[1], score, priority, source));
  };
  for (const m of matchesNotAfter(TITLE_RE, t)) {
    const [s, e] = m.indices![1]!;
    // "Clinical Nurse Specialist", "Nurse Line", "NURSE HOME VISIT": a nurse's job or service, no name, after "nurse".
    if (/^nurse\s/i.test(m[0]) && isJobAfterCareRole(/^[\p{L}'’-]+/u.exec(m[1]!)![0])) continue;
    // "520 m. Je joins", "< 300 m. Échec": metres closing a sentence, not "M." before a name.
    if (/^[mM]\.\s/.test(m[0]) && /\d[ \t]?$/.test(t.slice(Math.max(0, m.index - 2), m.index))) continue;
    push(s, e, 0.95, PRIORITY.context + 5, 'person-title');
  }
  for (const m of RANK_HINT.test(t) ? matchesNotAfter(RANK_RE, t) : []) {
    const [s, e] = m.indices![1]!;
    if (isOrdinaryWord(m[1]!.split(/[ \t]+/)[0]!)) continue;
    // "Rank: LCpl   Name: O'SULLIVAN": a word closed by a colon after the rank is the form's next label.
    if (/^[ \t]*:/.test(t.slice(e, e + 4))) continue;
    push(s, e, 0.9, PRIORITY.context, 'person-rank');
  }
  for (const m of matchesNotAfter(TITLE_LOWER_RE, t)) {
    const w = m[1]!;
    // "PR positive" (progesterone receptor), "pr bpco" (pour): "pr" is a title only before a word that
    // reads as a name; in capitals it never is one.
    const title = t.slice(m.index, m.indices![1]![0]).trim();
    const vowels = w.match(/[aeiouyàâéèêëîïôûù]/g)?.length ?? 0;
    if (/^pr\.?$/i.test(title) && (title.startsWith('PR') || isOrdinaryWord(w) || (vowels < 2 && !isLastName(w) && !isFirstName(w)))) continue;
    const words = w.toLowerCase().split(/[ \t]+|(?<=')/);
    const last = words[words.length - 1]!;
    // A name of two letters only after a particle ("da costa" yes, "mr le" no).
    if (LOWER_STOP.has(last) || NOT_NAMES.has(last) || last.length < (words.length > 1 ? 2 : 3)) continue;
    // "Dr de garde", "médecin de permanence": a particle and an ordinary word name a duty, not a family. After "du",
    // "le", "la" an ordinary word is a family's ("dr le pape", "docteur du bois", "dr du toit") unless it names a duty or
    // an office ("dr du jour", "m. le maire"); after "pr" ("pour" in a text message: "pr le pansement") it never is.
    if (words.length > 1 && !/^\p{Ll}\.$/u.test(words[0]!) && isOrdinaryWord(last) && !(FAMILY_PARTICLE.has(words[0]!) && !DUTY_OR_OFFICE.has(fold(last)) && !/^pr\.?$/i.test(title))) continue;
    // "doctor" is also a plain noun in English ("the doctor said"): a dictated "this is doctor
    // hollingsworth" names someone only by a word no dictionary knows ("said", "advised" are also names).
    if (/^doctor$/i.test(title) && words.length === 1 && isDictionaryWord(fold(last))) continue;
    const [s, e] = m.indices![1]!;
    out.push(span(s, e, 0.8, PRIORITY.context, 'person-title-lower'));
  }
  // "vu ce jour 3/2/25 m. francois-xavier de montalembert": after a number, "m." is a distance ("50 m.")
  // unless a known first name follows.
  for (const m of t.matchAll(TITLE_M_AFTER_NUMBER)) {
    if (!isFirstName(m[1]!.split(/[ \t]/)[0]!.split('-')[0]!)) continue;
    const [s, e] = m.indices![1]!;
    out.push(span(s, e, 0.8, PRIORITY.context, 'person-title-lower'));
  }
  for (const m of fieldMatches(t)) {
    const [s, e] = m.indices![1]!;
    // "| Patient | Procedure |": in a table header the next cell is another header, not a name.
    if (/\|[ \t]*$/.test(t.slice(m.index, s)) && !/\s/.test(m[1]!.trim()) && (isOrdinaryWord(m[1]!) || isColumnHeader(m[1]!))) continue;
    // "To: Referral Coordinator", "From: Billing Office": a role or a service, every word an ordinary one.
    if (/\s/.test(m[1]!.trim()) && m[1]!.trim().split(/[ \t]+/).every((w) => isOrdinaryWord(w))) continue;
    // "donor = YES", "Donor: DBD, ODT …": a short word in capitals that no name list knows is an answer or an acronym.
    const only = m[1]!.trim().replace(/\.$/, '');
    // "cc: Mr and Mrs Coppard", "Patient : Herr / M. Gauchat": a title alone opens the name, the title rules find it.
    if (isTitleWord(only) || /^(?:herr|frau)$/i.test(only)) continue;
    if (/^\p{Lu}{2,4}$/u.test(only) && ((!isLastName(only) && !isFirstName(only)) || /^(?:yes|no|oui|non|nil|none|aucun)$/i.test(only))) continue;
    // "Infirmière : Bien reçu", "Infirmière : Merci pour le retour !": a chat's sender label, then a message whose
    // first word is an ordinary one that no name list knows, and a sentence goes on after it (not a surname's particle:
    // "Dirk van der Heijden").
    if (!/\s/.test(only) && isOrdinaryWord(only) && !isFirstName(only) && !isLastName(only) && /^(?:[ \t]+\p{Ll}|[ \t]*[!?])/u.test(t.slice(e, e + 3)) && !SURNAME_PARTICLE_AFTER.test(t.slice(e, e + 8))) continue;
    // "Lieu, date et signature : Avenches, le …": the place a form is signed at, not the signer.
    if (/(?:lieu|date|place)[^\n:]{0,12}signature[ \t]*:[ \t]*$/i.test(t.slice(Math.max(0, s - 40), s))) continue;
    // A signature line goes on with the signer's number after a wide gap ("Signature: A. Qureshi   MSP #3K418").
    if (/signature[ \t]*:[ \t]*$/i.test(t.slice(m.index, s)) && /[ \t]{2,}/.test(m[1]!.trimEnd())) {
      push(s, s + m[1]!.search(/[ \t]{2,}/), 0.9, PRIORITY.context, 'person-field');
      continue;
    }
    // A surname alone, then a comma: the given names follow ("Dr Ana Ruiz, Leeds" is a name and a town).
    push(s, /\s/.test(m[1]!.trim()) ? e : e + givenNamesAfterComma(t, e), 0.9, PRIORITY.context, 'person-field');
  }
  for (const m of FAMILY_UPPER_HINT.test(t) ? [...matchesNotAfter(FAMILY_RE, t), ...matchesNotAfter(FAMILY_UPPER_RE, t)] : matchesNotAfter(FAMILY_RE, t)) {
    const [s, e] = m.indices![1]!;
    // "Le père Allaitement maternel …": after a family word, one ordinary capitalised word that no
    // name list knows starts a new sentence, it does not name the relative. Two capitalised words or
    // more are a given name and a surname even when a dictionary holds both ("husband Tuan Dang").
    const familyWords = m[1]!.trim().split(/[ \t]+/);
    // After a possessive ("her son Taras", "sa fille Rose"), one capitalised word mid-sentence is the
    // relative's name even when a dictionary holds it; not an acronym ("her son ED visit").
    const possessive = POSSESSIVE_BEFORE_FAMILY.test(t.slice(m.index, s));
    if (familyWords.length === 1 && isOrdinaryWord(familyWords[0]!) && (!possessive || /^\p{Lu}{2}/u.test(familyWords[0]!))) continue;
    // "her son ED visit", "sa fille IDE": a short acronym is no relative's name unless a surname list knows it;
    // of four capitals, unless a name list knows it ("son NISS est bien …": the French possessive, an identifier's name).
    if (familyWords.length === 1 && /^\p{Lu}{2,3}$/u.test(familyWords[0]!) && !isLastName(familyWords[0]!)) continue;
    if (familyWords.length === 1 && /^\p{Lu}{4}$/u.test(familyWords[0]!) && !isLastName(familyWords[0]!) && !isFirstName(familyWords[0]!)) continue;
    if (familyWords.length > 1 && familyWords.every((w) => isOrdinaryWord(w)) && !familyWords.every((w) => /^\p{Lu}/u.test(w))) continue;
    // "daughter Mrs⏎Gillian Hart", "Fille, Mme⏎Claire Dubois": a title at a line's end opens the name on the next
    // line (the title rules find it there); the title itself is no name.
    if (familyWords.length === 1 && isTitleWord(familyWords[0]!)) continue;
    push(s, e, 0.85, PRIORITY.context, 'person-family');
  }
  for (const m of KIN_OF_HINT.test(t) ? matchesNotAfter(KIN_OF_RE, t) : []) {
    const [s, e] = m.indices![1]!;
    // "Le Goff & fils de Locquémeau", "Durand et fils de Brest": a firm's name.
    if (/(?:&|(?<![\p{L}])et|(?<![\p{L}])and)[ \t]+$/u.test(t.slice(Math.max(0, m.index - 5), m.index))) continue;
    // The name ends at a sentence's end ("la mère de Famille. Sœur …"): a word of two letters or more closed by a dot.
    const stop = /\p{L}{2}(?=\.(?:\s|$))/u.exec(m[1]!);
    const end = stop ? s + stop.index + 2 : e;
    const words = t.slice(s, end).split(/[ \t]+/);
    // "fille de Mme Martin": the title rules read the name after a title. "mère de Famille", "son of God": one
    // ordinary word that no name list knows names no one.
    if (isTitleWord(words[0]!.replace(/\.$/, '')) || (words.length === 1 && isOrdinaryWord(words[0]!) && !isFirstNameOfAnyList(words[0]!))) continue;
    push(s, end, 0.85, PRIORITY.context, 'person-kin-of');
  }
  // INVERTED_RE is tried at every line start and field label; most notes have no ", <date>" at all.
  for (const m of INVERTED_HINT.test(t) ? t.matchAll(INVERTED_RE) : []) {
    if (DEGREE_WORD.test(m[2]!)) continue; // "Robert Feinberg, MD, 02/09/2024": DEGREE_RE's
    for (const group of [1, 2]) {
      const [s, e] = m.indices![group]!;
      if (!NOT_NAMES.has(t.slice(s, e).toLowerCase())) push(s, e, 0.85, PRIORITY.context, 'person-inverted');
    }
  }
  for (const m of t.matchAll(INVERTED_LINE)) {
    if (!isFirstName(m[2]!) || isOrdinaryWord(m[1]!) || NOT_NAMES.has(m[1]!.toLowerCase())) continue;
    // Two names, as the other surname-first rules give them: the surname, then the given name.
    push(m.indices![1]![0], m.indices![1]![1], 0.85, PRIORITY.context, 'person-inverted-line');
    push(m.indices![2]![0], m.indices![2]![1], 0.85, PRIORITY.context, 'person-inverted-line');
  }
  for (const m of t.includes(',') ? t.matchAll(INVERTED_LINE_LOWER) : []) {
    const [surname, given] = [m[1]!, m[2]!];
    if (!isFirstNameOfAnyList(given) || NOT_NAMES.has(surname) || NOT_NAMES.has(given)) continue;
    if (!isLastName(surname) && isDictionaryWord(fold(surname))) continue;
    push(m.indices![1]![0], m.indices![1]![1], 0.8, PRIORITY.context, 'person-inverted-line-lower');
    push(m.indices![2]![0], m.indices![2]![1], 0.8, PRIORITY.context, 'person-inverted-line-lower');
  }
  for (const m of doc.folded.matchAll(CLOSING_RE)) {
    const lineStart = m.index + m[0].length;
    const lineEnd = t.indexOf('\n', lineStart);
    const line = t.slice(lineStart, lineEnd < 0 ? t.length : lineEnd);
    const sig = SIGNATURE_LINE.exec(line);
    if (sig) push(lineStart + sig.indices![1]![0], lineStart + sig.indices![1]![1], 0.9, PRIORITY.context, 'person-signature');
  }
  // DEGREE_RE tries every capitalised word: only when a degree follows a space somewhere at all.
  for (const re of DEGREE_HINT.test(t) ? [DEGREE_RE, GREETING_RE, DAY_GREETING_RE, BORN_RE] : [GREETING_RE, DAY_GREETING_RE, BORN_RE]) {
    for (const m of matchesNotAfter(re, t)) {
      const [s, e] = m.indices![1]!;
      if (re === DAY_GREETING_RE && TITLE_WORDS.has(fold(m[1]!))) continue;
      // "Cher Confrère,", "Chère Consœur,", "Dear Colleague,", "Dear Orthopaedic Registrar,": a letter's greeting to a
      // role, every word one that a dictionary holds and no name list knows ("consœur" folds to no word the dictionary has).
      // "Triage RN:", "Sending MD:", "Palliative Care CNS", "(HCPC PA41872)", "Brandon Young, DDS, MD": before a degree, a role,
      // a ward or a registry's acronym, every word an ordinary one or capitals no name list knows.
      if (re === DEGREE_RE && m[1]!.trim().split(/[ \t]+/).every((w) => isOrdinaryWord(w) || (/^\p{Lu}{2,5}$/u.test(w) && !isLastName(w) && !isFirstName(w)))) continue;
      // Short dictionary words are left to be names: "Hi Deb,", "Hello Peg,", "Dear Síle," are nicknames no list knows.
      if (re === GREETING_RE && m[1]!.trim().split(/[ \t]+/).every((w) => (isOrdinaryWord(w) && (w.length >= 5 || /^(?:sir|all|team)$/iu.test(w))) || /^cons(?:œ|oe)urs?$/iu.test(w))) continue;
      push(s, e, 0.85, PRIORITY.context, 'person-context');
    }
  }
  for (const m of matchesNotAfter(COORDINATED_RE, t)) {
    const [s, e] = m.indices![1]!;
    push(s, e, 0.9, PRIORITY.context + 5, 'person-title-coordinated');
  }
  for (const m of doc.lang === 'en' ? matchesNotAfter(FAMILY_LOWER_EN, t) : doc.lang === 'fr' ? matchesNotAfter(FAMILY_LOWER_FR, t) : []) {
    const w = m[1]!;
    if (LOWER_STOP.has(w) || FAMILY_LOWER_STOP.has(w) || (!isFirstName(w) && isDictionaryWord(fold(w)))) continue;
    // A contraction is the sentence going on ("mum (she's …"), not a name; so is a French elision ("maman n'a", "maman
    // l'accompagne").
    if (CONTRACTION.test(w) || /^\p{L}['’]/u.test(w)) continue;
    const [s, e] = m.indices![1]!;
    out.push(span(s, e, 0.7, PRIORITY.context - 5, 'person-family-lower'));
  }
  for (const m of matchesNotAfter(FAMILY_LOWER_RE, t)) {
    const w = m[1]!;
    if (LOWER_STOP.has(w) || FAMILY_LOWER_STOP.has(w)) continue;
    // "mon mari après l'infarctus", "daughter asked about", "son mari travaille à …", "mari décédé": a verb or a
    // linking word goes on the sentence, it does not name the relative. The dictionary holds many lowercase given
    // names too ("aroha", "val", "marg"), so only its words shaped like a verb form, or a few linking words, are left.
    if (FUNCTION_WORDS_AFTER_RELATIVE.has(fold(w)) || (isOrdinaryWord(w) && (VERB_FORM_END.test(w) || LINKING_WORDS_AFTER_RELATIVE.has(fold(w))))) continue;
    const [s, e] = m.indices![1]!;
    out.push(span(s, e, 0.7, PRIORITY.context - 5, 'person-family-lower'));
  }
  const pairs = matchesNotAfter(NAME_PAIR, t);
  for (let i = 0; i < pairs.length; i++) {
    const m = pairs[i]!;
    const a = m[1]!;
    const b = m[3]!;
    const aUpper = a === a.toUpperCase();
    const bUpper = b === b.toUpperCase();
    // "ED PROVIDER NOTE", "AL FORM": an upper-case heading, when the second word is an ordinary one;
    // "BON DE TRANSPORT": a particle alone is no surname.
    if ((aUpper && bUpper && isOrdinaryWord(b)) || /^(?:de|du|des|le|la|les|da|di|van|von|del)$/i.test(b)) continue;
    // "Albrecht, OTR/L", "RN/BSN": capitals glued to a slash and a capital are a credential, not a given name.
    if (bUpper && /^\/\p{Lu}/u.test(t.slice(m.index + m[0].length, m.index + m[0].length + 2))) continue;
    // "ASA III", "NYHA IV", "GOLD II": a grade or class in Roman numerals, not a surname.
    if (/^(?:I{1,3}|IV|VI{0,3}|IX|X)$/.test(b)) continue;
    // "Nathalie du CLSC", "Sophie du CHU": a particle before an acronym says where someone works, not a family.
    const afterParticle = /^(?:de|du|d')[ \t]*(\p{Lu}+)$/u.exec(b)?.[1];
    if (afterParticle !== undefined && isAcronymNoSurname(afterParticle)) continue;
    // "Prénom : Lévana   Lien : fille", "PATEL, ROHAN  MRN …": two blanks or more part a form's columns;
    // across them only a surname goes on the name, not the next field's label.
    if (/[ \t]{2}/.test(m[2]!) && (isOrdinaryWord(b) || (bUpper && b.length <= 4 && !isLastName(b)))) continue;
    // "NICU SBAR", "MP Solène", "DCR Tomasz": an acronym, a unit or a role in capitals is no surname, even
    // when a first-name list of some language holds it; a short capitalised word goes only when a
    // surname list knows it ("LY Mai", "NG Wei").
    if (aUpper && bUpper && a.length <= 4 && b.length <= 4 && !isLastName(a) && !isLastName(b)) continue;
    if (aUpper && !bUpper && a.length <= 3 && !isLastName(a)) {
      // The name may start at the second word ("EMT Stacey McGuinness", "CNS Hayley Orme"): read from there.
      NAME_PAIR_AT.lastIndex = m.index + m[0].length - b.length;
      const again = NAME_PAIR_AT.exec(t);
      if (again) pairs.splice(i + 1, 0, again);
      continue;
    }
    // "Royal Flying Doctor", "General Surgeon", "Baby Unit", "Royal British Legion": a first name that opens
    // institutions' and roles' names, then an ordinary word, is no person (the dictionary leaves these out as names).
    if (INSTITUTION_FIRST_WORDS.has(a.toLowerCase()) && isOrdinaryWord(b)) continue;
    const hit = (isFirstName(a) && (bUpper || !isCommonWord(b))) || (aUpper && a.length > 1 && isFirstName(b) && !bUpper);
    // "Elliot Lake", "Owen Sound": a first name before a lake, a river or a bay is a town when a list holds the two.
    if (hit && GEOGRAPHIC_WORD.test(b) && isListedTown(`${a} ${b}`, 5000)) {
      out.push({ ...span(m.index, m.index + m[0].length, 0.85, PRIORITY.gazetteer + 5, 'city-first-name-and-water'), label: 'CITY' });
      continue;
    }
    if (hit && !isCommonWord(a.toLowerCase() === a ? a : '') && !NOT_NAMES.has(a.toLowerCase())) {
      out.push(span(m.index, m.index + m[0].length, 0.85, PRIORITY.gazetteer + 5, 'person-first-name'));
    }
  }
  return out;
}

/**
 * Words after a relative word that are no name: verbs, articles, other relatives, places in the ward, and
 * the titles that open the name rather than being it ("mère (mme lopes", "sa mere mme delphine").
 */
const CONTRACTION = /['’](?:s|re|ll|d|ve|t|m)$/;
const FAMILY_LOWER_STOP = new Set([
  'mme', 'mr', 'mrs', 'ms', 'miss', 'dr', 'madame', 'monsieur', 'mlle', 'mademoiselle', 'pr',
  'est', 'present', 'presente', 'présent', 'présente', 'aware', 'called', 'visited', 'informed', 'informe', 'informee', 'prevenu', 'prevenue', 'prévenu', 'prévenue',
  'joignable', 'reachable', 'available', 'lives', 'vit', 'habite', 'says', 'said', 'wants', 'souhaite', 'would', 'could', 'should', 'can', 'will', 'may', 'might', 'must',
  'pas', 'non', 'not', 'who', 'which', 'that', 'this', 'the', 'les', 'des', 'une', 'son', 'sa', 'ses', 'her', 'his', 'their', 'and', 'et', 'ou', 'nor',
  'bedside', 'chevet', 'present', 'unit', 'team', 'equipe', 'jour', 'nuit', 'soir', 'matin', 'today', 'tonight', 'tomorrow', 'demain', 'hier',
  'fils', 'fille', 'epouse', 'épouse', 'mari', 'femme', 'frere', 'frère', 'soeur', 'sœur', 'son', 'daughter', 'wife', 'husband', 'brother', 'sister',
  'dossier', 'suivi', 'sure', 'suré', 'aussi', 'also', 'very', 'tres', 'très', 'bien', 'well', 'mal', 'tout', 'toute', 'all', 'here', 'ici', 'there',
  'cadre', 'referente', 'referent', 'coordinatrice', 'coordinateur', 'liberal', 'libérale', 'liberale', 'salle', 'room', 'given', 'gave', 'took',
]);

/** A dictionary word that is neither a known first name nor a known surname. */
function isOrdinaryWord(w: string): boolean {
  const bare = w.replace(/\.$/, '');
  return !isFirstName(bare) && !isLastName(bare) && isDictionaryWord(fold(bare));
}

function isCommonWord(w: string): boolean {
  return w.length > 0 && NOT_NAMES.has(w.toLowerCase());
}
