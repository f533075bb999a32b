import { PRIORITY, type Doc, type Span } from '../types.js';
import { matchesNotAfter, notAfter } from './not-after.js';
import { isListedTown } from './location.js';
import { IRISH_COUNTIES } from './towns-before-irish-county.js';

/**
 * English services named after their town: "Taunton Renal Unit", "Slough TB Service", "Shrewsbury
 * South Team", "Hull Recovery Partnership", "Inverness Drug and Alcohol Recovery Service", "Gallup
 * Fire Department". The label guide makes a service named after a place a HOSPITAL, whole; only the
 * town was found (a CITY). The first words must be a town a list knows, the words up to the head
 * capitalised (or an acronym, "and", "&", "of"), all in title case: a heading in capitals is left to the
 * heading rules.
 */
// Words are bounded: a match may start after every hyphen or apostrophe, and an unbounded word there
// is read to its end from each of them (quadratic on a long hyphenated run); no town word is this long.
const WORD_REST = String.raw`[\p{L}'’-]{0,60}`;
const HEAD = String.raw`(?:Service|Services|Team|Unit|Partnership|Department|Dept)`;
const SERVICE = notAfter(new RegExp(
  String.raw`(?<![\p{L}\p{N}])(\p{Lu}\p{Ll}${WORD_REST}(?:[ \t]\p{Lu}\p{Ll}${WORD_REST})?)((?:[ \t]+\p{Lu}${WORD_REST})(?:[ \t]+(?:\p{Lu}${WORD_REST}|and|&|of)){0,4}?)[ \t]+${HEAD}(?![\p{L}])`,
  'dgu',
));
const HINT = new RegExp(`[ \\t]${HEAD}(?![\\p{L}])`, 'u');

/**
 * Counties and regions that name services as towns do ("Shropshire Wheelchair Service", "Fife Breast Unit", "Highland
 * Eating Disorders Service", "Canterbury Outreach"): Britain's counties and Scottish council areas, Ireland's counties,
 * New Zealand's regions. Facts, written from public knowledge, in lower case. Left out: those that open other names
 * too ("Down Syndrome Service", "Bay", "Angus", "Lewis").
 */
const REGIONS = new Set(
  `${IRISH_COUNTIES.split('|').filter((c) => c !== 'down').join(' ')}
  bedfordshire berkshire buckinghamshire cambridgeshire cheshire cornwall cumbria derbyshire devon dorset durham essex gloucestershire
  hampshire herefordshire hertfordshire kent lancashire leicestershire lincolnshire norfolk northamptonshire northumberland nottinghamshire
  oxfordshire rutland shropshire somerset staffordshire suffolk surrey sussex warwickshire wiltshire worcestershire yorkshire merseyside
  cleveland teesside wirral solent wessex humber peninsula
  fife highland grampian lothian tayside borders lanarkshire ayrshire renfrewshire dunbartonshire stirlingshire argyll moray
  aberdeenshire perthshire clackmannanshire galloway dumfries orkney shetland hebrides lochaber
  gwynedd powys ceredigion pembrokeshire carmarthenshire glamorgan gwent anglesey conwy denbighshire flintshire monmouthshire
  northland auckland waikato taranaki manawatu whanganui wairarapa wellington tasman nelson marlborough canterbury otago
  southland westland`.split(/\s+/).filter(Boolean),
);

function isRegion(word: string): boolean {
  return REGIONS.has(word.toLowerCase());
}

export function servicesNamedByTownSpans(doc: Doc): Span[] {
  const t = doc.text;
  if (!HINT.test(t)) return [];
  const out: Span[] = [];
  for (const m of matchesNotAfter(SERVICE, t)) {
    // The town: the first word, or the first two ("Market Harborough District Nurses").
    const words = m[1]!.split(/[ \t]/);
    if (!isListedTown(m[1]!, 5000) && !(words.length === 2 && isListedTown(words[0]!, 5000)) && !isRegion(words[0]!)) continue;
    // "and", "&", "of" join words; they never end the words before the head.
    if (/(?:and|&|of)$/.test(m[2]!.trimEnd())) continue;
    out.push({ start: m.index, end: m.index + m[0].length, label: 'HOSPITAL', score: 0.85, priority: PRIORITY.context + 10, source: 'service-named-by-town' });
  }
  return out;
}
