import { isDictionaryWord } from '../bloom.js';
import { communePopulation, isFirstName } from '../gazetteers.js';
import { fold } from '../normalize.js';
import { isTownOfAnyList } from './location.js';
import { PRIORITY, type Doc, type Span } from '../types.js';

/**
 * Care places and employers named the way notes name them, without the capitals or head words
 * location.ts needs:
 *   - English facilities named after a saint, by the possessive or "of God" ("St Vincent's",
 *     "st mary's", "St John of God Subiaco");
 *   - nursing homes named in lowercase notes ("l'ehpad la pastourelle", "ehpad saint-joseph");
 *   - employers, which the annotation guidelines count with facilities (HOSPITAL): after
 *     "employeur :", "la société", "works at", "retired from", a job and "chez" ("ingénieur chez X",
 *     "profession : cariste chez X"), "works as a <job> at / for", "returns to work at", "travaille
 *     de nuit chez", "a repris chez", a job noun's shape before "chez" ("soudeuse chez", "agent de
 *     quai chez" is not: one word, or "agent d'…"), "salariée de" …;
 *   - a medical laboratory named in a lowercase note after "labo" ("labo biolor jussey", "labo bio vienne", "au
 *     laboratoire bioariege"): a name no dictionary knows, then its town or more such words;
 *   - the value of a field whose key names a provider, a pharmacy or an employer ("Pharmacy: Amcal Lavington");
 *   - pharmacy chains and their branch ("Boots Llandovery", "jean coutu la sarre").
 */
