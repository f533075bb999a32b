import { isFirstName, isLastName } from '../gazetteers.js';
import { fold } from '../normalize.js';
import { PRIORITY, type Doc, type Span } from '../types.js';
import { UNIT_EN } from './dates-spoken.js';
import { PAIR as PAIR_FR } from './phones-spoken-fr.js';

/**
 * An identifier dictated letter by letter and digit by digit, as voice notes transcribe it:
 * "hospital number is k t four four one nine zero two", "numéro de dossier b deux sept un huit neuf",
 * "folder number c c t h slash two six slash zero four four one eight", "numero de securite sociale deux
 * soixante zero trois …".
 * Only right after an identifier word ("hospital number", "MRN", "dossier", a spelled acronym before
 * "number" as in "n h i s number", "… card", any scheme's name before "number" or after "numéro" — "claim
 * number", "numero cnamgs" —, an optional "is" / "est" / ":"; a bare "number", or one after a phone's, a
 * room's, a relative's or a possessive word, is as often a phone, which phones.ts reads), on the same line
 * or the next (a reading again after "pardon", "sorry", "I repeat" is read-again.ts's, as for any identifier);
 * only a run of five tokens at least, four
 * of them digit words: a sentence of short words is no identifier. French digits come in pairs too
 * ("cinquante-huit"), and "barre" reads a slash. A bare "number" or "numéro" also announces an identifier when
 * spelled letters follow it ("numéro I P M deux six …"). Matched on the folded view (lower case, no accents).
 */
