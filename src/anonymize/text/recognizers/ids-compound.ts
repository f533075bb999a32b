import { PRIORITY, type Doc, type Span } from '../types.js';
import { digitCount } from './phones.js';

/**
 * Identifiers the keyword list in ids.ts does not announce:
 * - compound reference codes: upper-case letter groups and digit groups joined by '/', '-' or '.'
 *   ("ABC/25/04417", "QX-RT-2024-00981", "H31/775120"): letters say "issued by someone", the digit
 *   groups carry the number. Letters alone ("SARS-CoV", "ICD-10") or few digits are no code, but for a French
 *   registration plate ("GH-418-TZ").
 * - identifiers announced by a register, a card or a document word that ids.ts does not list:
 *   professional registers of other countries (IMC, Medical Council, MCNZ, HPCSA, OIIQ, INAMI / RIZIV also "INAMI du
 *   service", MCR, "reg."),
 *   national identity numbers (NRIC, MyKad, NHI, UHID, CHI), device serial numbers (HIPAA lists them),
 *   trial subjects, folders, lab, docket, control, client and student numbers, references.
 * - a US SSN masked but for its last four digits ("xxx-xx-0192"): the four still narrow a person.
 * - the "id" of a resource in JSON pasted into a note ("id":"pat-5521"): a FHIR logical id is
 *   a key to the patient's record.
 */
