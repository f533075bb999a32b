import { isDictionaryWord } from '../bloom.js';
import { matchesNotAfter, notAfter } from './not-after.js';
import { communePopulation, isFirstName, isFirstNameOfAnyList, isLastName } from '../gazetteers.js';
import { isJobAfterCareRole } from '../care-roles.js';
import { isCountry } from '../countries.js';
import { isDrugName } from '../drugs.js';
import { isNationalityOrLanguage } from '../nationalities.js';
import { MICROBE_SPECIES } from '../microbes.js';
import { fold } from '../normalize.js';
import { TITLE_WORDS } from '../titles.js';
import { PRIORITY, type Doc, type Span } from '../types.js';
import { chatSpeakerSpans } from './chat-speakers.js';
import { nicknameSpans } from './persons-nicknames.js';
import { surnameFirstSpans } from './persons-surname-first.js';
import { isTownOfAnyList } from './location.js';
import { RANK_WORDS } from './ranks.js';

/**
 * Names with no title in informal text (SMS, portal messages, nurse notes), often in lower case:
 * "c nadia benhamou la maman de yanis", "hi it's karen", "appeler tonton Farid", "chez Gisèle",
 * "bisous, léa", "child life (karen)". A first name is only taken where the context says a person
 * is named — a greeting or an introduction, an informal family word, a closing, "chez" — and must
 * be a known first name (the patterns run on the folded view, so case and accents do not matter;
 * an informal family word or "la maman de" also vouch for an unknown one
 * that is no ordinary word). A surname-like word may follow. Words that are also first names but
 * read as ordinary words in these places ("c'est bon", "hi will", "chez Paris") are kept out.
 */
// The intro, family and closing patterns run on the folded view (lower case, no accents), where \b
// marks a word start as well as a Unicode lookbehind does, at a fraction of its cost per position.
const TOKEN = String.raw`[\p{L}][\p{L}'’]{1,30}(?:-[\p{L}][\p{L}'’]{1,30})?`;
// "c'est nadia", "c nadia", "ici Karen", "hi its maria", "this is Tom", "salut léa", "de la part de sam"
const INTRO = new RegExp(
  String.raw`(?<!')\b(?:c'est|cest|c|ici|moi c'est|je suis|hi|hello|hey|hiya|yo|coucou|salut|bonjour|bonsoir|allo|it's|its|it is|this is|i'm|im|i am|de la part de)[ \t]*[,:]?[ \t]+(${TOKEN})(?:[ \t]+(${TOKEN}))?`,
  'dgu',
);
// "tonton Farid", "mamie jeannine", "auntie sue", "la maman de yanis", "mum of Leo"
// A family word ends its word: "grandmother's" is no "gran" before "dmother's".
const FAMILY_INFORMAL = new RegExp(
  String.raw`\b(?:(?:tonton|tata|tatie|tati|tante|oncle|mamie|mamy|mami|meme|papi|papy|pepe|marraine|parrain|nounou|uncle|auntie|aunty|aunt|grandma|granny|grandpa|gran|nana|nanny|grandson|granddaughter|grandmother|grandfather|grandad|granddad|grandchild|grandmere|grand-mere|grandpere|grand-pere|petit-fils|petite-fille)(?![\p{L}'’])|(?:maman|papa|mere|pere|frere|soeur|mum|mom|dad|mother|father|brother|sister)[ \t]+(?:de|d'|of))[ \t]*(${TOKEN})(?:[ \t]+(${TOKEN}))?`,
  'dgu',
);
// "chez Gisèle", "chez Marc Olivier"
const CHEZ = notAfter(new RegExp(String.raw`(?<![\p{L}])chez[ \t]+([\p{Lu}][\p{L}'’]{1,30}(?:-[\p{Lu}][\p{L}'’]{1,30})?)`, 'dgu'));
// "bisous, léa" / "merci karen" / "thanks - Tom" ending a line
const CLOSING_NAME = new RegExp(
  String.raw`\b(?:bisous|bises|biz|gros bisous|merci|merci beaucoup|a\+|a plus|a demain|bonne soiree|bonne journee|thanks|thank you|thx|ta|cheers|love|xoxo|xx|see you|cu)(?![\p{L}])[ \t]*[,!.-]*[ \t]*(${TOKEN})[ \t]*[.!]*[ \t]*(?=\n|$)`,
  'dgu',
);
// "child life (karen)", "(Nadia)"
const PAREN_NAME = new RegExp(String.raw`\([ \t]*(${TOKEN})[ \t]*\)`, 'dgu');
// "resident in room 9 (degenhardt elsie)", "(elsie degenhardt)": two lowercase words in brackets, one a first name the
// main list knows, neither a word a dictionary holds: a name and a surname, in either order.
const PAREN_TWO_LOWER = /\([ \t]*(\p{Ll}[\p{Ll}'’-]{2,25})[ \t]+(\p{Ll}[\p{Ll}'’-]{2,25})[ \t]*\)/dgu;

