import { FACILITY_WORD, SERVICE_WORDS } from '../facility-words.js';
import { PRIORITY, type Doc, type Span } from '../types.js';
import { isPhiAge } from './age.js';
import { CANADIAN_POSTCODE, UK_POSTCODE } from './postcode-shapes.js';

/**
 * Fields of structured exports pasted into notes, read by their key: JSON ("city":"Wollongbar",
 * "postalCode":"2477", "lieuNaissance":"Pointe-Noire", as FHIR Address and French exports write them), XML
 * (<City>Ketchikan</City>), YAML and protobuf text format (`commune: "Senonches"`), LDIF directory entries (`l:
 * Greetham`, `givenName: Poppy`) and logfmt, as integration logs write one record per line (`nom=ROUSSIN prenom=Guy
 * age=92 cp=35133 commune=Laignelet`). The key says what the value is, so no gazetteer is asked: a town or a
 * surname no list knows is still one there, failing closed. The prose patterns missed them because the key is
 * quoted, in camel case or glued by "=" ("city":"…" has no "city:" in it).
 *   - towns and postcodes (structuredPlaceSpans, with the other places);
 *   - a person's surname or given names, and an age over 89 (structuredPersonSpans).
 */
// Keys are matched on the folded view (lower case, accents stripped): "lieuNaissance" is "lieunaissance".
const PLACE_KEYS = String.raw`city|town|ville|commune|localite|lieunaissance|lieu_naissance|lieudenaissance|birthplace|placeofbirth|cityofbirth|villenaissance`;
const POSTCODE_KEYS = String.raw`postalcode|postal_code|postcode|zip|zipcode|zip_code|codepostal|code_postal|cp`;
// The name's parts as exports key them; not a bare "name", which names a test, a drug or a file as often.
const NAME_KEYS = String.raw`nom|prenoms?|nom_naissance|nomnaissance|nom_usage|nomusage|nom_de_naissance|surname|last_?name|family_?name|first_?names?|given_?names?|given|forenames?`;
const AGE_KEYS = String.raw`age|age_ans|age_years`;
// The value: one quoted string on one line, starting with a letter (a town) or digits (a postcode).
const JSON_PLACE = new RegExp(String.raw`"(?:${PLACE_KEYS})"[ \t]*:[ \t]*"(\p{L}[^"\n\\]{1,60})"`, 'dgu');
const JSON_POSTCODE = new RegExp(String.raw`"(?:${POSTCODE_KEYS})"[ \t]*:[ \t]*"?(\d{4,5}(?:-\d{4})?|${CANADIAN_POSTCODE}|${UK_POSTCODE})(?=["\s,}])`, 'dgu');
const XML_PLACE = new RegExp(String.raw`<(${PLACE_KEYS})>(\p{L}[^<\n]{1,60})</\1>`, 'dgu');
const XML_POSTCODE = new RegExp(String.raw`<(${POSTCODE_KEYS})>([\p{L}\p{N}][\p{L}\p{N} -]{2,9})</\1>`, 'dgu');
// logfmt: a key glued to its value by "=", at a line's start or after a blank; the value quoted when it holds
// blanks ("commune=\"La Chapelle-Janson\""), or bare: up to the next " key=" or the line's end, four words at most, as
// exports that skip the quotes write a town of several words ("commune=La Chapelle-Janson centre=…").
const LOGFMT_VALUE = String.raw`(?:"([^"\n]{1,60})"|([^\s"=]+(?:[ \t]+[^\s"=]+){0,3}?)(?=[ \t]+[a-z_][a-z_0-9]*=|[ \t]*$))`;
const LOGFMT_PLACE = new RegExp(String.raw`(?<![^ \t\n])(?:${PLACE_KEYS})=${LOGFMT_VALUE}`, 'dgmu');
const LOGFMT_POSTCODE = new RegExp(String.raw`(?<![^ \t\n])(?:${POSTCODE_KEYS})="?(\d{4,5}|${UK_POSTCODE})(?=["\s])`, 'dgu');
const JSON_NAME = new RegExp(String.raw`"(?:${NAME_KEYS})"[ \t]*:[ \t]*"(\p{L}[\p{L}'’ -]{0,40})"`, 'dgu');
const LOGFMT_NAME = new RegExp(String.raw`(?<![^ \t\n])(?:${NAME_KEYS})=${LOGFMT_VALUE}`, 'dgmu');
const KEYED_AGE = new RegExp(String.raw`(?:"(?:${AGE_KEYS})"[ \t]*:[ \t]*"?|(?<![^ \t\n])(?:${AGE_KEYS})="?)(\d{2,3})(?![\p{N}]|[.,]\d)`, 'dgu');
// YAML and protobuf text format: an unquoted key at a line's start, its value quoted (`commune: "Senonches"`).
const keyedAtLineStart = (keys: string) => new RegExp(String.raw`^[ \t]*(?:${keys})[ \t]*:[ \t]*"(\p{L}[^"\n\\]{1,60})"`, 'dgmu');
const YAML_PLACE = keyedAtLineStart(PLACE_KEYS);
const YAML_POSTCODE = new RegExp(String.raw`^[ \t]*(?:${POSTCODE_KEYS})[ \t]*:[ \t]*"(\d{4,5}(?:-\d{4})?|${CANADIAN_POSTCODE}|${UK_POSTCODE})"`, 'dgmu');
const YAML_NAME = keyedAtLineStart(NAME_KEYS);
// LDIF directory exports (one "attribute: value" per line, entries opened by "dn:"): the standard attributes of a
// person's entry, l (locality) and postalCode, cn, sn and givenName; a base64 value ("cn:: …") is left alone.
const LDIF_HINT = /^dn:[ \t]/mu;
const LDIF_PLACE = /^l:[ \t]*(\p{L}[^\n]{0,60}?)[ \t]*$/dgmu;
const LDIF_POSTCODE = new RegExp(String.raw`^postalcode:[ \t]*(\d{4,5}(?:-\d{4})?|${CANADIAN_POSTCODE}|${UK_POSTCODE})[ \t]*$`, 'dgmu');
const LDIF_NAME = /^(?:cn|sn|givenname):[ \t]*(\p{L}[\p{L}'’ -]{0,60}?)[ \t]*$/dgmu;
// Every form needs a quote-colon, a closing tag or a glued "=": most notes have none, and skip all the scans.
const STRUCTURED_HINT = /":|<\/\p{L}|^[ \t]*[a-z_]+[ \t]*:[ \t]*"|^dn:[ \t]/mu;
const LOGFMT_HINT = /(?:^|[ \t])[a-z_]+=\S/mu;
const NAME_VALUE = /^\p{L}[\p{L}'’ -]*$/u;
// A facility's "nom" is no person's ("etablissement":{"nom":"Centre Hospitalier de Kourou"}).
const SERVICE_WORD = new Set<string>([...SERVICE_WORDS, 'hospitalier', 'hospitaliere', 'polyclinique', 'ehpad', 'chu', 'ch']);

/** The value's offsets in the text, from the group that matched (a quoted or a bare logfmt value). */
function valueAt(m: RegExpMatchArray): [number, number] {
  for (let g = 1; g < m.length; g++) if (m[g] !== undefined) return m.indices![g]!;
  throw new Error('structured-fields: a match without its value');
}

export function structuredPlaceSpans(doc: Doc): Span[] {
  if (!STRUCTURED_HINT.test(doc.text)) return logfmtPlaceSpans(doc);
  const out: Span[] = [];
  const f = doc.folded;
  const push = (m: RegExpMatchArray, group: number, label: 'CITY' | 'ZIP', source: string) => {
    const [start, end] = m.indices![group]!;
    const value = doc.text.slice(start, end);
    const trimmed = value.trimEnd().length;
    if (trimmed > 0) out.push({ start, end: start + trimmed, label, score: 0.85, priority: PRIORITY.pattern - 5, source });
  };
  for (const m of f.matchAll(JSON_PLACE)) push(m, 1, 'CITY', 'city-structured');
  for (const m of f.matchAll(JSON_POSTCODE)) push(m, 1, 'ZIP', 'zip-structured');
  for (const m of f.matchAll(XML_PLACE)) push(m, 2, 'CITY', 'city-structured');
  for (const m of f.matchAll(XML_POSTCODE)) push(m, 2, 'ZIP', 'zip-structured');
  for (const m of f.matchAll(YAML_PLACE)) push(m, 1, 'CITY', 'city-structured');
  for (const m of f.matchAll(YAML_POSTCODE)) push(m, 1, 'ZIP', 'zip-structured');
  if (LDIF_HINT.test(f)) {
    for (const m of f.matchAll(LDIF_PLACE)) push(m, 1, 'CITY', 'city-structured');
    for (const m of f.matchAll(LDIF_POSTCODE)) push(m, 1, 'ZIP', 'zip-structured');
  }
  return out.concat(logfmtPlaceSpans(doc));
}

function logfmtPlaceSpans(doc: Doc): Span[] {
  if (!LOGFMT_HINT.test(doc.folded)) return [];
  const out: Span[] = [];
  for (const m of doc.folded.matchAll(LOGFMT_PLACE)) {
    const [start, end] = valueAt(m);
    if (/^\p{L}/u.test(m[1] ?? m[2]!)) out.push({ start, end, label: 'CITY', score: 0.85, priority: PRIORITY.pattern - 5, source: 'city-structured' });
  }
  for (const m of doc.folded.matchAll(LOGFMT_POSTCODE)) {
    const [start, end] = m.indices![1]!;
    out.push({ start, end, label: 'ZIP', score: 0.85, priority: PRIORITY.pattern - 5, source: 'zip-structured' });
  }
  return out;
}

/** A person's name parts and an age over 89 (the only ages that are PHI) in JSON and logfmt exports. */
export function structuredPersonSpans(doc: Doc): Span[] {
  const f = doc.folded;
  const json = STRUCTURED_HINT.test(f);
  const logfmt = LOGFMT_HINT.test(f);
  if (!json && !logfmt) return [];
  const out: Span[] = [];
  const keyed = json ? [...f.matchAll(JSON_NAME), ...f.matchAll(YAML_NAME), ...(LDIF_HINT.test(f) ? f.matchAll(LDIF_NAME) : [])] : [];
  for (const m of [...keyed, ...(logfmt ? f.matchAll(LOGFMT_NAME) : [])]) {
    const [start, end] = valueAt(m);
    const facility = FACILITY_WORD.test(f.slice(start, end)) || f.slice(start, end).split(/[ '’-]+/).some((w) => SERVICE_WORD.has(w));
    if (!facility && NAME_VALUE.test(doc.text.slice(start, end))) out.push({ start, end, label: 'PERSON', score: 0.85, priority: PRIORITY.pattern - 5, source: 'person-structured' });
  }
  for (const m of f.matchAll(KEYED_AGE)) {
    const [start, end] = m.indices![1]!;
    if (isPhiAge(Number(m[1]))) out.push({ start, end, label: 'AGE', score: 0.85, priority: PRIORITY.context, source: 'age-structured' });
  }
  return out;
}
