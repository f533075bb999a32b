import { isDictionaryWord } from '../bloom.js';
import { communePopulation } from '../gazetteers.js';
import { fold } from '../normalize.js';
import { PRIORITY, type Doc, type Span } from '../types.js';
import { isTownOfAnyList } from './location.js';

/**
 * Where the patient is from, written after the name and the age in ward logs and triage books, often in
 * lower case: "bed 2 – kieran o'dwyer, 19, forbes, motorbike", "11:45 mrs margaret lloyd-evans, 90,
 * lampeter, sudden loss of vision", "08h40 - mme hervieu nathalie, 58 ans, domfront. rideau noir". After
 * the line's first words (a marker, then the name), a comma, an age and a comma, one to three words up to the next
 * separator are a town when a list knows them as a whole (a lowercase word: no ordinary word too).
 */
const AFTER_AGE = /(?:^|\n)[^\n,]{0,40}?\p{L}[\p{L}.'’-]*,[ \t]*\d{1,3}(?:[ \t]?(?:ans|a|y|yo|yrs|m|f))?[ \t]*,[ \t]*([\p{L}][\p{L}'’-]{2,30}(?:[ \t]+[\p{L}][\p{L}'’-]{1,30}){0,2})(?=[ \t]*(?:[,.;:(]|[–—-][ \t]|\n|$))/dgu;
const HINT = /,[ \t]*\d{1,3}(?:[ \t]?(?:ans|a|y|yo|yrs|m|f))?[ \t]*,/;

function townHere(name: string): boolean {
  if (!isTownOfAnyList(name) && communePopulation(name) === undefined) return false;
  // A lowercase word a dictionary holds is a finding as often ("male", "stable"); a capital or several
  // words say a name.
  return /^\p{Lu}/u.test(name) || /[ '’-]/.test(name) || !isDictionaryWord(fold(name));
}

export function townAfterAgeSpans(doc: Doc): Span[] {
  const t = doc.text;
  if (!HINT.test(t)) return [];
  const out: Span[] = [];
  for (const m of t.matchAll(AFTER_AGE)) {
    const [s, e] = m.indices![1]!;
    const name = t.slice(s, e);
    // The whole field is the town ("Highland dancer" is no town; "SpA" is a diagnosis, in mixed case).
    if (/\p{Ll}\p{Lu}/u.test(name) || !townHere(name)) continue;
    out.push({ start: s, end: e, label: 'CITY', score: 0.8, priority: PRIORITY.gazetteer, source: 'city-after-age' });
  }
  return out;
}
