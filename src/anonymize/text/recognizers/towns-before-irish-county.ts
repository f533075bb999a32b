import { PRIORITY, type Doc, type Span } from '../types.js';

/**
 * An Irish town or townland before its county: "Cloonanaha, Inagh, Co. Clare", "gortnafolla, ballyheane,
 * co. mayo", "Ennis, County Clare". The word or two right before ", Co. <county>" is the town (a CITY);
 * a townland before it is the address line, which the address rules read. Runs on the folded view.
 */
/** The 32 counties of Ireland, folded, as a regex alternation. */
export const IRISH_COUNTIES =
  'antrim|armagh|carlow|cavan|clare|cork|derry|donegal|down|dublin|fermanagh|galway|kerry|kildare|kilkenny|laois|leitrim|limerick|londonderry|longford|louth|mayo|meath|monaghan|offaly|roscommon|sligo|tipperary|tyrone|waterford|westmeath|wexford|wicklow';
const TOWN_BEFORE_COUNTY = new RegExp(
  String.raw`(?<![\p{L}'’-])([\p{L}][\p{L}'’-]{1,25}(?:[ \t][\p{L}][\p{L}'’-]{1,25})?),[ \t]*(?:co\.?|county)[ \t]+(?:${IRISH_COUNTIES})(?![\p{L}])`,
  'dgu',
);
const HINT = /,[ \t]*(?:co\.?|county)[ \t]/;
const NOT_A_TOWN = new Set(['road', 'street', 'lane', 'avenue', 'drive', 'park', 'the', 'and', 'address', 'lives', 'home']);

export function townBeforeIrishCountySpans(doc: Doc): Span[] {
  const f = doc.folded;
  if (!HINT.test(f)) return [];
  const out: Span[] = [];
  for (const m of f.matchAll(TOWN_BEFORE_COUNTY)) {
    const [s, e] = m.indices![1]!;
    const words = m[1]!.split(/[ \t]/);
    if (words.some((w) => NOT_A_TOWN.has(w)) || /\d/.test(m[1]!)) continue;
    out.push({ start: s, end: e, label: 'CITY', score: 0.85, priority: PRIORITY.context + 5, source: 'city-before-irish-county' });
  }
  return out;
}
