import { isDictionaryWord } from '../bloom.js';
import { fold } from '../normalize.js';
import { PRIORITY, type Doc, type Span } from '../types.js';
import { isTownOfAnyList } from './location.js';

/**
 * Ambulance, retrieval and patient-transport services named by a place or an owner, which notes name in lower case as
 * often as not: "arrived by allamakee county ems", "arr via merredin volunteer ambulance", "transferred by sunraysia
 * patient transport", "burnett air retrieval flight", "Clallam County Fire District 3 medic unit", "ambulance Sandy
 * Ground Ambulances", "a driver with Bo Medical Transport Unit". They name where the patient lives as surely as the
 * hospital does; the read sets mark them HOSPITAL (49 of 52 capitalised ones). The words before the service's kind must
 * name someone or somewhere: a word no dictionary holds, a town a list knows, an acronym ("NSW", "EHS") or a
 * capitalised word; not "road ambulance", "private ambulance", "the air ambulance". Folded text, checked as written.
 */
const KIND = String.raw`(?:air[ \t]+)?(?:ambulances?(?:[ \t]+(?:service|station|aeromedical))?|ems|retrieval(?:[ \t]+service)?|patient[ \t]+transport(?:[ \t]+service)?|medical[ \t]+transport(?:[ \t]+unit)?|rescue[ \t]+helicopter|fire[ \t]+district[ \t]+\d{1,3})`;
const SERVICE = new RegExp(String.raw`\b${KIND}(?![a-z])`, 'gu');
const HINT = /ambulance|ems|retrieval|transport|rescue|fire district/;
// Words that may open the phrase before the name: they are cut off, not part of it.
const LEADING = new Set(['the', 'a', 'an', 'by', 'via', 'with', 'w', 'and', 'or', 'to', 'from', 'of', 'for', 'no', 'our', 'his', 'her', 'their', 'my', 'your', 'its', 'called', 'booked', 'arranged', 'per', 'on', 'in', 'at', 'une', 'un', 'le', 'la', 'en', 'par', 'avec', 'ambulance', 'taxi', 'ou', 'organ', 'fixed-wing', 'rotary']);
// Kinds of service a place's name never is ("volunteer", "county" between the name and the kind are kept).
const GENERIC = new Set(['road', 'private', 'local', 'emergency', 'rapid', 'response', 'county', 'volunteer', 'st', 'saint', 'state', 'regional', 'national', 'district', 'bariatric', 'neonatal', 'paediatric', 'pediatric', 'critical', 'care', 'non-emergency', 'frontline', 'first']);

function namesSomeone(written: string): boolean {
  const key = fold(written).replace(/['’]s$/, '');
  if (GENERIC.has(key) || LEADING.has(key)) return false;
  // Capitalised ("Clallam", "Sandy"), an acronym ("NSW", "EHS"), or, in a note's lower case or a form's capitals, a word
  // no dictionary holds or a listed town.
  return /^\p{Lu}\p{Ll}/u.test(written) || /^\p{Lu}{2,4}$/u.test(written) || !isDictionaryWord(key) || isTownOfAnyList(written);
}

// Up to four words before the kind, each a name's word or a generic one between the name and the kind.
const WORDS_BEFORE = /((?:[\p{L}][\p{L}'’&.-]*[ \t]+){1,4})$/u;

export function emergencyServiceSpans(doc: Doc): Span[] {
  const f = doc.folded;
  if (!HINT.test(f)) return [];
  const t = doc.text;
  const out: Span[] = [];
  for (const m of f.matchAll(SERVICE)) {
    const before = WORDS_BEFORE.exec(t.slice(Math.max(0, m.index - 60), m.index));
    if (!before) continue;
    // Walk back from the kind: generic words ("county", "volunteer") and name words join; a leading or ordinary word stops.
    const words = [...before[1]!.matchAll(/\S+/gu)];
    let first = words.length;
    while (first > 0) {
      const w = words[first - 1]![0];
      // A sentence or a field ends before the name ("Dr Oddone. Ambulance :", "911 now. EMS"): it stops there.
      if (/[.,;:!?)]$/u.test(w)) break;
      const key = fold(w).replace(/[^a-z'-]/g, '');
      if (LEADING.has(key) || !(GENERIC.has(key) || namesSomeone(w))) break;
      first--;
    }
    // The name must hold a word naming someone, not only generic ones ("the county ambulance").
    const kept = words.slice(first);
    if (!kept.some((w) => namesSomeone(w[0]))) continue;
    const start = m.index - before[1]!.length + kept[0]!.index;
    out.push({ start, end: m.index + m[0].length, label: 'HOSPITAL', score: 0.8, priority: PRIORITY.context + 10, source: 'emergency-service' });
  }
  return out;
}