const SAINT_FACILITY = /\b(?:st\.?|saint)[ \t]+[a-z][a-z'-]{2,20}(?:'s(?![\p{L}])(?![ \t]+(?:day|wort|dance|fire|disease|syndrome|sign))|[ \t]+of[ \t]+god(?:[ \t]+[a-z][a-z-]{2,20})?(?![\p{L}]))/gu;
const SAINT_HINT = /(?:st\.?|saint)[ \t]+[a-z]/;
// "ehpad la pastourelle", "ehpad les glycines", "ehpad saint-joseph": a home's own name after its
// kind. Lowercase only (capitalised names are HOSPITAL_FR's); the name ends at punctuation or "de".
const LOWER_HOME = /\b(?:ehpad|usld|maison de retraite|foyer logement|residence autonomie)[ \t]+((?:la|le|les|l')[ \t']*[a-z][a-z'-]{3,25}|(?:saint|sainte|st|ste)[ -][a-z][a-z'-]{2,25})(?![\p{L}])/dgu;
const LOWER_HOME_HINT = /ehpad|usld|maison de retraite|foyer logement|residence autonomie/;
// An employer after a word that introduces one; its name is capitalised or upper-case words, with
// "de", "et", "&" inside ("Transports Guérin et Fils", "Aéroports de Paris", "Net'Clean Services").
const EMPLOYER_NAME = String.raw`[\p{Lu}\p{N}][\p{L}\p{N}'’&-]{0,30}(?:[ \t]+(?:(?:de|du|des|et|and|of|&|la|le)[ \t]+)?[\p{Lu}\p{N}][\p{L}\p{N}'’&-]{0,30}){0,4}`;
const EMPLOYER = new RegExp(
  String.raw`\b(?:(?:[Ee]mployeur|[Ee]mployer)(?:[ \t]*\([^()\n]{1,25}\))?|[Ee]ntreprise|[Ww]orker[ \t]+(?:at|for)|[Tt]ravail(?:[ \t]+de[ \t]+(?:nuit|jour))?[ \t]+chez|[Ss]oci[ée]t[ée]|[Rr]etrait[ée]e? de(?: la| l'|s)?|[Rr]etired from|[Ww]ork(?:s|ed|ing)?(?:[ \t]+(?:part-time|full-time|part time|full time|nights|shifts))?(?:[ \t]+as[ \t]+(?:an?[ \t]+)?\p{Ll}[\p{Ll}-]{1,25}(?:[ \t]+\p{Ll}[\p{Ll}-]{1,25}){0,2})?[ \t]+(?:at|for)|[Rr]eturns?[ \t]+to[ \t]+work[ \t]+at|(?:[Tt]ravaill(?:e|ait)|[Aa][ \t]+repris|[Rr]eprend)(?:[ \t]+(?:de nuit|de jour|[àa] mi-temps|[àa] temps partiel|en int[ée]rim|en alternance))?[ \t]+(?:chez|pour)|(?:[Oo]uvri[eè]re?|[Ss]alari[ée]e?|[Ee]mploy[ée]e?|[Ii]nt[ée]rimaire|[Ss]tagiaire|[Aa]pprentie?|[Aa]gente?[ \t]+d'[\p{Ll}-]{3,20}|\p{Ll}[\p{Ll}-]{2,20}(?:ier|i[eè]re|eur|euse|rice|iste|ienne?))(?:[ \t]+\p{Lu}{2,6})?[ \t]+(?:chez|(?<=(?:ari|loy)[ée]e?[ \t]+)de)|[Ee]mployed (?:at|by)|[Tt]ravaille (?:chez|[àa] la|[àa]u|pour)|(?:[Cc]omme|[Ee]n tant que|[Pp]rofession(?:nelle)?[ \t]*:)[ \t]+\p{Ll}[\p{Ll}-]{2,25}(?:[ \t]+\p{Ll}[\p{Ll}-]{2,25}){0,2}[ \t]+chez)[ \t]*:?[ \t]*(?:(?:la|le|l'|the)[ \t]*)?(?:soci[ée]t[ée][ \t]+(?:de[ \t]+[\p{Ll}]+[ \t]+)?)?(${EMPLOYER_NAME})`,
  'dgu',
);
const EMPLOYER_HINT = /mploy|ntreprise|oci[ée]t|etrait|etired|ork|ravail|repr| chez |alari/;
// Forms in capitals print the field so ("EMPLOYEUR DE L'ASSURÉ : COOPÉRATIVE AGRICOLE ARTERRIS", "EMPLOYER: DIAVIK
// DIAMOND MINE"): the label, its colon, and a name in capitals that opens on a letter (not "EMPLOYER INFORMED BY
// WIFE", not "N° SIRET EMPLOYEUR : 260 700 …").
const EMPLOYER_UPPER = /(?<![\p{L}])(?:EMPLOYEUR|EMPLOYER)(?:[ \t]+DE[ \t]+L['’]ASSUR[ÉE]E?)?(?:[ \t]*\([^()\n]{1,25}\))?[ \t]*:[ \t]*(\p{Lu}[\p{Lu}\p{N}'’&.-]{0,30}(?:[ \t]+[\p{Lu}\p{N}][\p{Lu}\p{N}'’&.-]{0,30}){0,5})(?![\p{L}])/dgu;
/** Capitalised words after an employer word that name no employer: titles, weekdays, generic nouns. */
const NOT_EMPLOYER = /^(?:Dr|Mr|Mrs|Ms|Mme|M|Monsieur|Madame|Le|La|Les|The|A|An|Home|Night|Nights|Day|Days|Lundi|Mardi|Mercredi|Jeudi|Vendredi|Samedi|Dimanche|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|Française|Francaise|French)$/u;

// A field whose key names a provider, a pharmacy or an employer ("Pharmacy: Amcal Lavington", "Prestataire : Perfadom
// Gascogne", "Employeur civil : Scierie Fourcade", "Funeral director: E. Bailey & Sons"): its value, up to the end of
// the line, a separator or a sentence's end, is that facility, whatever names it is made of (the sets mark it HOSPITAL
// every time). The key opens its line or a part of it: "Accredo Specialty Pharmacy: Hi Darlene" is a chat sender,
// "Profession / employeur : aide-soignante" asks for a job. Not "Provider:", a person in American notes.
const FACILITY_FIELD = /(?:^|[.;|(]|[ \t]{2})[ \t]*(?:pharmacy|pharmacie|prestataire(?:[ \t]+mat[eé]riel)?|(?:home[ \t]+care|medical)[ \t]+provider|employer|employeur(?:[ \t]+civil)?|funeral[ \t]+director|transporteur|supplier|fournisseur)[ \t]*:[ \t]*(\p{L}[^\n,;()\t|]{1,60}?)(?=[ \t]*(?:$|[\n,;()\t|]|[ \t][–—-][ \t]|[ \t]{2}|[ \t]\(?\+?\d{2,}))/dgimu;
// No answer, or a person ("Employer: Dr Smith said no" names who spoke).
const NOT_A_FACILITY_VALUE = /^(?:none|nil|n\/a|na|unknown|self|retired|unemployed|aucune?|sans|neant|retraite|chomage|inconnu|oui|non|yes|no|ok|dr|mr|mrs|ms|mme|mlle|pr|prof|docteur|professeur)\b/iu;

// Pharmacy chains, named alone or with their branch ("dispensed at Boots, Prospect Street", "rx sent to boots
// sandwick", "Pharmaprix Sainte-Adèle", "jean coutu la sarre", "Walgreens #07731"): a pharmacy where the patient is
// known. "CVS" only as the chain ("CVS pharmacy", "the CVS at …"; a chorionic villus sampling otherwise), "boots" in
// lower case only before its town or after a word that sends or fetches something there ("wet with boots" is footwear).
const PHARMACY_CHAIN = /\b(?:boots|walgreens|rite[ \t]+aid|superdrug|lloyds[ \t]+pharmacy|shoppers[ \t]+drug[ \t]+mart|jean[ \t]+coutu|pharmaprix|walmart[ \t]+(?:pharmacy|supercenter)|amcal|chemist[ \t]+warehouse|cvs(?=[ \t]+(?:pharmacy|minuteclinic|#|at|on)\b))(?![\p{L}\p{N}])/gu;
const PHARMACY_CHAIN_HINT = /boots|walgreens|rite aid|superdrug|lloyds|shoppers|coutu|pharmaprix|walmart|amcal|chemist warehouse|cvs/;
const SENT_OR_FETCHED_BEFORE = /(?:^|[^\p{L}])(?:at|from|via|to|by|pharmacy|pharmacist|dispensed)[ \t]+(?:the[ \t]+)?$/u;
const BRANCH_AFTER = /^(?:[ \t]+#[ \t]?\d{2,6}|((?:[ \t]+[\p{L}][\p{L}'’-]*){1,3}))/u;

function pharmacyChainSpans(doc: Doc): Span[] {
  const out: Span[] = [];
  for (const m of doc.folded.matchAll(PHARMACY_CHAIN)) {
    let end = m.index + m[0].length;
    // Its branch: a store number, or the longest run of one to three words after it that a town list knows.
    const after = BRANCH_AFTER.exec(doc.text.slice(end, end + 60));
    let branch = false;
    // A store number stays the identifier's span ("Walgreens #07731").
    if (after && after[1] === undefined) branch = true;
    else if (after) {
      const words = [...after[1]!.matchAll(/[ \t]+([\p{L}][\p{L}'’-]*)/gu)];
      for (let k = words.length; k >= 1; k--) {
        const name = words.slice(0, k).map((w) => w[1]).join(' ');
        if (isTownOfAnyList(name) || ((communePopulation(name) ?? 0) >= 2000 && !isDictionaryWord(fold(name)))) {
          end += words[k - 1]!.index + words[k - 1]![0].length;
          branch = true;
          break;
        }
      }
    }
    const written = doc.text.slice(m.index, m.index + m[0].length);
    if (m[0] === 'boots' && written === 'boots' && !branch && !SENT_OR_FETCHED_BEFORE.test(doc.folded.slice(Math.max(0, m.index - 24), m.index))) continue;
    out.push({ start: m.index, end, label: 'HOSPITAL', score: 0.8, priority: PRIORITY.context + 5, source: 'facility-pharmacy-chain' });
  }
  return out;
}

// The laboratory's own name opens on a word no dictionary knows ("biolor", "biosud", "cypath"); the words after it
// go on while each is a town ("jussey", "vienne") or no ordinary word ("seine-eure"), up to three.
const LAB_NAME = /\b(?:labo|laboratoire)[ \t]+([a-z][a-z0-9-]{2,25})((?:[ \t]+[a-z][a-z'-]{2,25}){0,3})/dgu;

function labSpans(doc: Doc): Span[] {
  const out: Span[] = [];
  for (const m of doc.folded.matchAll(LAB_NAME)) {
    const [start, firstEnd] = m.indices![1]!;
    // Lowercase notes only: a capitalised name is the model's and location.ts's.
    // "bio" is a word too, and a chain's name: kept only with the town or name after it ("labo bio vienne").
    const bio = m[1] === 'bio';
    if (doc.text.slice(start, firstEnd) !== m[1] || (!bio && (isDictionaryWord(m[1]!) || isTownOfAnyList(m[1]!)))) continue;
    let end = firstEnd;
    for (const w of m[2]!.matchAll(/[ \t]+([a-z][a-z'-]{2,25})/gu)) {
      const word = w[1]!;
      if (!(isTownOfAnyList(word) || (communePopulation(word) ?? 0) >= 2000 || !isDictionaryWord(word.replace(/-/g, '')))) break;
      end = firstEnd + w.index + w[0].length;
    }
    if (bio && end === firstEnd) continue;
    out.push({ start, end, label: 'HOSPITAL', score: 0.8, priority: PRIORITY.context + 5, source: 'facility-lab' });
  }
  return out;
}

export function informalFacilitySpans(doc: Doc): Span[] {
  const out: Span[] = [];
  const t = doc.text;
  const f = doc.folded;
  for (const m of doc.lang === 'en' && SAINT_HINT.test(f) ? f.matchAll(SAINT_FACILITY) : []) {
    out.push({ start: m.index, end: m.index + m[0].length, label: 'HOSPITAL', score: 0.8, priority: PRIORITY.context + 5, source: 'facility-saint' });
  }
  for (const m of LOWER_HOME_HINT.test(f) ? f.matchAll(LOWER_HOME) : []) {
    const [, end] = m.indices![1]!;
    if (/\p{Lu}/u.test(t.slice(m.index, end))) continue; // capitalised: HOSPITAL_FR's
    out.push({ start: m.index, end, label: 'HOSPITAL', score: 0.8, priority: PRIORITY.context + 5, source: 'facility-lower-home' });
  }
  for (const m of EMPLOYER_HINT.test(t) ? t.matchAll(EMPLOYER) : []) {
    const [start, end] = m.indices![1]!;
    const first = t.slice(start, end).split(/[ \t]+/)[0]!;
    if (NOT_EMPLOYER.test(first)) continue;
    // "le travail chez Marie": a first name alone after the word is a person's home, not a firm.
    if (end - start === first.length && isFirstName(first)) continue;
    out.push({ start, end, label: 'HOSPITAL', score: 0.8, priority: PRIORITY.context + 5, source: 'employer' });
  }
  if (/labo/.test(f)) out.push(...labSpans(doc));
  if (PHARMACY_CHAIN_HINT.test(f)) out.push(...pharmacyChainSpans(doc));
  for (const m of /pharma|prestataire|provider|employ|funeral|transporteur|supplier|fournisseur/.test(f) ? t.matchAll(FACILITY_FIELD) : []) {
    const [start] = m.indices![1]!;
    if (NOT_A_FACILITY_VALUE.test(m[1]!)) continue;
    // "Employer: Wagners Cement. Nurse: …": the value ends with its sentence (not at an initial's dot).
    const sentenceEnd = /\p{Ll}{2}(?=\.[ \t])/u.exec(m[1]!);
    const end = start + (sentenceEnd ? sentenceEnd.index + 2 : m[1]!.replace(/\.$/, '').length);
    out.push({ start, end, label: 'HOSPITAL', score: 0.8, priority: PRIORITY.context + 15, source: 'facility-field' });
  }
  for (const m of t.includes('MPLOY') ? t.matchAll(EMPLOYER_UPPER) : []) {
    const [start, end] = m.indices![1]!;
    out.push({ start, end, label: 'HOSPITAL', score: 0.8, priority: PRIORITY.context + 5, source: 'employer-upper' });
  }
  return out;
}