// "IDE Schmitt", "interne Benali", "technologist J. Ibarra", "AS Martin": a care role, then a capitalised
// surname (an initial may come first). Roles in upper case are matched as written ("AS", "OT", "PT"),
// words as lower or capitalised; a language or a grade in brackets may follow the role ("interpreter
// (Vietnamese) Hoa Lam"); a ship's guest or passenger is named so too. \b rather than a Unicode lookbehind: it is much cheaper at every
// position, and every role starts with an ASCII letter.
const ROLE_NAME = new RegExp(
  String.raw`\b(?:IDE|IDEL|IBODE|IADE|ASH|AS|AES|AMP|RN|LPN|CNA|OT|PT|SLT|SW|ASE|(?:[iI]nfirmi[eè]re?|[iI]nterne|[eE]xterne|[kK]in[eé]|[kK]in[eé]sith[eé]rapeute|[eE]rgoth[eé]rapeute|[oO]rthophoniste|[pP]sychologue|[dD]i[eé]t[eé]ticien(?:ne)?|[sS]age-femme|[bB]rancardier|[sS]ecr[eé]taire|[cC]adre(?: de sant[eé])?|[aA]ssistante? sociale?|[aA]uxiliaire de pu[eé]riculture|[pP]u[eé]ricultrice|[mM]anip(?:ulateur|ulatrice)?|[tT]echnologist|[tT]echnician|[tT]ech|[tT]herapist|[pP]hysio(?:therapist)?|[pP]harmacist|[dD]ietitian|[mM]idwife|[sS]ocial worker|[cC]ase manager|[cC]oordinator|[rR]esident|[iI]ntern|[fF]ellow|[sS]cribe|[pP]aramedic|[iI]nterpreter|[iI]nterpr[eè]te|[tT]ranslator|[tT]raductrice|[tT]raducteur|[cC]haplain|[aA]um[oô]nier|[cC]arer|[cC]aregiver|[dD]oula|[aA]ide|[hH]ome aide|[nN]urse|[aA]udiologist|[oO]rthoptist|[pP]odiatrist|[pP]sychologist|[kK]eyworker|[sS]upport worker|[mM]edics?|[aA]mbulanci[eè]re?|[vV]eilleuse|[vV]eilleur|[oO]ptometrist|[oO]ptician|[dD]entist|[hH]ygienist|[sS]tudent|[rR]adiographer|[sS]onographer|[cC]hiropodist|[cC]ounsell?or|[sS]urgeon|[rR]egistrar|[cC]onsultant|[hH]ealth visitor|[dD]entiste|[oO]pticien(?:ne)?|[Éé]tudiante?|[gG]uest|[pP]assenger|[pP]assag[eè]re?|OPJ|Sr|Revd|[aA]ctor|[aA]ctress|[dD]river|[cC]om[eé]dien(?:ne)?|[mM]atelot|[cC]linical[ \t]+[oO]fficer))(?:[ \t]+(?:major|chef|en[ \t]+chef|titulaire|principale?|r[ée]f[ée]rente?))?(?:[ \t]*\([\p{L} ]{2,20}\))?[ \t]*[:,]?[ \t]+((?:[\p{Lu}]\.[ \t]?)?[\p{Lu}][\p{Ll}'’]+(?:-[\p{Lu}][\p{Ll}'’]+)?(?:[ \t][\p{Lu}][\p{Ll}'’]+(?:-[\p{Lu}][\p{Ll}'’]+)?){0,2})(?![\p{L}])`,
  'dgu',
);
// "ide nuit : nadia / as : jérémy", "rn: kelly": a care-role label and a colon, then a lowercase known
// first name (handover sheets list the team so). Only known first names: "as : ras" is a finding.
const ROLE_LABEL_LOWER = /\b(?:ide|idel|as|ash|aes|aide-soignante?|infirmi[eè]re?|interne|externe|kin[eé]|cadre|rn(?:[ \t]+in[ \t]+charge)?|lpn|cna|hca|hcsw|charge nurse|nurse(?:[ \t]+in[ \t]+charge)?|tech|resident|intern)(?:[ \t]+(?:de[ \t]+)?(?:jour|nuit|matin|soir|day|night|days|nights))?[ \t]*:[ \t]*([\p{Ll}][\p{Ll}'’-]{2,20})(?![\p{L}])/dgu;
const ROLE_LABEL_HINT = /:[ \t]*\p{Ll}/u;
const ROSTER_NEXT = /^[ \t]*\/[ \t]*([\p{Ll}][\p{Ll}'’-]{2,20})(?![\p{L}]|[ \t]*:)/du;
// "pt ethan (7yo)", "pt jose ramirez, 45m", "patiente nadia k.": a lowercase known first name right after
// "pt" / "patient" in lowercase notes, and the surname after it when it is no ordinary word.
const PATIENT_LOWER = /\b(?:pt|patient|patiente|resident|client)[ \t]+([\p{Ll}][\p{Ll}'’-]{2,20})(?:[ \t]+([\p{Ll}][\p{Ll}'’-]{2,25}))?(?![\p{L}])/dgu;
// "patient : dumitrescu ionut", "pt : ngata mbala": after a patient field label and its colon, lowercase
// notes give the surname first, often a name no list knows; two words that are no ordinary words, or
// one that a name list knows, are the name (a finding there is one word or an ordinary one).
const PATIENT_FIELD_LOWER = /\b(?:pt|patient|patiente|malade)[ \t]*:[ \t]*([\p{Ll}][\p{Ll}'’-]{2,25})(?:[ \t]+([\p{Ll}][\p{Ll}'’-]{2,25}))?(?![\p{L}])/dgu;
// Military and police ranks as quick logs write them in lowercase ("sdt kevin arnaudies", "cal f. ozturk",
// "spc luis ocasio"): French and English abbreviations and the full words. Not "lt" (left) nor "maj"
// (majeur, major as an adjective), which lowercase notes use as words.
const LOWER_RANKS = String.raw`${RANK_WORDS}|soldat|cal|cch|mdl/?c|adj|adc|sous-lieutenant|brigadier-chef|quartier-maitre|second-maitre|ssgt|capt`;
// "practice nurse gemma platt", "caller lupe tuilagi", "pilote olivier ribes", "orthophoniste : marine
// delpech": lowercase notes name the team and the callers after their role word, in lowercase too, and the people
// around the patient after the word that says who they are ("collègue thierry", "friend peggy", "boss trev"). Only
// a known first name (as written in lowercase; after UNKNOWN_NAME_ROLES any name-like word), then its
// surname when it is no ordinary word. Not "as"
// (an English word), nor the words a role is followed by in prose ("nurse line", "secrétaire général").
const ROLE_LOWER_NAME = new RegExp(String.raw`\b(?:nurse|rn|ide|idel|hca|hcsw|caller|appelante?|pharmacist|pharmacien(?:ne)?|pilote|pilot|orthophoniste|kine|physio|officer|midwife|sage-femme|paramedic|ambulanciere?|brancardier|carer|dietitian|dieteticien(?:ne)?|coordinat(?:or|rice)|infirmiere?|aide-soignante?|educat(?:eur|rice)|ergotherapeute|psychologue|advis(?:or|er)|guide|therapist|solicitor|sergeant|preparat(?:eur|rice)|assistante? sociale|social worker|support worker|key ?worker|lmc|phn|hcp|${LOWER_RANKS}|puericultrice|matelot|pax|roommate|driver|neighbou?r|chaplain|interpreter|interprete|educ|minister|coworker|co-worker|colleague|collegue|workmate|friend|boss|manager|flatmate|housemate|copain|copine|voisine?|scientist|assistant|technician|technicien(?:ne)?|physiotherapist|radiographer|sonographer|porter|teacher|enseignante?|coloc|colocataire|crew|constable|pc|secretary|secretaire|receptionist|dentist|optometrist|audiologist|podiatrist|psychologist|counsell?or|coord|interne|externe|stagiaire)(?:[ \t]+(?:chef|major|titulaire|referente?))?(?:[ \t]*:[ \t]*|[ \t]+)([\p{Ll}][\p{Ll}'’-]{2,20})(?:[ \t]+([\p{Ll}][\p{Ll}'’-]{2,25}))?(?![\p{L}])`, 'dgu');
// A nurse named in a lowercase dictation, a name no list knows: after a grade ("l infirmier chef moussa bello",
// "infirmier major …"), or as a first name and a surname both no ordinary word ("l infirmier edem adjaho"). One word
// alone after "infirmière" is as often a programme or a specialty ("infirmière asalée").
const NURSE_GRADED = /^infirmiere?[ \t]+(?:chef|major|titulaire|referente?)\b/;
const NURSE = /^infirmiere?\b/;
// The roles that sign a nursing log's entries in lowercase ("17/11 0700 rn sharni: …", "hca tui: …").
const NOTE_WRITER_ROLE = /^(?:rn|nurse|hca|hcsw|ide|idel)[ \t]+$/;
// A nurse's specialty after the word ("infirmière tabacologue", "infirmier hygiéniste").
const SPECIALTY_ENDING = /(?:logue|iste|ien|ienne|eute)$/;
// "pharmacist: h. de vries", "therapist: g. vardy", "standardiste : j. rousselot": an initial and a word after
// a role in lowercase notes; the initial says a name follows, whatever list knows the surname.
const ROLE_INITIAL_LOWER = new RegExp(String.raw`\b(?:nurse|rn|ide|idel|caller|pharmacist|pharmacien(?:ne)?|therapist|physio|slt|midwife|sage-femme|dietitian|dieteticien(?:ne)?|coordinat(?:or|rice)s?|infirmiere?|psychologue|kine|operator|operat(?:eur|rice)|standardiste|secretaire|secretary|social worker|assistante? sociale|advis(?:or|er)|hcp|phn|paramedic|puericultrice|${LOWER_RANKS})(?:[ \t]*:[ \t]*|[ \t]+)([a-z]\.[ \t]?(?:(?:de|du|le|la|van|von|da|di|mc|mac)[ \t])?[a-z][a-z'’-]{2,30})(?![\p{L}])`, 'dgu');
// Roles after which lowercase notes write a name even when no list knows it ("neighbour pauric", "driver
// dwayne", "physio hemi rangihuna", "educ yohan"): not the care roles that a specialty or a programme
// also follows ("ide stomathérapeute", "infirmière asalée", "interprète bambara"), nor "cal" (a callus).
const UNKNOWN_NAME_ROLES = /^(?:pc|constable|physiotherapist|scientist|technician|technicien|coloc|colocataire|driver|neighbou?r|chaplain|educ|coordinat(?:or|rice)|coord|stagiaire|physio|pax|advis(?:or|er)|phn|lmc|hcp|roommate|pharmacist|midwife|carer|caller|appelante?|sgt|sergeant|cdt)\b/;

/** A word no list knows after a role of UNKNOWN_NAME_ROLES: a name when it is no ordinary word, drug or title. */
function unknownNameAfterRole(role: string, word: string): boolean {
  return UNKNOWN_NAME_ROLES.test(role) && word.length >= 4 && !/['’]/.test(word) && !TITLE_OR_SALUTATION.has(fold(word)) && unknownNameHere(word) && !isDrugName(word);
}
// Words a chat line may open with after the sender's role: greetings, thanks and contractions.
const OPENER = /^(?:hi|hello|hey|hiya|morning|evening|afternoon|thanks|thank|thx|ok|okay|yes|no|sorry|dear|good|great|\p{L}+['’](?:s|re|ll|m|d|ve|t))$/iu;
const OCCUPATION_ROLE = /^(?:actor|actress|driver|com[eé]dien(?:ne)?|matelot)\b/iu;
/** Words a role is followed by in prose ("nurse line", "secrétaire général", "charge nurse lead"). */
// "said" is also the first name Saïd, and the dictionary lets first names through: after "my friend" it is the verb.
// "l'infirmier major", "the nurse manager": the grade of a role, no name.
// A trainee's school after "stagiaire" ("stagiaire ifsi (clemence)"): the nursing, care-aide and physiotherapy institutes.
export const NOT_A_NAME_AFTER_ROLE = new Set(['line', 'ward', 'general', 'generale', 'sister', 'brother', 'station', 'lead', 'led', 'practitioner', 'specialist', 'said', 'says', 'major', 'manager', 'chef', 'principal', 'principale', 'ifsi', 'ifas', 'ifmk']);
// The last two letters of each label of PATIENT_FIELD_LOWER (pt, patieNT, patienTE, malaDE): a cheap
// test before the full scan, which must let every label through.
const PATIENT_FIELD_HINT = /(?:pt|nt|te|de)[ \t]*:[ \t]*\p{Ll}/u;
// "Sandrine P.", "Deb R. called": a known first name with the initial of the surname.
// Found from the initial back to the word before it: initials are rare, capitalised words are not.
const INITIAL = /(?<=[ \t])\p{Lu}\.(?!\p{L})/gu;
// An initial and an upper-case surname next to a care or lab role ("PAR S. DELMAS, BIOLOGISTE",
// "biologiste C. ABDELLI", "RN J. OKAFOR"): alone, "S. AUREUS" or "E. COLI" read the same, so the
// role must be there, before (with an optional colon) or after (with an optional comma).
const INITIAL_UPPER_SURNAME = notAfter(/(?<![\p{L}])\p{Lu}\.[ \t]?\p{Lu}[\p{Lu}'’-]{2,30}(?![\p{L}])/gu);
// "Logged by P. Adeyemi", "adjuster K. Pruitt:", "(K. Belkacem)": an initial and a capitalised surname
// no dictionary knows (or a name list does). Not a unit or a grade letter ending a sentence ("98 G/L.
// Contrôle", "BCLC B. Proposition": ordinary words), nor a street's direction or a street's name ("2217
// E. Preston St.", "B. Rodriguez St.").
// The initial is consumed before the look-behind (which covers it): a leading look-behind was tried at
// every position, six times the cost.
const INITIAL_SURNAME = /(\p{Lu})(?<![\p{L}\p{N}.'’/]\p{Lu})\.[ \t]?(\p{Lu}[\p{Ll}'’]+(?:-\p{Lu}[\p{Ll}'’]+)?)(?![\p{L}\p{N}])/dgu;
/** Species after a genus initial, capitalised by some writers ("E. Coli", "S. Aureus"): never a surname (microbes.ts). */
export const SPECIES = MICROBE_SPECIES;
const GRADE_BEFORE = /(?:^|[^\p{L}])(?:type|types|stade|stage|grade|classe|class|bclc|score|groupe|group)[ \t]*$/u;
const STREET_AFTER_SURNAME = /^(?:[ \t]+\p{Lu}[\p{L}'’]*){0,2}[ \t]+(?:St|Street|Ave|Avenue|Rd|Road|Blvd|Boulevard|Dr|Drive|Lane|Ln|Way|Park|Place|Pl|Court|Ct|Terrace|Highway|Hwy)\b/u;
// Irish and Scottish Gaelic surnames open on a particle ("Pádraig Ó Murchú", "Siobhán Ní Bhriain",
// "Máire Uí Fhlaithearta", "Fionnlagh Mac an Tàilleir", "SEÁN Ó BROIN"): the particle and the capitalised
// word after it are a surname wherever they stand, and a given name before it goes with them.
// Read from the particle (its look-behind after it, which covers it), the given name looked for before it.
const GAELIC_SURNAME = /(?:Ó|Ní|Nic|Uí|Mac[ \t]+an|Mhic|Ua)(?<![\p{L}](?:Ó|Ní|Nic|Uí|Mac[ \t]+an|Mhic|Ua))[ \t]+\p{Lu}[\p{L}'’-]+/gu;
const GIVEN_BEFORE = /(?<![\p{L}])(\p{Lu}[\p{L}'’-]+)[ \t]+$/u;
// The shared titles, and the words English letters put where a title stands ("Sir", "Dear", "née").
const TITLE_OR_SALUTATION = new Set([...TITLE_WORDS, 'mx', 'professor', 'sir', 'dame', 'nee', 're', 'dear']);
const CARE_ROLE = String.raw`(?:biologiste|interne|externe|ide|idel|infirmi[eè]re?|pharmacien(?:ne)?|technicien(?:ne)?|manipulat(?:eur|rice)|sage-femme|kin[eé]|secr[eé]taire|cadre(?: de sant[eé])?|m[eé]decin|chirurgien(?:ne)?|anesth[eé]siste|radiologue|biologist|pharmacist|nurse|rn|lpn|technician|tech|resident|registrar|intern|midwife|physio(?:therapist)?|consultant|attending|radiologist|anaesthetist|anesthesiologist)`;
const ROLE_BEFORE = new RegExp(String.raw`(?<![\p{L}])${CARE_ROLE}[ \t]*:?[ \t]*$`, 'iu');
const ROLE_AFTER = new RegExp(String.raw`^[ \t]*,?[ \t]*(?:\(?[ \t]*)${CARE_ROLE}(?![\p{L}])`, 'iu');
const WORD_BEFORE_INITIAL = /(?<![\p{L}])([\p{Lu}][\p{Ll}'’]{1,20}(?:-[\p{Lu}][\p{Ll}'’]{1,20})?)[ \t]+$/u;
// The same in a lowercase note, as staff sign it ("- niamh k., staff nurse", "nurse notes (eilidh m.)", "kn meri k."):
// a first name no dictionary holds, a blank, a small letter and its dot. Opened on the blank, not a look-behind.
const LOWER_INITIAL = /[ \t]\p{Ll}\.(?![\p{L}\p{N}.])/gu;
const LOWER_WORD_BEFORE_INITIAL = /(?<![\p{L}'’-])(\p{Ll}[\p{Ll}'’-]{2,20})$/u;

/** Ordinary words that are also first names, or that follow these contexts in chat ("c'est bon", "hi all"). */
const NOT_A_NAME_HERE = new Set([
  'bon', 'bien', 'ben', 'moi', 'toi', 'lui', 'elle', 'nous', 'vous', 'eux', 'ok', 'oui', 'non', 'pas', 'la', 'le', 'les', 'un', 'une', 'tout', 'vrai', 'sur', 'fait',
  'fini', 'note', 'grave', 'juste', 'normal', 'parti', 'prevu', 'urgent', 'possible', 'mieux', 'pareil', 'ca', 'cela', 'ceci', 'quoi', 'qui', 'comment', 'pour',
  'will', 'may', 'hope', 'joy', 'grace', 'faith', 'rose', 'mark', 'bill', 'sue', 'pat', 'art', 'guy', 'gay', 'summer', 'autumn', 'april', 'june', 'august',
  'all', 'everyone', 'there', 'again', 'you', 'me', 'him', 'her', 'them', 'us', 'it', 'its', 'fine', 'ok', 'okay', 'good', 'great', 'here', 'home', 'back',
  'done', 'sorry', 'sure', 'dr', 'doc', 'docteur', 'doctor', 'nurse', 'team', 'the', 'a', 'an', 'my', 'your', 'our', 'his', 'dear', 'guys', 'folks',
  'mr', 'mrs', 'ms', 'mme', 'madame', 'monsieur', 'patient', 'patiente', 'service', 'equipe', 'infirmiere', 'infirmier', 'ide', 'as', 'maman', 'papa',
  'eval', 'evaluation', 'consult', 'note', 'review', 'visit', 'session', 'rounds', 'shift', 'call', 'aware', 'notified', 'present', 'bedside', 'staff',
  'student', 'students', 'planning', 'bloc', 'nuit', 'jour', 'garde', 'matin', 'soir', 'referent', 'referente', 'coordinatrice', 'stagiaire',
  'remplacant', 'remplacante', 'liberal', 'liberale', 'domicile', 'transmissions', 'releve', 'report', 'handover', 'lead', 'charge', 'senior', 'junior',
  'france', 'paris', 'lourdes', 'florence', 'valence', 'nancy', 'lorraine', 'charlotte', 'victoria', 'georgia', 'sydney', 'austin', 'chelsea', 'jordan',
  // a kinship in brackets after a name ("Jodie Ashdown (sister)") says who she is, it is no nickname
  'sister', 'brother', 'daughter', 'son', 'wife', 'husband', 'mother', 'father', 'mum', 'mom', 'dad', 'partner', 'friend', 'neighbour', 'neighbor',
  'niece', 'nephew', 'aunt', 'uncle', 'cousin', 'soeur', 'frere', 'fille', 'fils', 'mari', 'epouse', 'femme', 'mere', 'pere', 'voisin', 'voisine', 'baby', 'bebe',
]);

/** Words that follow "nurse a." or "rn j." in prose without naming anyone ("nurse a. m. shift" reads a time). */
const LOWER_STOP_AFTER_INITIAL = new Set(['shift', 'round', 'rounds', 'note', 'notes', 'and', 'the', 'with', 'for', 'et', 'pour', 'avec']);

export function firstNameHere(word: string): boolean {
  const key = fold(word);
  return key.length >= 3 && !NOT_A_NAME_HERE.has(key) && isFirstNameOfAnyList(word);
}

/** An unknown word in a place that names a person: no ordinary word, no stop word. */
export function unknownNameHere(word: string): boolean {
  const key = fold(word);
  return key.length >= 3 && !NOT_A_NAME_HERE.has(key) && !isDictionaryWord(key) && !/\d/.test(word);
}

/** The word after a first name is its surname when it is a known surname or no ordinary word. */
export function surnameAfter(word: string | undefined): boolean {
  if (word === undefined) return false;
  const key = fold(word);
  if (key.length < 3 || NOT_A_NAME_HERE.has(key)) return false;
  return isLastName(word) ? !isDictionaryWord(key) || /^\p{Lu}/u.test(word) : !isDictionaryWord(key) && !isFirstName(word) && /^\p{L}+(?:-\p{L}+)?$/u.test(word);
}

// "Hi Lachlan, it's Bec", "Bonjour Mme Wabealo, c'est Josiane": a greeting, then the writer saying who they are.
// There a capitalised word is a name even when no list knows it or it is also a word ("Sue"); "mon assurance
// c'est Desjardins" has no greeting before it.
const SELF_INTRO = /^(?:it's|its|it is|this is|c'est|cest)[ \t]*[,:]?[ \t]+$/;
const GREETING_BEFORE = /(?:^|[^\p{L}])(?:hi|hello|hey|hiya|morning|good (?:morning|afternoon|evening)|kia ora|bonjour|bonsoir|salut|coucou)(?![\p{L}])[^.!?\n]{0,40},[ \t]*$/u;

function selfIntroducedAfterGreeting(m: RegExpExecArray, name: string): boolean {
  const [nameStart] = m.indices![1]!;
  if (!/^\p{Lu}/u.test(name) || NOT_A_NAME_HERE.has(fold(name)) || fold(name).length < 3) return false;
  if (!SELF_INTRO.test(m.input.slice(m.index, nameStart))) return false;
  return GREETING_BEFORE.test(m.input.slice(Math.max(0, m.index - 60), m.index));
}

export function informalPersonSpans(doc: Doc): Span[] {
  const t = doc.text;
  const out: Span[] = [];
  const push = (start: number, end: number, source: string) => out.push({ start, end, label: 'PERSON', score: 0.8, priority: PRIORITY.context - 5, source });
  const f = doc.folded;
  const word = (m: RegExpMatchArray, group: number) => t.slice(m.indices![group]![0], m.indices![group]![1]);
  const withSurname = (m: RegExpMatchArray, source: string) => {
    const [s, e] = m.indices![1]!;
    const second = m.indices![2];
    push(s, second && surnameAfter(word(m, 2)) ? second[1] : e, source);
  };
  // Intros chain ("hi its maria", "bonjour c'est léa"): when the word after one is no name, the
  // search goes on from that word, which may itself be an intro.
  // One compiled pattern for every document; the loop below moves lastIndex itself (synchronous, no reentry).
  const intro = INTRO;
  intro.lastIndex = 0;
  for (let m = intro.exec(f); m; m = intro.exec(f)) {
    if (firstNameHere(word(m, 1)) || selfIntroducedAfterGreeting(m, word(m, 1))) withSurname(m, 'person-informal-intro');
    else intro.lastIndex = m.indices![1]![0];
  }
  for (const m of f.matchAll(FAMILY_INFORMAL)) {
    const w = word(m, 1);
    if (firstNameHere(w) || unknownNameHere(w)) withSurname(m, 'person-informal-family');
  }
  // CHEZ tries its lookbehind at every position: only when the word is there at all (as written, no i flag).
  for (const m of t.includes('chez') ? matchesNotAfter(CHEZ, t) : []) {
    const w = m[1]!;
    // "chez Nancy" is a town; a commune name that is also a first name stays a place here.
    if (firstNameHere(w) && communePopulation(w) === undefined) push(m.indices![1]![0], m.indices![1]![1], 'person-informal-chez');
  }
  for (const m of f.matchAll(CLOSING_NAME)) {
    if (firstNameHere(word(m, 1))) push(m.indices![1]![0], m.indices![1]![1], 'person-informal-closing');
  }
  for (const m of t.matchAll(ROLE_NAME)) {
    const [s] = m.indices![1]!;
    // A comma after a role word sets the name apart ("the Admiral Nurse, Ffion Bevan,"); after a role
    // acronym it lists a team ("(SW, North … Council)"): no name there.
    const role = t.slice(m.index, s);
    if (role.includes(',') && !/\p{Ll}/u.test(role)) continue;
    // An occupation then a comma is a job and its employer ("Occupation: driver, Trinidad & Tobago
    // Electricity Commission"), not a person.
    if (role.includes(',') && OCCUPATION_ROLE.test(role)) continue;
    // "Nurse: Ailsa Drummond RGN": a first name and a surname after the role; the words after the
    // first are kept while each could be a name ("IDE Martin Lundi": the weekday is not).
    let words = m[1]!.split(/[ \t]+/);
    // "Nurse: How's Shona today?", "Nurse: Hi Graeme": a chat line's greeting or contraction opens what
    // the role says; the name, if any, follows it.
    let start = s;
    while (words.length > 1 && OPENER.test(words[0]!)) {
      start = t.indexOf(words[1]!, start + words[0]!.length);
      words = words.slice(1);
    }
    // "Consultant Intensivist", "Nurse Line", "Interpreter: Spanish", "(nurse, Netherlands)": the role's job, service,
    // language or country, no name.
    if (isJobAfterCareRole(words[0]!) || isNationalityOrLanguage(words[0]!) || isCountry(words[0]!)) continue;
    const surname = words[0]!.replace(/^\p{Lu}\.[ \t]?/u, '');
    const nameWord = (w: string) => !NOT_A_NAME_HERE.has(fold(w)) && (!isDictionaryWord(fold(w)) || isLastName(w) || isFirstName(w));
    // "IDE Planning", "AS Bloc": an ordinary word after a role is a service, not a person.
    // A first name that is also a word ("Sr Blessing Adeyemi") counts when a surname no dictionary knows follows.
    const surnameNext = words[1] !== undefined && !isDictionaryWord(fold(words[1])) && !NOT_A_NAME_HERE.has(fold(words[1]));
    if (/^\p{Lu}\.$/u.test(words[0]!) ? !nameWord(words[1] ?? '') : !nameWord(surname) && !surnameNext) continue;
    let kept = /^\p{Lu}\.$/u.test(words[0]!) ? 2 : 1;
    while (kept < words.length && nameWord(words[kept]!)) kept++;
    push(start, start + words.slice(0, kept).join(' ').length, 'person-role');
  }
  for (const m of t.matchAll(PATIENT_LOWER)) {
    const first = m[1]!;
    if (!firstNameHere(first) || (isDictionaryWord(fold(first)) && !isFirstName(first))) continue;
    const last = m[2];
    const withLast = last !== undefined && !isDictionaryWord(fold(last)) && !NOT_A_NAME_HERE.has(fold(last));
    push(m.indices![1]![0], withLast ? m.indices![2]![1] : m.indices![1]![1], 'person-informal-patient');
  }
  for (const m of PATIENT_FIELD_HINT.test(t) ? t.matchAll(PATIENT_FIELD_LOWER) : []) {
    const words = [m[1]!, m[2]].filter((w): w is string => w !== undefined && !NOT_A_NAME_HERE.has(fold(w)) && !isDictionaryWord(fold(w)));
    const known = words.some((w) => isFirstName(w) || isLastName(w));
    if (words[0] !== m[1] || (words.length < 2 && !known)) continue;
    push(m.indices![1]![0], m.indices![words.length]![1], 'person-patient-field-lower');
  }
  for (const m of f.includes('.') ? f.matchAll(ROLE_INITIAL_LOWER) : []) {
    const [s, e] = m.indices![1]!;
    const last = fold(t.slice(s, e)).split(/[ \t.]+/).pop()!;
    if (!/^\p{Ll}/u.test(t.slice(s, e)) || NOT_A_NAME_HERE.has(last) || LOWER_STOP_AFTER_INITIAL.has(last)) continue;
    push(s, e, 'person-role-initial-lower');
  }
  for (const m of f.matchAll(ROLE_LOWER_NAME)) {
    const first = word(m, 1);
    if (!/^\p{Ll}/u.test(first) || NOT_A_NAME_AFTER_ROLE.has(fold(first)) || isDictionaryWord(fold(first))) continue;
    const role = f.slice(m.index, m.indices![1]![0]);
    // "pc hedley" is a police constable; "PC trach" a ventilator's pressure control.
    if (/^pc\b/.test(role) && t.slice(m.index, m.index + 2) !== 'pc') continue;
    const nurseNamed =
      NURSE.test(role) &&
      first.length >= 4 &&
      unknownNameHere(first) &&
      !isDrugName(first) &&
      !SPECIALTY_ENDING.test(fold(first)) &&
      (NURSE_GRADED.test(role) || (m[2] !== undefined && /^\p{Ll}/u.test(word(m, 2)) && !isDictionaryWord(fold(word(m, 2)))));
    // "0700 rn sharni: no sleep": a nurse's name closed by a colon is who wrote the log's entry, whatever list knows it.
    const entryWriter = NOTE_WRITER_ROLE.test(role) && f[m.indices![1]![1]] === ':' && m[2] === undefined && unknownNameHere(first) && !isDrugName(first);
    // "clinical officer daudi mollel": the title of a health worker in East and Southern Africa; a "medical officer"
    // is followed by the place as often ("medical officer mankweng hospital").
    const clinicalOfficer = role.startsWith('officer') && /clinical[ \t]+$/.test(f.slice(Math.max(0, m.index - 12), m.index)) && first.length >= 4 && unknownNameHere(first);
    if (!firstNameHere(first) && !unknownNameAfterRole(role, first) && !nurseNamed && !clinicalOfficer && !entryWriter) continue;
    const last = m[2] === undefined ? undefined : word(m, 2);
    push(m.indices![1]![0], last !== undefined && /^\p{Ll}/u.test(last) && surnameAfter(last) ? m.indices![2]![1] : m.indices![1]![1], 'person-role-lower');
  }
  for (const m of ROLE_LABEL_HINT.test(t) ? t.matchAll(ROLE_LABEL_LOWER) : []) {
    const w = m[1]!;
    // A first name of any list ("rn in charge: trudy"), no dictionary word unless the main list knows it as a name.
    if (!isFirstNameOfAnyList(w.split('-')[0]!) || (isDictionaryWord(fold(w)) && !isFirstName(w)) || NOT_A_NAME_HERE.has(fold(w))) continue;
    push(m.indices![1]![0], m.indices![1]![1], 'person-role-label');
    // A roster goes on after a slash: "ide : mélanie / aurore" (a known first name, no label of its own).
    const next = ROSTER_NEXT.exec(t.slice(m.indices![1]![1], m.indices![1]![1] + 30));
    if (next && firstNameHere(next[1]!)) push(m.indices![1]![1] + next.indices![1]![0], m.indices![1]![1] + next.indices![1]![1], 'person-role-label');
  }
  for (const m of t.includes('.') ? t.matchAll(INITIAL) : []) {
    const before = t.slice(Math.max(0, m.index - 48), m.index);
    const w = WORD_BEFORE_INITIAL.exec(before);
    if (!w || !firstNameHere(w[1]!)) continue;
    push(m.index - before.length + w.index, m.index + 2, 'person-first-initial');
  }
  for (const m of t.includes('.') ? t.matchAll(LOWER_INITIAL) : []) {
    const w = LOWER_WORD_BEFORE_INITIAL.exec(t.slice(Math.max(0, m.index - 24), m.index));
    if (!w || !firstNameHere(w[1]!) || isDictionaryWord(fold(w[1]!))) continue;
    push(m.index - w[1]!.length, m.index + 3, 'person-first-initial-lower');
  }
  for (const m of /\p{Lu}\.[ \t]?\p{Lu}{3}/u.test(t) ? matchesNotAfter(INITIAL_UPPER_SURNAME, t) : []) {
    const end = m.index + m[0].length;
    if (!ROLE_BEFORE.test(t.slice(Math.max(0, m.index - 24), m.index)) && !ROLE_AFTER.test(t.slice(end, end + 24))) continue;
    push(m.index, end, 'person-initial-role');
  }
  for (const m of /\p{Lu}\.[ \t]?\p{Lu}\p{Ll}/u.test(t) ? t.matchAll(INITIAL_SURNAME) : []) {
    const surname = m[2]!;
    const end = m.index + m[0].length;
    if (SPECIES.has(fold(surname)) || surname.split('-').some((part) => isDictionaryWord(fold(part)) && !isLastName(part))) continue;
    if (STREET_AFTER_SURNAME.test(t.slice(end, end + 40)) || /\d[ \t]*$/u.test(t.slice(Math.max(0, m.index - 3), m.index))) continue;
    // A grade or a type letter ("type B. Microcalcifications"), or a word glued to a lowercase one ("A. Ex-serviceman").
    if (GRADE_BEFORE.test(doc.folded.slice(Math.max(0, m.index - 12), m.index)) || /^-\p{Ll}/u.test(t.slice(end, end + 2))) continue;
    push(m.index, end, 'person-initial-surname');
  }
  for (const m of t.matchAll(GAELIC_SURNAME)) {
    const before = GIVEN_BEFORE.exec(t.slice(Math.max(0, m.index - 32), m.index));
    const given = before?.[1];
    // A title or an ordinary word before the particle stays out: the name starts at the particle.
    const withGiven = given !== undefined && !TITLE_OR_SALUTATION.has(fold(given)) && (isFirstName(given) || !isDictionaryWord(fold(given)));
    push(withGiven ? m.index - before![0].length : m.index, m.index + m[0].length, 'person-gaelic');
  }
  for (const m of t.includes('(') ? t.matchAll(PAREN_TWO_LOWER) : []) {
    const [a, b] = [m[1]!, m[2]!];
    // No town either: "(launceston general)" is a hospital's short name.
    const plain = (w: string) => !isDictionaryWord(fold(w)) && !NOT_A_NAME_HERE.has(fold(w)) && !isDrugName(w) && !isTownOfAnyList(w);
    if (!plain(a) || !plain(b) || !(firstNameHere(a) || firstNameHere(b)) || !(isFirstName(a) || isFirstName(b))) continue;
    push(m.indices![1]![0], m.indices![2]![1], 'person-informal-paren');
  }
  for (const m of t.matchAll(PAREN_NAME)) {
    if (firstNameHere(m[1]!) && !isDictionaryWord(fold(m[1]!))) push(m.indices![1]![0], m.indices![1]![1], 'person-informal-paren');
  }
  return out.concat(chatSpeakerSpans(doc), nicknameSpans(doc), surnameFirstSpans(doc));
}
