import { PRIORITY, type Doc, type Span } from '../types.js';
import { matchesNotAfter, notAfter } from './not-after.js';
import { tableColumnIds } from './id-columns.js';
import { sqlInsertSpans } from './sql-insert-columns.js';
import { htmlTableSpans } from './html-table-columns.js';
import { alignedTableSpans } from './aligned-table-columns.js';
import { lotIdSpans } from './ids-lots.js';
import { cardIdSpans } from './ids-cards.js';
import { compoundIdSpans, COUNTRY_POSTCODE, NOT_PERSONAL_HEAD } from './ids-compound.js';
import { rowKeyIdSpans } from './ids-row-keys.js';
import { fieldLabelIdSpans } from './ids-after-field-label.js';
import { numeroLabelIdSpans } from './ids-after-numero-label.js';
import { loginIdSpans } from './ids-logins.js';
import { sameShapeIdsAfter } from './ids-same-shape.js';
import { spokenIdSpans } from './ids-spoken.js';
import { registryIdSpans } from './ids-registry.js';
import { nationalIdSpans } from './ids-national.js';

/**
 * Identifiers: the French NIR (numéro de sécurité sociale) checked with its control key, US SSN with
 * the SSA's structural rules, hospital identifiers (IPP, NDA, MRN, RPPS …) by the words that
 * introduce them, and — failing closed — any long run of digits nothing else claimed.
 */
