import { PRIORITY, type Doc, type Span } from '../types.js';
import { UNIT_EN } from './dates-spoken.js';
import { PAIR as PAIR_FR } from './phones-spoken-fr.js';

/**
 * A postcode read aloud, as dictated addresses give it: after its word ("zip six nine three four one",
 * "postcode B T four seven four N L", "code postal vingt-cinq deux cent quatre-vingt-dix", India's "pin six eight
 * zero one zero one"), or bare after the town that closes a dictated street address ("forty-seven Wellington
 * Street, Kerang, three five seven nine."). Matched on the folded view (lower case, no accents).
 */
// English digits one by one, French numbers in any form, and the letters of British and Canadian codes.
const DIGIT_EN = `zero|oh|${UNIT_EN}`;
const DIGIT = String.raw`(?:${DIGIT_EN}|${PAIR_FR}|cents?|mille)`;
const TOKEN = String.raw`(?:${DIGIT}|[a-z])`;
const AFTER_WORD = new RegExp(
  String.raw`\b(?:zip(?:[ \t]+code)?|postcode|post[ \t]+code|postal[ \t]+code|code[ \t]+postal|pin(?:[ \t]+code)?)[ \t]*[:,]?[ \t]+(${TOKEN}(?:[ \t-]+${TOKEN}){2,7})(?![\p{L}\p{N}])`,
  'dgu',
);
// Bare: four to six English digits after a comma, ending the part, with a street's kind earlier on the line.
const BARE = new RegExp(String.raw`,[ \t]+((?:${DIGIT_EN})(?:[ \t]+(?:${DIGIT_EN})){3,5})(?=[ \t]*(?:[.,;]|\r?\n|$))`, 'dgu');
const STREET_BEFORE = /\b(?:street|st|road|rd|avenue|ave|drive|dr|lane|highway|hwy|crescent|court|place|way|boulevard|terrace|close)\b[^\n]*,[^,\n]+$/;
const DIGIT_WORD = new RegExp(String.raw`^${DIGIT}$`);
const KEYWORDS = ['zip', 'postcode', 'post code', 'postal code', 'code postal', 'pin '];

export function spokenZipSpans(doc: Doc): Span[] {
  const t = doc.folded;
  const out: Span[] = [];
  if (KEYWORDS.some((k) => t.includes(k))) {
    for (const m of t.matchAll(AFTER_WORD)) {
      const [start] = m.indices![1]!;
      const words = [...m[1]!.matchAll(/[^ \t-]+/g)];
      // Letters open a British or Canadian code ("p h seven four h a"); after digits, a lone letter is the next
      // word ("code postal un sept deux zero zero a royan").
      const lettered = /^[a-z]$/.test(words[0]![0]);
      if (!lettered) while (words.length > 1 && /^[a-z]$/.test(words.at(-1)![0])) words.pop();
      const digits = words.filter((w) => DIGIT_WORD.test(w[0])).length;
      // Five or six tokens with two digits at least make a British or Canadian code; three digits the others.
      if (lettered ? digits < 2 || words.length < 5 : digits < 3) continue;
      const last = words.at(-1)!;
      const end = start + last.index + last[0].length;
      out.push({ start, end, label: 'ZIP', score: 0.85, priority: PRIORITY.context + 10, source: 'zip-spoken' });
    }
  }
  for (const m of t.matchAll(BARE)) {
    const lineStart = t.lastIndexOf('\n', m.index) + 1;
    if (!STREET_BEFORE.test(t.slice(lineStart, m.index))) continue;
    const [start, end] = m.indices![1]!;
    out.push({ start, end, label: 'ZIP', score: 0.8, priority: PRIORITY.context + 10, source: 'zip-spoken-bare' });
  }
  return out;
}