// Hundreds and thousands said as such ("cinq cent dix sept mille"), and the Belgian, Swiss and Congolese tens.
const DIGIT = `(?:(?:double|triple)[ -])?(?:${PAIR_FR}|cents?|mille|septante|huitante|octante|nonante|oh|${UNIT_EN})`;
// "slash", "stroke" (British dictation's slash), "dash", "tiret": the separators of an identifier written with them,
// read aloud. Letters that
// spell the next identifier's name ("… dash six n h i s number …") are not part of this one, nor the "i" of
// "i repeat" that dictations add before reading the number again. A letter may be spelled with a word ("N as in
// Nancy", "B comme Bernard"), and a digit read again as a numeral ("I repeat, B K 7 2 4 …").
const TOKEN = String.raw`(?:[a-z][ \t]+(?:as[ \t]+in|comme)[ \t]+[a-z]{2,}|${DIGIT}|\d(?!\d)|slash|stroke|dash|tiret|barre|(?<=(?:vingt|trente|quarante|cinquante|soixante)[ \t]+)et(?=[ \t]+(?:un|onze)\b)|(?!(?:[a-z][ \t]){1,4}(?:number|no)\b|i[ \t]+repeat\b)[a-z](?!['’]))`;
// The words before "number" (or after "numéro") that announce a phone, a room or nothing in particular ("her
// number is …", "le numéro de portable"): any other word names the identifier ("nida number", "claim number",
// "numero cnamgs", "numéro amo"), whatever scheme it is.
const NOT_AN_ID_EN = 'phone|telephone|tel|mobile|cell|cellphone|contact|home|work|office|fax|landline|pager|whatsapp|emergency|callback|back|best|daytime|evening|night|day|direct|main|switchboard|reception|desk|line|extension|ext|the|a|an|her|his|my|your|their|our|its|same|new|old|other|correct|wrong|this|that|mum|mom|dad|wife|husband|partner|son|daughter|sister|brother|family|kin|neighbour|neighbor|carer|friend|gp|clinic|surgery|practice|pharmacy|room|bed|ward|bay|house|street|flat|apartment|door|page|serial|lot|batch|bus|flight|seat|gate|platform|lucky|any|which|what|whose';
// Between two tokens: blanks or a comma, or the hyphen of a code dictated as written ("P-vingt-six-quatre cent …").
const SEP = String.raw`(?:[ \t,]{1,2}|-)`;
// A code's letter groups before its digits: hyphenated ("RAA-FNR-zéro zéro …"; the code's shape then needs four
// tokens only), or a pair of letters before a digit word ("card number AB one two three …") that is no function
// word of the sentence. Not three: after "numéro" a scheme's name comes first ("numéro AMO un deux …"), and it is
// no part of the number.
const HYPHENATED_LEAD = String.raw`(?:[a-z]{2,4}-){1,2}`;
const PAIR_LEAD = String.raw`(?:(?!(?:is|of|de|du|et|le|la|un|no|nr|au|on|in|en)[ \t])[a-z]{2}[ \t]+(?=(?:${DIGIT})\b))?`;
/** A run of tokens (letters, digits, separators said aloud), five at least (four after hyphenated letters). */
export const SPOKEN_RUN = String.raw`(?:${HYPHENATED_LEAD}${TOKEN}(?:${SEP}${TOKEN}){3,19}|${PAIR_LEAD}${TOKEN}(?:${SEP}${TOKEN}){4,19})`;
const NOT_AN_ID_FR = 'telephone|tel|portable|fixe|mobile|gsm|fax|domicile|bureau|poste|urgence|standard|secretariat|ligne|contact|chambre|lit|porte|rue|bus|vol|la|le|les|son|sa|ses|mon|ma|mes|votre|vos|leur|du|des|ce|cet|cette';
// Whose card or file it is, between its name and the number ("carte d identite de la mere", "… du pere").
// The schemes a dictation spells out right before the number ("m r n four four seven", "i d three one one").
const SPELLED_SCHEMES = ['mrn', 'id', 'ipp', 'nda', 'nir', 'ssn', 'nhi', 'nhs', 'chi', 'phn'].map((s) => s.split('').join(' '));
const WHOSE = String.raw`(?:[ \t]+(?:de[ \t]+la|du|de[ \t]+l['’]?|de[ \t]+son|de[ \t]+sa|of[ \t]+(?:the[ \t]+)?|of[ \t]+her|of[ \t]+his)[ \t]*(?:mere|pere|patient|patiente|enfant|epoux|epouse|mari|femme|mother|father|child|husband|wife))?`;
const ID_WORD = [
  String.raw`(?:hospital|nhs|chi|patient|record|unit|case|file|chart|health|insurance|member|policy|reference|id|folder|pathology|medicare|passport|inpatient|outpatient|registration|identity|specimen)[ \t]+(?:number|no)`,
  String.raw`(?!(?:${NOT_AN_ID_EN}|${DIGIT})[ \t])[a-z]{2,}[ \t]+number`,
  // "medicaid id", "tribal id": a scheme's name and "id".
  String.raw`(?!(?:${NOT_AN_ID_EN})[ \t])[a-z]{3,}[ \t]+id`,
  String.raw`(?:numero|n°)[ \t]+(?:de[ \t]+|d['’ \t][ \t]*)?(?!(?:${NOT_AN_ID_FR}|${DIGIT})(?![a-z]))[a-z]{2,}(?:[ \t]+(?:nationale?|personnel|d['’ \t]?identite|d['’ \t]?identification|d['’ \t]?electeur))*(?:[ \t]+(?!${DIGIT}\b)[a-z]{3,5}(?=[ \t]+(?:${DIGIT})\b))?`,
  String.raw`health[ \t]+and[ \t]+care[ \t]+number`,
  // An acronym spelled out ("n h i s number", "i d number", "i n a m numero"): a phone number is never announced so.
  String.raw`(?:[a-z][ \t]){2,4}(?:number|numero)`,
  String.raw`[a-z]{3,}[ \t]+card(?:[ \t]+(?:number|no))?${WHOSE}`,
  String.raw`national[ \t]+id(?:entity)?(?:[ \t]+(?:number|no))?`,
  // Acronyms that name a scheme on their own: India's UHID and Aadhaar, Nigeria's NIN, Morocco's CIN, Jamaica's TRN,
  // Manitoba's PHIN, a tax or social number's NIF, Pakistan's CNIC and Sri Lanka's NIC, Tanzania's NIDA, a personal or
  // provider NPI.
  'mrn|ipp|nda|uhid|nin|cin|trn|phin|nif|cnic|nic|nida|npi|aadhaar',
  // A bare "number" or "numéro" before spelled letters ("numéro I P M deux six …"): a phone never opens with letters.
  String.raw`(?:number|numero)(?=[ \t]+[a-z][ \t,]+[a-z][ \t,])`,
  String.raw`(?:numero|n°)[ \t]+(?:de[ \t]+|d[ \t]+)?(?:dossier|patient|securite sociale|secu|ss|assurance maladie|examen|immatriculation(?:[ \t]+[a-z]{2,5})?|registre(?:[ \t]+[a-z]+)?)`,
  String.raw`carte[ \t]+(?:nationale(?:[ \t]+d['’ \t]?identite)?|d['’ \t]?electeur|vitale)${WHOSE}(?:[ \t]+numero)?|carte[ \t]+(?:amo|cmu|cnamgs|cnss|ramed|chifa|rama|mutuelle)(?:[ \t]+(?!${DIGIT}\b)[a-z]{3,8})?|carnet[ \t]+de[ \t]+soins(?:[ \t]+[a-z]{2,5})?`,
  String.raw`(?:examen|dossier)[ \t]+numero`,
  // "carte d'identité CEDEAO numéro", "carte d identite de la mere": an issuer's name or whose card may come between.
  String.raw`carte[ \t]+d['’ \t]?identite(?:[ \t]+nationale)?(?:[ \t]+[a-z]{2,8}(?=[ \t]+numero))?${WHOSE}(?:[ \t\n]+numero)?`,
  // A scheme's name before "numéro" ("cnib numero", "cnamgs numero"), as before "number".
  String.raw`(?!(?:${NOT_AN_ID_FR}|${DIGIT})[ \t])[a-z]{3,}[ \t]+numero`,
  // An acronym spelled out right before the number or a card ("m r n four four seven", "i d three one one",
  // "n h i f card one zero …"), and a scheme's membership ("nhis membership one three …").
  String.raw`(?:${SPELLED_SCHEMES.map((s) => s.replace(/ /g, '[ \\t]')).join('|')})(?![ \t][a-z][ \t])|(?:[a-z][ \t]){2,5}card|(?:[a-z]{3,}[ \t]+)?membership(?:[ \t]+(?:number|no))?`,
  // "dossier hospitalier H A S deux six …", "hospital registration M D H, two six …", "reference H M H dash R A D …".
  String.raw`dossier(?:[ \t]+(?:hospitalier|medical|patient|administratif))?|identifier|identifiant|specimen|registration|reference`,
  // "accession R R M C dash two six …", "for patient file N C H dash two six …".
  String.raw`accession|patient[ \t]+file`,
].join('|');
// What a dictation says between the card and its number: "is", "est", a colon, or that it reads it ("carte d'identité,
// je lis le numéro : deux, sept …").
const READS = String.raw`is|est|:|je[ \t]+(?:lis|relis|vous[ \t]+lis)(?:[ \t]+le[ \t]+numero)?[ \t]*:?`;
const SPOKEN_ID = new RegExp(
  String.raw`\b(?:${ID_WORD})(?:[ \t]*[:,])?[ \t]*[ \t\n][ \t]*(?:(?:${READS})[ \t]+)?(${SPOKEN_RUN})(?![\p{L}])`,
  'dgu',
);
// An identity document or scheme named a few words before the number, not right before it: "le NNI : un, neuf …",
// "sa carte d'identité porte le numéro trois, deux …", "the child's card is not yet issued: one, one …", "carte
// nationale du père, monsieur X : un, zéro …". Up to six words between, on the same sentence, none of them a phone's
// word (then the number is the phone given after the card: "carte vitale ok, portable : zéro six …").
const IDENTITY_CUE = String.raw`identite|identity|identification|nni|nina|cni|passport|passeport|national[ \t]+id|carte[ \t]+nationale|card`;
const PHONE_WORD = String.raw`telephone|tel|portable|mobile|phone|cell|cellphone|gsm|whatsapp|fax|joindre|appeler|call|contact|landline|fixe|sms|texto`;
const GAP_WORD = String.raw`(?!(?:${PHONE_WORD}|${DIGIT})(?![a-z]))[a-z'’-]+`;
// Between the words, blanks or one comma or colon with the blanks around it, in one way only: blanks split between two
// runs ("[ \t]*[,:]?[ \t]+") let a long run of blanks backtrack in every way at every word, in exponential time.
const GAP = String.raw`(?:[ \t]*[,:][ \t]*|[ \t]+)`;
const SPOKEN_ID_AFTER_GAP = new RegExp(
  String.raw`\b(?:${IDENTITY_CUE})(?![a-z])(?:${GAP}${GAP_WORD}){1,6}${GAP}(?:(?:${READS})[ \t]+)?(${SPOKEN_RUN})(?![\p{L}])`,
  'dgu',
);
// A code whose letters are written as a word in capitals, then its digits read aloud: "Hospital number RDH stroke two six
// stroke one four four seven", "dossier numéro HRO slash MED slash deux mille vingt-six …", "Dossier CARDIO deux six
// barre huit huit zéro". One to three such words (a separator said between them), each checked in capitals on the
// text: in lower case they are the sentence's words.
const SAID_SEPARATOR = String.raw`(?:slash|stroke|barre|tiret|dash)`;
const SAID_SEPARATOR_WORD = new RegExp(`^${SAID_SEPARATOR}$`);
const ACRONYM_LEAD = String.raw`[a-z]{2,6}(?:[ \t]+${SAID_SEPARATOR}[ \t]+[a-z]{2,6}){0,2}[ \t]+(?:${SAID_SEPARATOR}[ \t]+)?`;
const SPOKEN_ID_AFTER_ACRONYM = new RegExp(
  String.raw`\b(?:${ID_WORD})(?:[ \t]*[:,])?[ \t]+(?:(?:${READS})[ \t]+)?(${ACRONYM_LEAD}(?:${DIGIT})(?:${SEP}${TOKEN}){3,19})(?![\p{L}])`,
  'dgu',
);

