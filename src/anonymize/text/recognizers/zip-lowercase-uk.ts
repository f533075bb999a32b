import { PRIORITY, type Doc, type Span } from '../types.js';

/**
 * UK postcodes typed in lowercase, as chat, dictated and nursing notes write a whole address ("19
 * bridge street, leominster hr6 8dx"). The upper-case scan (location.ts) does not see them. Lowercase,
 * the shape alone is weak ("t2 3ab" could be anything), so the letters before the first digit must be
 * one of the UK's postcode areas and the code must close an address part (a line end, a comma, a
 * bracket, a table bar, a full stop or a dash after it) with a word before it on its line.
 */
const LOWER_POSTCODE = /(?<![\p{L}\p{N}])([a-z]{1,2})\d[a-z\d]? \d[a-z]{2}(?=[ \t]*(?:$|[\n,;|)]|\.(?![\p{L}\p{N}])|[–—][ \t]))/gmu;
const POSTCODE_AREAS = new Set(
  `ab al b ba bb bd bf bh bl bn br bs bt ca cb cf ch cm co cr ct cv cw da dd de dg dh dl dn dt dy e ec eh en ex fk fy g gl gu gy
  ha hd hg hp hr hs hu hx ig im ip iv je ka kt kw ky l la ld le ll ln ls lu m me mk ml n ne ng nn np nr nw ol ox pa pe ph pl po pr
  rg rh rm s sa se sg sk sl sm sn so sp sr ss st sw sy ta td tf tn tq tr ts tw ub w wa wc wd wf wn wr ws wv yo ze`.split(/\s+/),
);
const WORD_BEFORE = /\p{L}{2,}[ \t,]+$/u;
// The town: the comma part just before the code, one to three lowercase words and no street word
// ("…, bognor regis po21 3qd"); the code closing the address says it is the town.
const TOWN_PART = /,[ \t]*([a-z][a-z'’-]+(?:[ \t]+[a-z][a-z'’-]+){0,2})[ \t]+$/u;
const STREET_WORD = /\b(?:street|st|road|rd|lane|ln|avenue|ave|drive|dr|way|close|court|crescent|place|terrace|gardens|grove|hill|row|walk|green|park|square|mews|flat|apt|unit|house|farm|cottage)\b/u;

/**
 * A Canadian postcode typed in lowercase ("330 stephen st, morden r6m 1t4."): letter, digit, letter, a blank, digit,
 * letter, digit, the first letter one Canada uses, closing the address part as above, the town part before it.
 */
const LOWER_CA_POSTCODE = /(?<![\p{L}\p{N}])[abceghjklmnprstvxy]\d[abceghjklmnprstvwxyz] \d[abceghjklmnprstvwxyz]\d(?=[ \t]*(?:$|[\n,;|)]|\.(?![\p{L}\p{N}])|[–—][ \t]))/gmu;
const TOWN_BEFORE_CA = /,[ \t]*([a-z][a-z'’-]+(?:[ \t]+[a-z][a-z'’-]+){0,2}?)[ \t]+(?:(?:ab|bc|mb|nb|nl|ns|nt|nu|on|pe|qc|sk|yt)[ \t]+)?$/u;

export function lowercaseUkPostcodeSpans(doc: Doc): Span[] {
  const t = doc.text;
  const out: Span[] = [];
  for (const m of /\d[a-z]{2}\b/.test(t) ? t.matchAll(LOWER_POSTCODE) : []) {
    if (POSTCODE_AREAS.has(m[1]!)) postcodeAndTown(t, m, TOWN_PART, 'zip-uk-lower', out);
  }
  for (const m of /\d[a-z] \d[a-z]\d/.test(t) ? t.matchAll(LOWER_CA_POSTCODE) : []) postcodeAndTown(t, m, TOWN_BEFORE_CA, 'zip-ca-lower', out);
  return out;
}

/** The postcode `m` closing an address part with a word before it on its line, and the town part `townPart` finds before it. */
function postcodeAndTown(t: string, m: RegExpMatchArray, townPart: RegExp, source: string, out: Span[]): void {
  const at = m.index!;
  const lineStart = t.lastIndexOf('\n', at - 1) + 1;
  const before = t.slice(Math.max(lineStart, at - 40), at);
  if (!WORD_BEFORE.test(before)) return;
  out.push({ start: at, end: at + m[0].length, label: 'ZIP', score: 0.85, priority: PRIORITY.pattern - 5, source });
  const town = townPart.exec(before);
  if (!town || STREET_WORD.test(town[1]!)) return;
  const start = at - before.length + town.index + town[0].indexOf(town[1]!);
  out.push({ start, end: start + town[1]!.length, label: 'CITY', score: 0.8, priority: PRIORITY.context - 5, source: 'city-before-postcode' });
}
