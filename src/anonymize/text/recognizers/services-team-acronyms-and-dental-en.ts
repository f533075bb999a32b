import { PRIORITY, type Doc, type Span } from '../types.js';

/**
 * English services named by a place or a name before a health-service acronym or "Dental": "Kilkenny CAMHS",
 * "Land's End HTT", "Western NSW LHD", "Richmondshire CMHT", "Kickapoo Valley Dental", "Stone County Dental",
 * "Highland Community Dental Service". The label guide makes a service named after a place a HOSPITAL, whole; the
 * read sets mark 11 of 12 such team names and 16 of 22 such dental names (the rest are insurers, left out below:
 * "Delta Dental subscriber …"). Words that only say what the service is ("Community Dental Service", "Child and
 * Adolescent CAMHS") name no one's.
 */
const WORD = String.raw`\p{Lu}[\p{L}'’-]{0,30}`;
// The first word's capital, then the look-behind to it: a pattern that opens on a look-behind is tried at every position.
const FIRST_WORD = String.raw`\p{Lu}(?<![\p{L}\p{N}]\p{Lu})[\p{L}'’-]{0,30}`;
// Words one blank apart: a form's column gap ("Conall Magennis BDS     Dental nurse") ends a name.
const TEAM = new RegExp(
  String.raw`(${FIRST_WORD}(?:[ \t]${WORD}){0,3})[ \t](?:CAMHS|HTT|LHD|CMHT|CRHT|EIP)(?:[ \t]+(?:transition[ \t]+)?team)?(?![\p{L}])`,
  'dgu',
);
const DENTAL = new RegExp(
  String.raw`(${FIRST_WORD}(?:[ \t]${WORD}){0,3})[ \t]Dental(?:[ \t]+(?:Practice|Surgery|Centre|Center|Clinic|Service|Care|Group|Studio|Hospital))?(?![\p{L}])(?![ \t]+(?:nurse|hygienist|assistant|technician|therapist|officer)(?![\p{L}]))`,
  'dgu',
);
const HINT = /(?:CAMHS|HTT|LHD|CMHT|CRHT|EIP|Dental)(?![\p{L}])/u;
/** Words that say what a service is or whom it serves, or open a sentence, not whose it is. */
const GENERIC = new Set(['the', 'a', 'an', 'our', 'your', 'his', 'her', 'their', 'to', 'by', 'from', 'at', 'via', 'and', '&', 'community', 'child', 'children', "children's", 'adolescent', 'adult', 'adults', 'local', 'mental', 'health', 'team', 'specialist', 'urgent', 'crisis', 'home', 'treatment', 'early', 'intervention', 'perinatal', 'eating', 'disorders', 'general', 'special', 'care', 'paediatric', 'pediatric', 'family', 'nhs', 'public', 'salaried', 'emergency', 'private', 'referral', 'referred', 'dentist', 'dental', 'insurance', 'see', 'seen', 'attends', 'contact', 'call', 'phone', 'routine', 'annual', 'school']);
// An insurer's name is followed by who is covered or the plan's number.
const INSURER_AFTER = /^[ \t]*(?:of[ \t]+\p{Lu}|subscriber|member|id\b|plan|ppo|hmo|insurance|policy|group)/iu;

export function teamAndDentalServiceSpans(doc: Doc): Span[] {
  const t = doc.text;
  if (!HINT.test(t)) return [];
  const out: Span[] = [];
  for (const re of [TEAM, DENTAL]) {
    for (const m of t.matchAll(re)) {
      const words = m[1]!.split(/[ \t]+/);
      // The name starts after the generic words that open the run ("Our Kilkenny CAMHS", "Insurance: Delta Dental").
      let lead = 0;
      while (lead < words.length && GENERIC.has(words[lead]!.toLowerCase())) lead++;
      if (lead === words.length) continue;
      const end = m.index + m[0].length;
      if (re === DENTAL && INSURER_AFTER.test(t.slice(end, end + 20))) continue;
      const start = lead === 0 ? m.index : m.indices![1]![0] + m[1]!.indexOf(words[lead]!, words.slice(0, lead).join(' ').length);
      out.push({ start, end, label: 'HOSPITAL', score: 0.85, priority: PRIORITY.context + 5, source: 'service-team-or-dental' });
    }
  }
  return out;
}