const NIR = /(?<![\p{L}\p{N}])([12])[ .]?(\d{2})[ .]?(\d{2})[ .]?(\d{2}|2[ABab])[ .]?(\d{3})[ .]?(\d{3})[ .]?(\d{2})(?![\p{L}\p{N}])/gu;
const SSN = /(?<![\p{N}-])(\d{3})-(\d{2})-(\d{4})(?![\p{N}-])/gu;
// What follows an identifier's word: an acronym in brackets, "n°", "is", a colon …, then the value.
const CONTEXT_ID_TAIL = String.raw`\s*(?:\(?(?:ipp|nda|mrn)\)?)?\s*(?:n[°o]\.?|no\.?|nr|#|number|numero|is|was|est|still|on\s+(?:file|record)|:|=|-|\s)*\s*((?:(?<![a-z])[a-z]{1,6}[ ](?=\d{3}))?[a-z0-9]{0,5}[-/]?[0-9](?:[0-9a-z\-/.]|[ ](?=\d{3}))+[0-9a-z])`;
const CONTEXT_ID = notAfter(new RegExp(
  String.raw`(?<![\p{L}])(?:ipp|nip|nda|sejour(?=[ \t]*[:n°#]*[ \t]*\d{2}[a-z]{0,2}[\d-]{4})|venue(?=[ \t]*[:n°#]*[ \t]*\d{4}-?\d{3})|sej\.|cafat|cass(?=[ \t]*[:n°#]*[ \t]*\d{5})|code\s+medecin|n[°o]?\s*(?:de\s+)?(?:dossier|sejour|patient|admission|venue|ss|secu)|num(?:ero)?\.?\s+(?:de\s+)?(?:dossier|sejour|patient|venue|securite sociale|secu)|dossier|mrn|medical record(?:\s+(?:number|no\.?|#))?|record\s+(?:number|no\.?|#)|patient\s+(?:id|number|no\.?|#)|rpps|adeli|finess|nss|securite sociale|secu|insee|nir|ssn|social security(?:\s+number)?|account\s+(?:number|no\.?|#)|encounter(?:\s+(?:id|number|no\.?))?|visit\s+(?:id|number|no\.?)|episode\s+(?:id|number|no\.?)|accession(?:\s+(?:number|no\.?|#))?|id\s+patient|identifiant(?:\s+patient)?|ins|matricule|badge|pid|acc#?|acct|clinic\s+(?:number|no\.?)|hospital\s+(?:number|no\.?)|ohip|medicare(?:\s+(?:id|number))?|rx\s*#|rx\s+(?:no\.?|number)|ppsn|pps\s+(?:no\.?|number)|hosp(?:ital)?\.?\s+(?:no\.?|number|#|id)|hosp\s*#|chi\s+(?:no\.?|number)|ihi|(?:case|file|chart|folio|member|policy|claim|prescription|script|order|specimen|sample|requisition|dossier|ordonnance|bon|prelevement|demande|carte|card)\s+(?:no\.?|number|#|id|n[°o])|medicaid(?:\s+id)?|nin|nhs(?:\s+(?:number|no\.?))?|h\s?&\s?c(?:\s+(?:number|no\.?))?|health\s+(?:and|&)\s+care\s+(?:number|no\.?)|cpr(?:\s+number)?|kennitala|personnummer|henkilotunnus|fodselsnummer|niss|insz|ahv|ramq|(?:numero|n°)\s+(?:de\s+)?registre\s+national|rijksregister(?:nummer)?|national\s+(?:register|registry|insurance)\s+(?:no\.?|number)|mrn#?|dossier\s+n[°o]?|gmc|gdc|goc|nmc|hcpc|gphc|rcvs|cps(?:o|a|m|s|ns|nb|bc|nl)(?:\s+licen[cs]e)?|code\s+patient|(?:matter|case|claim|file|our|your)\s+ref(?:erence)?\.?|code\s+d'anonymat|ahpra|npi|dea|clia|upin|passport(?:\s+(?:no\.?|number|#))?|passeport|permis(?:\s+de\s+conduire)?|driver'?s\s+licen[cs]e|driving\s+licen[cs]e|cni|carte\s+(?:nationale\s+)?d'identite|titre\s+de\s+sejour|lic(?:ence|ense)\s+(?:no\.?|number|#)|group(?=\s*(?:[:#]|no\b|number))|(?:num(?:ero)?\.?|n°)\s+(?:d'|de\s+)?(?:ame|cmu|css|caf|allocataire|adherent|assure|contrat|police|sinistre|immatriculation|mdph|pension|invalidite)|(?:(?:num(?:ero)?\.?|n°)\s+(?:d'|de\s+)?)?affiliation|n°|no\.|#)` +
    CONTEXT_ID_TAIL,
  'dgu',
));
// A bare "ID" after a word ("Salvu Borg, ID 0241571M", "MaineCare ID AB4417093K"), apart from CONTEXT_ID: as one of its
// alternatives, a look-behind there cost every position of every note (the whole rule stage ran twice as long).
// It opens on its literal, so the engine skips to each "id"; the word before it is checked apart (BARE_ID_BEFORE).
const BARE_ID = new RegExp(String.raw`id(?![\p{L}])` + CONTEXT_ID_TAIL, 'dgu');
const BARE_ID_BEFORE = /[\p{L},.][ \t]{1,3}$/u;
const US_ZIP_VALUE = /^\d{5}(?:-\d{4})?$/;
// "UR 1234567" (Australian unit record number): upper case only, "ur" is chat for "your"; "urn" in lowercase notes too.
const UNIT_RECORD = /(?<![\p{L}])(?:URN?|urn)[ \t]*(?:No\.?|#|:)?[ \t]*(\d{4,10})(?![\p{L}\p{N}])/dgu;
// A fax or letter page ("N° 3/4", "page 2/5") is no identifier.
const PAGE_NUMBER = /^\d{1,3}\/\d{1,3}$/;
// Study and protocol codes ("protocole AALL1731", "NCT01234567") name no patient; a lot ("lot XK2291") is read by
// ids-lots.ts, which knows its shapes. Whole words only ("farm", "slot" are no study arm or lot).
const STUDY_BEFORE = /(?<![a-z])(?:protocole?|protocol|study|trial|essai|etude|cohorte?|arm|bras|lot|batch)[ \t:#]*$/i;
// An ISO object identifier ("1.3.6.1.4.1.…", "urn:oid:2.16.…") names a coding system or an
// issuer, not a person: arcs 0–2 first, then dotted arcs.
const OID = /^[012]\.\d{1,4}(?:\.\d+){3,}$/;
const OID_BEFORE = /(?:urn:oid:|oid["']?\s*[:=]\s*["']?)$/i;
// … unless it is the unique id of one study, series or image ("Study UID 1.2.826.…"): that one
// points at one patient's examination.
const UID_BEFORE = /uid[ \t:="']*$/i;
// A number announced by "n°" or "#" after a form, a kit or a pager is no person's identifier ("cerfa n° 14011",
// "kit n° 2207", "bleep #5521" is a phone); after a lot or a batch, ids-lots.ts reads it. Whole words only: "text",
// "context", "pilot", "pharm" end in one of them.
const NOT_ID_BEFORE = /(?<![a-z])(?:cerfa|formulaire|kit|tray|lot|batch|pager|pgr|bleep|bip|ext\.?|extn|poste|dect)[ \t]*$/;
// A letter prefix before a space belongs to the value only in upper case ("MRN: KLM 2209941"); a
// lowercase word there is prose.
const LOWER_PREFIX = /^\p{Ll}{1,5} /u;
// A state or issuer suffix in capitals stays with the number ("ProviderOne ID 108847219WA").
const LONG_DIGITS = /(?<![\p{L}\p{N},.])\d(?:[ .]?\d){7,}(?:[A-Z]{1,3})?(?![\p{L}\p{N}]|[,.]\d)/gu;
const ALNUM_ID = notAfter(/(?<![\p{L}\p{N}])[A-Z]{1,5}\d{0,4}-?\d{4,}(?:-[A-Z0-9]+)*(?![\p{L}\p{N}])/gu);
// The same in a lowercase log ("08:10 p26-031990 mr ferrandi", a pathology lab's numbers): a dash and five digits or more
// after it, so that "covid-19" or "sars-cov-2" stay words.
const ALNUM_ID_LOWER = /(?<![\p{L}\p{N}.\/@-])[a-z]{1,3}\d{0,4}-\d{5,}(?![\p{L}\p{N}]|[.\/-][\p{L}\p{N}])/gu;

/** The NIR control key: 97 − (number mod 97), with Corsica's 2A → 19 and 2B → 18 for the computation. */
export function nirKey(first13: string): number {
  const n = first13.toUpperCase().replace(/2A/, '19').replace(/2B/, '18');
  if (!/^\d{13}$/.test(n)) throw new TypeError('not a NIR body');
  return 97 - Number(BigInt(n) % 97n);
}

export function isValidNir(raw: string): boolean {
  const compact = raw.replace(/[ .]/g, '').toUpperCase();
  const m = /^([12])(\d{2})(\d{2})(\d{2}|2A|2B)(\d{3})(\d{3})(\d{2})$/.exec(compact);
  if (!m) return false;
  const month = Number(m[3]);
  if (!((month >= 1 && month <= 12) || (month >= 20 && month <= 42) || month >= 50)) return false;
  return nirKey(compact.slice(0, 13)) === Number(m[7]);
}

export function isValidSsn(raw: string): boolean {
  const m = /^(\d{3})-?(\d{2})-?(\d{4})$/.exec(raw);
  if (!m) return false;
  const [, area, group, serial] = m;
  return area !== '000' && area !== '666' && !area!.startsWith('9') && group !== '00' && serial !== '0000';
}

/** The French NIRs with a valid control key: idSpans reads them first, ocr-digits.ts on its digit view. */
export function nirSpans(doc: Doc): Span[] {
  const out: Span[] = [];
  for (const m of doc.text.matchAll(NIR)) {
    if (isValidNir(m[0])) out.push({ start: m.index, end: m.index + m[0].length, label: 'ID', score: 0.99, priority: PRIORITY.validated + 5, source: 'nir' });
  }
  return out;
}

export function idSpans(doc: Doc): Span[] {
  const out: Span[] = nirSpans(doc);
  for (const m of doc.text.matchAll(SSN)) {
    if (isValidSsn(m[0])) out.push({ start: m.index, end: m.index + m[0].length, label: 'ID', score: 0.95, priority: PRIORITY.validated, source: 'ssn' });
  }
  // "Boise, ID 83712": a bare "ID" before five digits is Idaho and its ZIP code (only the bare one: "ID patient 83712" is
  // an identifier).
  const bareIds = [...doc.folded.matchAll(BARE_ID)].filter((m) => BARE_ID_BEFORE.test(doc.folded.slice(Math.max(0, m.index - 4), m.index)) && !US_ZIP_VALUE.test(m[1]!));
  for (const m of [...matchesNotAfter(CONTEXT_ID, doc.folded), ...bareIds]) {
    const [start, end] = m.indices![1]!;
    if (PAGE_NUMBER.test(m[1]!) || LOWER_PREFIX.test(doc.text.slice(start, end))) continue;
    if (NOT_ID_BEFORE.test(doc.folded.slice(Math.max(0, m.index - 12), m.index))) continue;
    out.push({ start, end, label: 'ID', score: 0.95, priority: PRIORITY.context + 25, source: 'id-context' });
  }
  for (const m of doc.text.matchAll(LONG_DIGITS)) {
    const before = doc.text.slice(Math.max(0, m.index - 12), m.index);
    if ((OID.test(m[0]) || OID_BEFORE.test(before)) && !UID_BEFORE.test(before)) continue;
    out.push({ start: m.index, end: m.index + m[0].length, label: 'ID', score: 0.7, priority: PRIORITY.weak, source: 'id-long-number' });
  }
  for (const m of doc.text.matchAll(UNIT_RECORD)) {
    const [start, end] = m.indices![1]!;
    out.push({ start, end, label: 'ID', score: 0.9, priority: PRIORITY.context + 25, source: 'id-unit-record' });
  }
  out.push(...tableColumnIds(doc), ...sqlInsertSpans(doc), ...htmlTableSpans(doc), ...alignedTableSpans(doc), ...lotIdSpans(doc), ...loginIdSpans(doc), ...compoundIdSpans(doc), ...rowKeyIdSpans(doc), ...spokenIdSpans(doc), ...registryIdSpans(doc), ...cardIdSpans(doc), ...nationalIdSpans(doc), ...fieldLabelIdSpans(doc), ...numeroLabelIdSpans(doc));
  for (const m of matchesNotAfter(ALNUM_ID, doc.text)) {
    if (STUDY_BEFORE.test(doc.folded.slice(Math.max(0, m.index - 16), m.index)) || NOT_PERSONAL_HEAD.test(m[0]) || COUNTRY_POSTCODE.test(m[0])) continue;
    out.push({ start: m.index, end: m.index + m[0].length, label: 'ID', score: 0.7, priority: PRIORITY.weak, source: 'id-alnum' });
  }
  for (const m of /[a-z]\d{0,4}-\d{5}/.test(doc.text) ? doc.text.matchAll(ALNUM_ID_LOWER) : []) {
    if (STUDY_BEFORE.test(doc.folded.slice(Math.max(0, m.index - 16), m.index))) continue;
    out.push({ start: m.index, end: m.index + m[0].length, label: 'ID', score: 0.7, priority: PRIORITY.weak, source: 'id-alnum-lower' });
  }
  return out.concat(sameShapeIdsAfter(out, doc.text));
}
