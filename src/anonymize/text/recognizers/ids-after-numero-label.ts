import { PRIORITY, type Doc, type Span } from '../types.js';

/**
 * A number after "n°" and the word that says what it numbers, whatever that word is: "n° d'écrou 41872", "n° ordinal
 * 31548", "n° cafat 0458921", "n° marin 85-1964027", "N° AFFAIRE 50-26-113302", "N° D'IMMATRICULATION CCSS : 274 118",
 * "N° de permis d'exercice : 1-09473"; and a licence's or a permit's number with no "number" after the word ("ND license
 * P-20914"). A register names its people by its own word, which no list can hold; "n°" says a number comes. The value
 * holds four digits at least, in groups joined by one space, dash, dot or slash, maybe after a short letter prefix.
 * Not what a phone, a room, a page, a form or a lot is numbered by (phones.ts, ids-lots.ts read those). Folded text.
 */
const LABEL_WORD = String.raw`(?:l')?[a-z][a-z'-]{1,20}`;
const LINK = String.raw`(?:(?:de|du|des|d')[ \t]*)?`;
const VALUE = String.raw`((?:[a-z]{1,3}-?)?\d+(?:[ .\-/]\d+){0,4})`;
const NUMERO_LABEL = new RegExp(
  String.raw`(?<![\p{L}])n[°º][ \t]*${LINK}(${LABEL_WORD}(?:[ \t]+${LINK}${LABEL_WORD}){0,2})[ \t]*:?[ \t]*${VALUE}(?![\p{L}\p{N}]|[.\-/]\p{N})`,
  'dgu',
);
const LICENCE = new RegExp(String.raw`(?<![\p{L}])(?:licen[cs]e|permit)[ \t]*(?:n[°º]|no\.?|#|:)?[ \t]*${VALUE}(?![\p{L}\p{N}]|[.\-/]\p{N})`, 'dgu');
// What a phone, a room, a page, a form, a lot or a kit is numbered by: never a person's identifier here.
const NOT_ID_LABEL = /^(?:(?:de[ \t]+)?(?:telephone|tel|portable|mobile|fixe|fax|gsm|poste|bip|dect|chambre|lit|box|salle|porte|rue|voie|page|pages|lot|kit|cerfa|formulaire|version|serie|appel|urgence|standard|bus|vol|ligne|quai|etage|bureau|cas)\b)/;
const MIN_DIGITS = 4;

export function numeroLabelIdSpans(doc: Doc): Span[] {
  const f = doc.folded;
  const out: Span[] = [];
  const push = (m: RegExpMatchArray, group: number) => {
    const [start, end] = m.indices![group]!;
    if ((f.slice(start, end).match(/\d/g)?.length ?? 0) < MIN_DIGITS) return;
    // A value that goes on on the next line ("N° IPP : 80 33 1⏎7 45 20") is read whole by the wrapped-token rules.
    if (/^[ \t]*\r?\n[ \t]*\d/.test(f.slice(end, end + 6))) return;
    out.push({ start, end, label: 'ID', score: 0.8, priority: PRIORITY.context + 5, source: 'id-after-numero-label' });
  };
  if (/n[°º]/.test(f)) {
    for (const m of f.matchAll(NUMERO_LABEL)) {
      if (NOT_ID_LABEL.test(m[1]!)) continue;
      push(m, 2);
    }
  }
  if (/licen[cs]e|permit/.test(f)) for (const m of f.matchAll(LICENCE)) push(m, 1);
  return out;
}
