import { isDictionaryWord } from '../bloom.js';
import { isFirstName } from '../gazetteers.js';
import { isCountryOrRegion, isKnownName } from '../ner/label-checks.js';
import { fold } from '../normalize.js';
import { PRIORITY, type Doc, type Span } from '../types.js';
import { isListedTown, isTownOfAnyList } from './location.js';

/**
 * The town written with a facility or an employer ("Royal Victoria Hospital, Belfast", "Hamad Medical
 * Corporation, Doha", "Johns Hopkins Bayview Medical Center, Baltimore"): the scored sets mark the town
 * as CITY apart from the facility when a comma, a dash or a bracket separates them. A facility span that
 * ran on over such a town (the model's, or an employer's) loses the town to CITY, and a listed town right
 * after a facility and a separator is a CITY wherever the line goes on ("Guy's Hospital, London: …").
 * A town after a link word or a bare space stays in the name ("CHU de Brest", "Arriva London": the sets
 * mark those both ways), as do saints ("Hôpital Saint-Louis").
 */

const NAME_WORD = String.raw`[\p{Lu}][\p{L}'’]{1,30}`;
/** One to three capitalised words, hyphen- or space-joined, or the same in lower case after a separator ("– casablanca"). */
const TOWN_WORDS = new RegExp(String.raw`^(${NAME_WORD}(?:[ \t-]${NAME_WORD}){0,2}|\p{Ll}[\p{Ll}'’]{3,30}(?:-\p{Ll}[\p{Ll}'’]{1,30}){0,2})`, 'u');
const SEPARATOR = /^[ \t]*(?:,|–|—|\(| -)[ \t]*/u;
/** After the town: the end of a phrase, not a capitalised word going on with another name ("London Bridge Hospital"). */
const TOWN_END = /^(?:$|[ \t]*(?:[,.;:)\n–—(]|[ \t]-|[ \t]+(?:\p{Ll}|\d)))/u;
const SAINT = /^(?:saint|sainte|st|ste|san|santa|sao)\b/;

function cityAt(start: number, end: number): Span {
  return { start, end, label: 'CITY', score: 0.8, priority: PRIORITY.context + 5, source: 'city-with-facility' };
}

/**
 * The longest run of 1–3 words at the start of `after` that a list knows as a town (a larger commune when in
 * lower case). After a facility, a listed town that is also a name counts ("Princess Royal Hospital,
 * Telford", "Billings Clinic, Billings"); after a person it does not ("PATEL, ROHAN").
 */
function townAtStart(after: string, facility = false): string | undefined {
  const run = TOWN_WORDS.exec(after)?.[1];
  if (!run) return undefined;
  const parts = run.split(/(?<=[ \t-])/u);
  for (let k = parts.length; k >= 1; k--) {
    const name = parts.slice(0, k).join('').replace(/[ \t-]+$/u, '');
    if (name.length < 3 || SAINT.test(fold(name))) continue;
    const listed = isListedTown(name, name === name.toLowerCase() ? 5000 : 1000) || (facility && name !== name.toLowerCase() && isTownOfAnyList(name));
    if (listed && TOWN_END.test(after.slice(name.length))) return name;
  }
  return undefined;
}

/**
 * A word no list knows as a town but shaped like one after a facility and a separator ("Firmenich
 * (Satigny)", "Regional Hospital (Buea)"): one capitalised word that is no dictionary word and no name,
 * closing the phrase. A bracketed department or a pharmacy chain is a dictionary word ("(Outpatients)").
 */
const UNLISTED_TOWN = /^(\p{Lu}\p{Ll}{3,20}(?:-\p{Lu}?\p{Ll}{1,20}){0,3})(?=[ \t]*(?:[,.;:)\n–—]|$))/u;
function unlistedTownAtStart(after: string): string | undefined {
  const name = UNLISTED_TOWN.exec(after)?.[1];
  if (name === undefined || SAINT.test(fold(name)) || isCountryOrRegion([name])) return undefined;
  const parts = fold(name).split('-');
  if (parts.some((p) => isDictionaryWord(p)) || isKnownName(name)) return undefined;
  return name;
}

/**
 * Facility spans cut before a town they ran over, and the CITY spans of towns in and after them. A
 * contact's town after the name and a comma ("Dr Lise Aubry, Roubaix, 03 20 …") is read the same way,
 * larger listed towns only, never a first name ("Dupont, Nancy" is a name written surname first).
 */
export function splitTownsFromFacilities(spans: Span[], doc: Doc): Span[] {
  const t = doc.text;
  const out: Span[] = [];
  for (const s of spans) {
    const facility = s.label === 'HOSPITAL';
    if ((!facility && s.label !== 'PERSON') || s.source === 'hl7') {
      out.push(s);
      continue;
    }
    let kept = s;
    // A town ending the span after a separator ("…Hospital, Belfast"; a person's: a comma only).
    // Without one ("Arriva London", "Specsavers Hearcare Truro") the sets mark the town both ways:
    // left in the name.
    const tail = (facility ? /(,|–|—|\(| -)[ \t]*(\p{L}[\p{L}'’ \t-]{2,60})\)?$/u : /(,)[ \t]*(\p{Lu}[\p{L}'’ \t-]{2,60})$/u).exec(t.slice(s.start, s.end));
    if (tail) {
      const name = tail[2]!.replace(/[ \t]+$/u, '');
      const head = t.slice(s.start, s.start + tail.index);
      if (/\p{L}{2}/u.test(head) && !SAINT.test(fold(name)) && isListedTown(name, facility ? 1000 : 20000) && (facility || !isFirstName(name))) {
        const cityStart = s.start + tail.index + tail[0].indexOf(name);
        kept = { ...s, end: s.start + head.trimEnd().length };
        out.push(cityAt(cityStart, cityStart + name.length));
      }
    }
    out.push(kept);
    // A town right after the facility or the person and a separator.
    const sep = (facility ? SEPARATOR : /^,[ \t]*/u).exec(t.slice(s.end, s.end + 4));
    if (sep) {
      const at = s.end + sep[0].length;
      const after = t.slice(at, at + 100);
      const name = townAtStart(after, facility) ?? (facility ? unlistedTownAtStart(after) : undefined);
      // After a person, only a larger town: "PATEL, ROHAN" is a name written surname first, and small
      // communes share many given names.
      if (name && (facility || (!isFirstName(name) && isListedTown(name, 20000)))) out.push(cityAt(at, at + name.length));
    }
  }
  return out;
}
