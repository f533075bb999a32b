import { PRIORITY, type Doc, type Span } from '../types.js';

/**
 * Towns and postcodes in structured exports pasted into notes: JSON ("city":"Wollongbar",
 * "postalCode":"2477", "lieuNaissance":"Pointe-Noire", as FHIR Address and French exports write them)
 * and XML (<City>Ketchikan</City>). The key says what the value is, so no gazetteer is asked: a town no list
 * knows is still a town there, failing closed. The prose patterns missed them because the key is
 * quoted or in camel case ("city":"…" has no "city:" in it).
 */
// Keys are matched on the folded view (lower case, accents stripped): "lieuNaissance" is "lieunaissance".
const PLACE_KEYS = String.raw`city|town|ville|commune|localite|lieunaissance|lieu_naissance|lieudenaissance|birthplace|placeofbirth|cityofbirth|villenaissance`;
const POSTCODE_KEYS = String.raw`postalcode|postal_code|postcode|zip|zipcode|zip_code|codepostal|code_postal|cp`;
// The value: one quoted string on one line, starting with a letter (a town) or digits (a postcode).
const JSON_PLACE = new RegExp(String.raw`"(?:${PLACE_KEYS})"[ \t]*:[ \t]*"(\p{L}[^"\n\\]{1,60})"`, 'dgu');
const JSON_POSTCODE = new RegExp(String.raw`"(?:${POSTCODE_KEYS})"[ \t]*:[ \t]*"?(\d{4,5}(?:-\d{4})?|[a-z]\d[a-z] ?\d[a-z]\d|[a-z]{1,2}\d[a-z\d]? ?\d[a-z]{2})(?=["\s,}])`, 'dgu');
const XML_PLACE = new RegExp(String.raw`<(${PLACE_KEYS})>(\p{L}[^<\n]{1,60})</\1>`, 'dgu');
const XML_POSTCODE = new RegExp(String.raw`<(${POSTCODE_KEYS})>([\p{L}\p{N}][\p{L}\p{N} -]{2,9})</\1>`, 'dgu');
// Both forms need a quote-colon or a closing tag: most notes have neither, and skip all four scans.
const STRUCTURED_HINT = /":|<\/\p{L}/u;

export function structuredPlaceSpans(doc: Doc): Span[] {
  if (!STRUCTURED_HINT.test(doc.text)) return [];
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
  return out;
}
