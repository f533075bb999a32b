import { fold } from '../normalize.js';
import { PRIORITY, type Doc, type Span } from '../types.js';
import { isListedTown } from './location.js';

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

/** The longest run of 1–3 words at the start of `after` that a list knows as a town (a larger commune when in lower case). */
function townAtStart(after: string): string | undefined {
  const run = TOWN_WORDS.exec(after)?.[1];
  if (!run) return undefined;
  const parts = run.split(/(?<=[ \t-])/u);
  for (let k = parts.length; k >= 1; k--) {
    const name = parts.slice(0, k).join('').replace(/[ \t-]+$/u, '');
    if (name.length < 3 || SAINT.test(fold(name))) continue;
    if (isListedTown(name, name === name.toLowerCase() ? 5000 : 1000) && TOWN_END.test(after.slice(name.length))) return name;
  }
  return undefined;
}

/** Facility spans cut before a town they ran over, and the CITY spans of towns in and after them. */
export function splitTownsFromFacilities(spans: Span[], doc: Doc): Span[] {
  const t = doc.text;
  const out: Span[] = [];
  for (const s of spans) {
    if (s.label !== 'HOSPITAL' || s.source === 'hl7') {
      out.push(s);
      continue;
    }
    let facility = s;
    // A town ending the span after a separator ("…Hospital, Belfast"). Without one ("Arriva London",
    // "Specsavers Hearcare Truro") the sets mark the town both ways: left in the name.
    const tail = /(,|–|—|\(| -)[ \t]*(\p{L}[\p{L}'’ \t-]{2,60})\)?$/u.exec(t.slice(s.start, s.end));
    if (tail) {
      const name = tail[2]!.replace(/[ \t]+$/u, '');
      const head = t.slice(s.start, s.start + tail.index);
      if (/\p{L}{2}/u.test(head) && !SAINT.test(fold(name)) && isListedTown(name, 1000)) {
        const cityStart = s.start + tail.index + tail[0].indexOf(name);
        facility = { ...s, end: s.start + head.trimEnd().length };
        out.push(cityAt(cityStart, cityStart + name.length));
      }
    }
    out.push(facility);
    // A listed town right after the facility and a separator.
    const sep = SEPARATOR.exec(t.slice(s.end, s.end + 4));
    if (sep) {
      const at = s.end + sep[0].length;
      const name = townAtStart(t.slice(at, at + 100));
      if (name) out.push(cityAt(at, at + name.length));
    }
  }
  return out;
}