/** The words of a dictation before it reads a number again ("pardon, je corrige,", "I repeat,", "je redis,", "soit", "full number"). */
export const AGAIN_WORDS = String.raw`(?:pardon|sorry|correction|i[ \t]+repeat|that[ \t]+is|that's|c'est-a-dire|soit|donc|full[ \t]+number|je[ \t]+(?:reprends|repete|redis|relis|corrige))(?:[ \t,]+je[ \t]+corrige)?`;
const SCHEME_BEFORE_NUMERO = /^([a-z]{3,})[ \t]+numero\b/;
const RELATIVE_BEFORE = /\b(?:tante|oncle|mere|pere|fils|fille|frere|soeur|cousine?|epoux|epouse|mari|femme|voisine?|grand-mere|grand-pere|tuteur|tutrice|madame|monsieur|mme|mr)\b[^\n]{0,30}$/;
const DIGIT_WORD = new RegExp(String.raw`^(?:${DIGIT}|\d)$`);
const MIN_DIGIT_WORDS = 4;
// Cheap test first (String.includes is far faster than a scan): an identifier word must be there.
const KEYWORDS = ['number', 'no ', 'accession', 'file', 'mrn', 'ipp', 'nda', 'uhid', 'nin ', 'cin ', 'cnic', 'nic ', 'nida', 'npi', 'aadhaar', 'dossier', 'identif', 'numero', 'n°', 'card', 'specimen', ' id', 'carte', 'carnet', 'membership', 'registration', 'reference', 'trn', 'phin', 'nif', 'identit', 'nni', 'nina', 'passport', 'passeport', ...SPELLED_SCHEMES.map((s) => ` ${s} `)];

