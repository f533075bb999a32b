import { PRIORITY, type Doc, type Span } from '../types.js';
import { CANADIAN_POSTCODE, EIRCODE, UK_POSTCODE } from './postcode-shapes.js';

/**
 * A postcode after its own label: "postal code 63040", "CODE POSTAL DU DOMICILE : 17480", "CP : 20114", "zip code
 * 94601", "NPA 1297", "postcode: LL52 0AH". The label says what the digits are, so no town need follow (the address
 * rules read a postcode by the town beside it) and a registry's or a phone's guess at the same digits gives way.
 * Digits of four to six (a US ZIP+4 too), or a British, Canadian or Irish code. Matched on the folded view.
 */
const LABEL = String.raw`postal[ \t]+code|post[ \t]?code|zip(?:[ \t]?code)?|code[ \t]+postal(?:[ \t]+(?:du|de[ \t]+la)[ \t]+(?:domicile|residence|commune))?|cp|npa|eircode`;
const VALUE = String.raw`\d{4,6}(?:-\d{4})?|${UK_POSTCODE}|${CANADIAN_POSTCODE}|${EIRCODE}`;
const ZIP_AFTER_LABEL = new RegExp(String.raw`(?<![\p{L}\p{N}])(?:${LABEL})[ \t]*(?:[:=#][ \t]*|(?:is|est)[ \t]+)?(${VALUE})(?![\p{L}\p{N}]|[.,]\d)`, 'dgu');
const HINT = /postal|post ?code|zip|\bcp\b|\bnpa\b|eircode/;

export function zipAfterLabelSpans(doc: Doc): Span[] {
  const f = doc.folded;
  if (!HINT.test(f)) return [];
  const out: Span[] = [];
  for (const m of f.matchAll(ZIP_AFTER_LABEL)) {
    const [start, end] = m.indices![1]!;
    out.push({ start, end, label: 'ZIP', score: 0.85, priority: PRIORITY.pattern - 5, source: 'zip-after-label' });
  }
  return out;
}
