import { CREDENTIALS_AND_RECORD_LABELS } from './beside-names.js';
import { fold } from './normalize.js';
import { addressLabelLengthAt } from './recognizers/address-field.js';
import type { Doc, Span } from './types.js';

/**
 * The names an outranked span would leave in clear. Merging keeps the surer of two overlapping spans
 * and drops the other whole; when the winner covers only part of a name the other found ("Owain" of
 * the model's "Owain Rees", "SIMON" of "madeleine SIMON"), the rest ("Rees", "madeleine") was found
 * by nobody else and went out as it was. The entity-level evaluation's overlap matching counts such a
 * name as found. Here the rest of a dropped PERSON span becomes a PERSON of its own when a PERSON that
 * won over it touches the rest across one blank, hyphen or quote, and the rest reads as a name: no
 * title, field label, kin or role word, more than initials. The merge then joins the two ("Owain Rees").
 *
 * `claimedBy[i]` is the index in `taken` of the span that holds character i (-1: none).
 */
export function outrankedPersonRests(droppedNames: readonly Span[], taken: readonly Span[], claimedBy: Int32Array, doc: Doc): Span[] {
  const rests: Span[] = [];
  for (const s of droppedNames) {
    for (const [start, end] of unclaimedRuns(s, claimedBy)) {
      const rest = trimToWords(doc.text, start, end);
      if (rest === undefined) continue;
      const word = nameWordBeside(rest, s, taken, claimedBy, doc.text);
      if (word === undefined || !readsAsName(doc.text.slice(rest[0], rest[1]), word)) continue;
      claimedBy.fill(-2, rest[0], rest[1]); // a rest is never claimed twice by overlapping dropped spans
      rests.push({ ...s, start: rest[0], end: rest[1], source: `${s.source}-rest` });
    }
  }
  return rests;
}

function unclaimedRuns(s: Span, claimedBy: Int32Array): [number, number][] {
  const runs: [number, number][] = [];
  let i = s.start;
  while (i < s.end) {
    while (i < s.end && claimedBy[i] !== -1) i++;
    const start = i;
    while (i < s.end && claimedBy[i] === -1) i++;
    if (i > start) runs.push([start, i]);
  }
  return runs;
}

const WORD_CHAR = /[\p{L}\p{N}]/u;

/** The run without the blanks and punctuation at its edges; undefined if nothing of a word is left. */
function trimToWords(text: string, start: number, end: number): [number, number] | undefined {
  while (start < end && !WORD_CHAR.test(text[start]!)) start++;
  while (end > start && !WORD_CHAR.test(text[end - 1]!)) end--;
  return end > start ? [start, end] : undefined;
}

/**
 * The word of a PERSON that won over `s` and touches the rest across one blank, a hyphen or a quote at
 * most: not across a line break, a comma or the wider gap between two fields ("Asante-Mensah   Membership").
 */
function nameWordBeside(rest: [number, number], s: Span, taken: readonly Span[], claimedBy: Int32Array, text: string): string | undefined {
  const isPersonAt = (i: number) => i >= s.start && i < s.end && claimedBy[i]! >= 0 && taken[claimedBy[i]!]!.label === 'PERSON';
  const before = rest[0] - joinLength(text.slice(Math.max(s.start, rest[0] - 2), rest[0]), true) - 1;
  if (isPersonAt(before)) return WORD_BEFORE.exec(text.slice(Math.max(0, before - 40), before + 1))?.[0];
  const after = rest[1] + joinLength(text.slice(rest[1], Math.min(s.end, rest[1] + 2)), false);
  if (isPersonAt(after)) return WORD_AFTER.exec(text.slice(after, after + 40))?.[0];
  return undefined;
}