/** Whether a run holds at least four digits said (or read) one by one, the mark of a dictated number. */
export function spokenDigits(run: string): boolean {
  return run.split(/[ \t,-]+/).filter((w) => DIGIT_WORD.test(w)).length >= MIN_DIGIT_WORDS;
}

export function spokenIdSpans(doc: Doc): Span[] {
  if (!KEYWORDS.some((k) => doc.folded.includes(k))) return [];
  const out: Span[] = [];
  for (const m of doc.folded.matchAll(SPOKEN_ID)) {
    if (!spokenDigits(m[1]!)) continue;
    const [start, end] = m.indices![1]!;
    // "sa tante mariama sarr numero soixante …": a person's name before "numéro" is whose phone it is (a relative
    // named just before it, or a name a list knows).
    const scheme = SCHEME_BEFORE_NUMERO.exec(doc.folded.slice(m.index, start))?.[1];
    if (scheme !== undefined && (isLastName(scheme) || isFirstName(scheme) || RELATIVE_BEFORE.test(doc.folded.slice(Math.max(0, m.index - 40), m.index)))) continue;
    out.push({ start, end, label: 'ID', score: 0.85, priority: PRIORITY.context + 25, source: 'id-spoken' });
  }
  for (const m of doc.folded.matchAll(SPOKEN_ID_AFTER_ACRONYM)) {
    const [start, end] = m.indices![1]!;
    const words = doc.text.slice(start, end).split(/[ \t,-]+/u);
    const lead = words.slice(0, words.findIndex((w) => DIGIT_WORD.test(fold(w))));
    if (!lead.every((w) => SAID_SEPARATOR_WORD.test(fold(w)) || /^\p{Lu}{2,6}$/u.test(w)) || !spokenDigits(m[1]!)) continue;
    out.push({ start, end, label: 'ID', score: 0.85, priority: PRIORITY.context + 25, source: 'id-spoken-after-acronym' });
  }
  for (const m of doc.folded.matchAll(SPOKEN_ID_AFTER_GAP)) {
    if (!spokenDigits(m[1]!)) continue;
    const [start, end] = m.indices![1]!;
    out.push({ start, end, label: 'ID', score: 0.8, priority: PRIORITY.context + 25, source: 'id-spoken-after-identity' });
  }
  return out;
}