// "\b" first and the character before checked in code: a leading look-behind made V8 try every position.
const COMPOUND_CODE = /\b[A-Z][A-Z0-9]{0,9}(?:[\/.-][A-Z0-9]{1,10}){1,5}(?![\p{L}\p{N}_@]|[\/.-][\p{L}\p{N}])/gu;
const MIN_CODE_DIGITS = 5;
// A French registration plate (SIV, since 2009: two letters, three digits, two letters): an ambulance's or a patient's
// car names its owner's register entry, though it has too few digits for a code.
const FRENCH_PLATE = /^[A-HJ-NP-TV-Z]{2}-\d{3}-[A-HJ-NP-TV-Z]{2}$/u;
const GLUED_BEFORE = /[\p{L}\p{N}_@.\/-]/u;
// Forms, protocols and standards name no patient ("cerfa 15695*01", "protocol XY-10045", "ISO-15189"); lot and batch
// numbers ("lot AB-20931") are read by ids-lots.ts.
const NOT_PERSONAL_BEFORE = /(?:\blot|\bbatch|\blote|\bcerfa|\bformulaire|\bform|\bprotocole?|\bprotocol|\bstudy|\btrial|\bessai|\betude|\bcohorte?|\bversion|\bv|\barticles?|\bart\.)[ \t:#n°o.]*$/i;
// A European country letter before a postcode ("D-80331", "CH-1205") is an address, not a code; other
// two-letter heads stay codes ("KY-44129" a licence, "PS-0417" an inclusion number).
export const COUNTRY_POSTCODE = /^(?:[A-Z]|CH|FR|DE|BE|LU|NL|IT|ES|AT|PT|DK|SE|NO|FI|PL|CZ)-\d{4,5}$/;
export const NOT_PERSONAL_HEAD = /^(?:ISO|EN|NF|DIN|IEC|ASTM|NCT|EUDRACT|CE|ICD|CIM|DSM|COVID|SARS|HPV|HLA|CD|ATC|UCD|CIP|ACL|PCR)(?:[\/.-]|$)/;

const REGISTER_WORDS = String.raw`imc|mcnz|hpcsa|oiiq|cmq|oiiaq|(?:inami|riziv)(?:\s+(?:du|de\s+la|of\s+the)\s+(?:service|cabinet|practice|centre|clinique))?|medical\s+council(?:\s+of\s+\w+)?(?:\s+(?:no\.?|number|reg(?:istration)?\.?))?|provider\s+(?:no\.?|number|#)|ndis(?:\s+(?:no\.?|number|#))?|ahcip|edipi|mcr|nmc\s+pin|pin|reg(?:istration)?\.?(?:\s+(?:no\.?|number|#))?|registre|nric|mykad|avs|ic\s+(?:no\.?|number)|nhi|uhid|chi|aadhaar|cpf|health\s+cards?(?:\s+(?:no\.?|number|#))?|dva(?:\s+\w+)?\s+card|gold\s+card|serial(?:\s+(?:no\.?|number|#))?|s\/n|(?:n°|no|numero)\s+de\s+serie|(?:n°|numero)\s+(?:de\s+)?client|(?:n°|numero)\s+(?:d'|de\s+)?inscription|(?:subject|screening|randomi[sz]ation|participant|folder|lab|laboratory|docket|control|client|student|employee|staff|job|booking|ticket|reference|ref|donor|gum|art|tb|id|ic)\s+(?:no\.?|number|#|id|n[°o])|student\s+id|ref\.?|reference|subject(?=[ \t]+\d)|job(?=[ \t]+\d{5})`;
// The value: an optional upper-case letter prefix before a space ("KLM 2209941"), then a token that
// holds a digit; same shape as ids.ts.
const REGISTER_ID = new RegExp(
  // On the folded view (ASCII letters only) "\b" is a true word start, and far cheaper than a look-behind.
  String.raw`\b(?:${REGISTER_WORDS})[ \t]*(?:[:#=(]|n[°o]\.?|no\.?)?[ \t]*((?:(?<![a-z])[a-z]{1,5}[ ](?=\d{3}))?[a-z0-9]{0,6}[-/.]?[0-9](?:[0-9a-z\-/.]|[ ](?=\d{3}))*[0-9a-z])(?![\p{L}\p{N}]|[-/.][\p{L}\p{N}])`,
  'dgu',
);
// A user name on a social network or a portal reaches the person as surely as an e-mail address.
const USERNAME = /\b(?:username|user name|login|pseudo|handle|compte (?:snapchat|instagram|tiktok|facebook|twitter|discord)|(?:snapchat|instagram|tiktok|discord) account)[ \t]*[:=]?[ \t]*["«“'@]?[ \t]?([a-z0-9][a-z0-9._]{2,29}[a-z0-9])(?=[ \t]?["»”']|[ \t]*[,;)]|[ \t]*$)/dgmu;
// Cheap test first (String.includes is far faster than a scan): most texts name no account.
const USERNAME_WORDS = ['user', 'login', 'pseudo', 'handle', 'snapchat', 'instagram', 'tiktok', 'facebook', 'twitter', 'discord'];
const MASKED_SSN = /(?<![\p{L}\p{N}-])[xX*•]{3}-[xX*•]{2}-\d{4}(?![\p{N}-])/gu;
const JSON_ID = /"(?:id|logicalId|patientId|subjectId)"[ \t]*:[ \t]*"([A-Za-z0-9][A-Za-z0-9._-]{2,63})"/dgu;

// A dashed run of digit groups as health cards and identity cards print them ("5521-330-871",
// "610203-08-4417"); nine digits at least, so dates and ranges stay out. Weak: phones outrank it.
const DASHED_DIGITS = /\d(?<![\p{L}\p{N}.\/-]\d)\d{2,5}(?:-\d{2,6}){2,3}(?![\p{L}\p{N}]|[.\/-]\d)/gu;
const MIN_DASHED_DIGITS = 9;

/**
 * A value after a register word: five digits at least, or four with a letter ("IMC 24.51" is a body
 * mass index, "Reference: 2024" a year); a lowercase word before the digits is prose, not a prefix.
 */
export function isRegisterValue(value: string): boolean {
  const prefix = /^(\p{L}{1,5}) /u.exec(value);
  if (prefix && prefix[1] !== prefix[1]!.toUpperCase()) return false;
  const digits = digitCount(value);
  return digits >= 5 || (digits === 4 && /\p{L}/u.test(value));
}

export function compoundIdSpans(doc: Doc): Span[] {
  const out: Span[] = [];
  const t = doc.text;
  for (const m of t.matchAll(COMPOUND_CODE)) {
    const code = m[0];
    if (m.index > 0 && GLUED_BEFORE.test(t[m.index - 1]!)) continue;
    if ((digitCount(code) < MIN_CODE_DIGITS && !FRENCH_PLATE.test(code)) || NOT_PERSONAL_HEAD.test(code) || COUNTRY_POSTCODE.test(code)) continue;
    if (NOT_PERSONAL_BEFORE.test(doc.folded.slice(Math.max(0, m.index - 16), m.index))) continue;
    // Above the name and place rules that read a capitalised code as a word, below validated patterns.
    out.push({ start: m.index, end: m.index + code.length, label: 'ID', score: 0.85, priority: PRIORITY.pattern - 5, source: 'id-compound' });
  }
  for (const m of doc.folded.matchAll(REGISTER_ID)) {
    const [start, end] = m.indices![1]!;
    if (!isRegisterValue(t.slice(start, end))) continue;
    out.push({ start, end, label: 'ID', score: 0.9, priority: PRIORITY.context + 25, source: 'id-register' });
  }
  for (const m of t.matchAll(DASHED_DIGITS)) {
    if (digitCount(m[0]) < MIN_DASHED_DIGITS) continue;
    out.push({ start: m.index, end: m.index + m[0].length, label: 'ID', score: 0.7, priority: PRIORITY.weak, source: 'id-dashed-digits' });
  }
  for (const m of USERNAME_WORDS.some((w) => doc.folded.includes(w)) ? doc.folded.matchAll(USERNAME) : []) {
    const [start, end] = m.indices![1]!;
    // A user name has a digit, an underscore or a dot: "login ok" or "pseudo inconnu" are words.
    if (!/[\d_.]/.test(m[1]!)) continue;
    out.push({ start, end, label: 'ID', score: 0.85, priority: PRIORITY.context + 25, source: 'id-username' });
  }
  for (const m of t.matchAll(MASKED_SSN)) {
    out.push({ start: m.index, end: m.index + m[0].length, label: 'ID', score: 0.9, priority: PRIORITY.validated, source: 'id-masked-ssn' });
  }
  for (const m of t.includes('"') ? t.matchAll(JSON_ID) : []) {
    const [start, end] = m.indices![1]!;
    if (!/\d/.test(m[1]!)) continue;
    out.push({ start, end, label: 'ID', score: 0.85, priority: PRIORITY.context + 25, source: 'id-json' });
  }
  return out;
}
