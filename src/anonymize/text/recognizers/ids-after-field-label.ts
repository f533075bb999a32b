import { PRIORITY, type Doc, type Span } from '../types.js';

/**
 * A code after a field's label and a colon, whatever the label ("Séjour : 26H0338154", "RiO: 1184402", "Registration
 * (MCNZ): 62874", "Ref: ND/ENT/OG/6621", "Our ref: 2611-0473"): a header's or a form's field names its identifiers by
 * the hospital's or the register's own word, which no list can hold. The value must look like no measure:
 * - letters and at least four digits in a row, one token ("26H0338154", "ND/ENT/OG/6621");
 * - or digit groups joined by one dash or slash, not a date's, a pressure's ("162/108") or a count's ("12000/mm3") shape
 *   ("2611-0473", "40-17755");
 * - or five digits or more alone after a label in capitals, an acronym ("RiO", "MCNZ", "APB"), not a word of measure.
 * The value ends the field: a line's end, a column gap, or a separator follows. Not after the labels of dates, times,
 * measures and devices ("Poids : 72500", "Model: XR-2000", "Heure : 14h3000"), nor of phones.
 */
// Read from each colon: the label before it (a word or two, maybe an acronym in brackets), the value after it. A
// pattern opening on the label's letter would be tried at every position of every note.
const LABEL_BEFORE_COLON = /(?<![\p{L}\p{N}])([\p{L}][\p{L}'’.]{0,14}(?:[ \t][\p{L}][\p{L}.]{0,9})?)[ \t]*(?:\([ \t]*([A-Z][A-Za-z]{1,7})[ \t]*\))?[ \t]*$/u;
const VALUE_AFTER_COLON = /[ \t]*([\p{L}\p{N}][\p{L}\p{N}\/-]{3,24})(?=[ \t]*(?:\r?\n|$|[|;,)]|[ \t]{2,}|\.[ \t]|\.$))/muy;
const ALNUM_CODE = /^(?=[^\n]*\d{4})(?=[^\n]*\p{L})[\p{L}\p{N}]+(?:[\/-][\p{L}\p{N}]+)*$/u;
// A slash between three-digit groups is a pressure or a ratio ("162/108"): only longer groups there.
const JOINED_DIGITS = /^(?:\d{2,}-\d{3,}|\d{2,}\/\d{4,}|\d{4,}\/\d{3,})$/;
// A count per unit ("12000/mm3", "250000/µl").
const PER_UNIT = /\/(?:mm3|mm|µl|ul|ml|l|dl|kg|g|h|min|s|j|jr|d|wk|sem|m2)$/i;
const LONG_DIGITS = /^\d{5,12}$/;
const ACRONYM_LABEL = /^(?=(?:[^A-Z]*[A-Z]){2})[A-Z][A-Za-z]{1,7}$/;
const NOT_ID_LABEL =
  /^(?:dates?|dob|ddn|heure|hour|time|temps|duree|duration|poids|weight|taille|height|tel|tél|phone|fax|mobile|portable|gsm|model|modele|modèle|type|device|version|v|dose|posologie|volume|debit|débit|score|total|montant|amount|prix|price|cout|coût|cost|plaquettes|leucocytes|glycemie|glycémie|tension|ta|pa|bp|hr|fc|spo2|sat|temp|température|temperature|poste|ext|extension|bip|bleep|pager|code postal|cp|zip|postcode|npa|time stamp|timestamp|horodatage|page|pages|chambre|room|lit|bed|salle|box|étage|floor|niveau)$/iu;

export function fieldLabelIdSpans(doc: Doc): Span[] {
  const t = doc.text;
  const out: Span[] = [];
  for (let colon = t.indexOf(':'); colon >= 0; colon = t.indexOf(':', colon + 1)) {
    VALUE_AFTER_COLON.lastIndex = colon + 1;
    const v = VALUE_AFTER_COLON.exec(t);
    if (!v) continue;
    const m = LABEL_BEFORE_COLON.exec(t.slice(Math.max(0, colon - 40), colon));
    if (!m) continue;
    const label = m[2] ?? m[1]!;
    const value = v[1]!;
    if (NOT_ID_LABEL.test(m[1]!.toLowerCase().replace(/[.:]+$/, '')) || (m[2] !== undefined && NOT_ID_LABEL.test(m[2].toLowerCase()))) continue;
    if (PER_UNIT.test(value)) continue;
    const coded = ALNUM_CODE.test(value) || JOINED_DIGITS.test(value) || (LONG_DIGITS.test(value) && ACRONYM_LABEL.test(label));
    if (!coded) continue;
    const start = v.index + v[0].length - value.length;
    out.push({ start, end: start + value.length, label: 'ID', score: 0.75, priority: PRIORITY.weak + 5, source: 'id-after-field-label' });
  }
  return out;
}
