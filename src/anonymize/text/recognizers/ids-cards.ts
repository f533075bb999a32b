import { PRIORITY, type Doc, type Span } from '../types.js';
import { matchesNotAfter, notAfter } from './not-after.js';

/**
 * Identifiers that name their document rather than a register: the UK National Insurance number in
 * its printed pairs ("NI no. JK 48 19 73 C"), a number right after the word "card" ("his health card
 * is 0098 765 432", "ID card 0348931M": grouped like a phone number, which the phone scan took), and
 * the last four digits of a Social Security number ("Last 4 4417"); and the two-letter version code printed after
 * an Ontario health card's ten digits ("OHIP : 5827-194-365 KL", "6051178843-LM", "… version code KT"), which names the
 * card's issue as the digits name the person.
 */
// Two prefix letters (D, F, I, Q, U, V never; O never second), six digits in pairs or not, A–D.
const NI_NUMBER = notAfter(/(?<![\p{L}\p{N}])[A-CEGHJ-PR-TW-Z][A-CEGHJ-NPR-TW-Z][ ]?\d{2}[ ]?\d{2}[ ]?\d{2}[ ]?[A-D](?![\p{L}\p{N}])/gu);
// "card", then "is / was / number / no / #" or a colon, then seven to fourteen digits (a letter may
// close them: Maltese identity cards); fewer is a count ("red card 2"). Read on the folded text.
const CARD_NUMBER = /(?<![\p{L}])card(?:[ \t]+(?:is|was|number|no\.?|#))?[ \t]*[:#]?[ \t]*(\d(?:[ -]?\d){6,13}[a-z]?)(?![\p{L}\p{N}])/dgu;
const LAST_FOUR = /(?<![\p{L}])last[ \t]+(?:4|four)(?:[ \t]+digits)?(?:[ \t]+of[ \t]+(?:the[ \t]+)?(?:ssn|social|sin|card))?[ \t]*[:#]?[ \t]*(\d{4})(?![\p{L}\p{N}])/dgu;

// Ten digits (4-3-3, grouped or not), then a blank, a dash or the words "version code", then two capitals alone.
const VERSION_CODE = /(?<![\p{N}])\d{4}[ -]?\d{3}[ -]?\d{3}(?:[ \t]*-[ \t]*|[ \t]+(?:version[ \t]+code[ \t]+)?)([A-Z]{2})(?![\p{L}\p{N}])/dgu;
const VERSION_HINT = /ohip|health card|carte sant[eé]|hcn/iu;

export function cardIdSpans(doc: Doc): Span[] {
  const out: Span[] = [];
  for (const m of matchesNotAfter(NI_NUMBER, doc.text)) {
    out.push({ start: m.index, end: m.index + m[0].length, label: 'ID', score: 0.9, priority: PRIORITY.context + 25, source: 'id-ni-number' });
  }
  const f = doc.folded;
  for (const [re, source, hint] of [[CARD_NUMBER, 'id-card-number', 'card'], [LAST_FOUR, 'id-last-four', 'last']] as const) {
    if (!f.includes(hint)) continue;
    for (const m of f.matchAll(re)) {
      const [start, end] = m.indices![1]!;
      out.push({ start, end, label: 'ID', score: 0.9, priority: PRIORITY.context + 25, source });
    }
  }
  for (const m of VERSION_HINT.test(doc.text) ? doc.text.matchAll(VERSION_CODE) : []) {
    const [start, end] = m.indices![1]!;
    out.push({ start, end, label: 'ID', score: 0.85, priority: PRIORITY.context + 20, source: 'id-card-version-code' });
  }
  return out;
}