const WORD_BEFORE = /[\p{L}\p{N}'’]+$/u;
const WORD_AFTER = /^[\p{L}\p{N}'’]+/u;

/** The characters of a join between two parts of a name at the end (or start) of `gap`: 0 or 1. */
function joinLength(gap: string, atEnd: boolean): number {
  const c = atEnd ? gap[gap.length - 1] : gap[0];
  return c !== undefined && JOINING.test(c) ? 1 : 0;
}

const JOINING = /[ \t'’"-]/;

/** Titles, field labels, roles and kin a name span runs into ("Dr", "DOB", "MRN", "grandfather Rubén Archuleta"). */
const NOT_NAMES = new Set([
  ...CREDENTIALS_AND_RECORD_LABELS,
  ...`m mr mrs ms mme mlle dr pr prof professor professeur docteur doctor sister nurse rev father pere mere madame monsieur
  dn attn ref tel fax gp cs cc
  son daughter wife husband partner mother brother grandmother grandfather grandson granddaughter uncle aunt niece nephew
  cousin friend neighbour neighbor carer fils fille epoux epouse mari femme frere soeur oncle tante neveu cousine ami amie
  voisin voisine grand-mere grand-pere`.split(/\s+/),
]);

/**
 * Whether the rest reads as (part of) a name: no title, field label, kin or role word, more than
 * initials, and no acronym beside a name written in small letters ("OPJ Karim Belkacem": a role; the
 * "LE" of "LE GUENNEC" is a part of it). The span it comes from was already taken for a name by a
 * recognizer or the model, next to a name.
 */
function readsAsName(rest: string, beside: string): boolean {
  if (/^\p{Lu}{2,4}$/u.test(rest) && /\p{Ll}/u.test(beside)) return false;
  const words = rest.split(/[ \t]+/).map((w) => fold(w).replace(/[^\p{L}\p{N}'-]/gu, ''));
  return words.every((w) => !NOT_NAMES.has(w)) && words.some((w) => w.length >= 2 && !/\d/.test(w));
}

/**
 * A kept span widened over what an outranked span of its own label found beyond it: "Women's
 * Hospital" kept by a rule inside the model's "Brigham and Women's Hospital", "9876" inside "9876 543
 * 210", "14 allée Marcel Cachin" inside "Résidence les Peupliers, bât. C, 14 allée Marcel Cachin".
 * The outranked span was dropped whole, and what only it covered went out in clear although two
 * recognizers agreed on what the thing is. Not for names (outrankedPersonRests: titles and roles run
 * into name spans), never over an address field label nor across a line break; only over characters no kept span holds, so the
 * widened span stays one piece. `claimedBy` and `taken` are updated in place.
 */
export function widenOverOutranked(dropped: readonly Span[], taken: Span[], claimedBy: Int32Array, doc: Doc): void {
  const text = doc.text;
  for (const d of dropped) {
    const w = keptOfLabelWithin(d, taken, claimedBy);
    if (w === undefined) continue;
    const kept = taken[w]!;
    let start = kept.start;
    let end = kept.end;
    while (start > d.start && claimedBy[start - 1] === -1) start--;
    while (end < d.end && claimedBy[end] === -1) end++;
    while (start < kept.start && !WORD_CHAR.test(text[start]!)) start++;
    // An outranked street part may open with its field label ("Demeurant Les Hautes Brandes").
    if (start < kept.start) start = Math.min(kept.start, start + addressLabelLengthAt(doc.folded, start));
    while (end > kept.end && !WORD_CHAR.test(text[end - 1]!)) end--;
    if ((start === kept.start && end === kept.end) || text.slice(start, kept.start).includes('\n') || text.slice(kept.end, end).includes('\n')) continue;
    claimedBy.fill(w, start, kept.start);
    claimedBy.fill(w, kept.end, end);
    taken[w] = { ...kept, start, end };
  }
}

/** The index of the first kept span of `d`'s label that holds one of `d`'s characters. */
function keptOfLabelWithin(d: Span, taken: readonly Span[], claimedBy: Int32Array): number | undefined {
  for (let i = d.start; i < d.end; i++) {
    const w = claimedBy[i]!;
    if (w >= 0 && taken[w]!.label === d.label) return w;
  }
  return undefined;
}
