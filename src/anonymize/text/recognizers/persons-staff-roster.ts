import { isDictionaryWord } from '../bloom.js';
import { STAFF_ROLE_ALTERNATION } from '../care-roles.js';
import { isDrugName } from '../drugs.js';
import { fold } from '../normalize.js';
import { PRIORITY, type Doc, type Span } from '../types.js';
import { firstNameHere, NOT_A_NAME_AFTER_ROLE, surnameAfter, unknownNameHere } from './persons-informal.js';

/**
 * The team of a handover sheet or a nurse log, named by role and first name, in lower case:
 * "staff: hca kirsty, rmn owain, ot becca", "rn tamsin / en bradley", "equipe : sf ludivine + sf
 * maëlle k., aux sandrine", "scientist: bree / trainee: harrison", "fy1 iona → night fy1 tom", "nurse in
 * charge shona mcarthur". A role alone says little: "en", "as" and "aux" are French and English words,
 * and a name after a role may be one no list knows ("en bri", "as : mourad"). So a known first name
 * after a role is taken where it is no ordinary word, or where a colon or a roster vouches for it; a
 * name no list knows only after a role that names nobody but staff ("rmn carys"), or inside a roster: a
 * line holding two role-and-name pairs, one of them with a role that is no ordinary word. The patterns
 * run on the folded view (lower case, no accents; same offsets as the text).
 */
// Roles that are also words ("en route", "as per", "aux urgences", "special care", "crew member"):
// never alone, only in a roster or before a colon.
const WORD_ROLES = 'en|as|aux|special|crew|assistant|aide|pilote|tech';
const ROLES = String.raw`${STAFF_ROLE_ALTERNATION}|sw|fy[12]|nic|nurse[ \t]+in[ \t]+charge|charge[ \t]+nurse|sage-femme|scientist|trainee|technicien(?:ne)?|${WORD_ROLES}`;
const NAME = String.raw`(?:\p{Ll}\.[ \t]?)?\p{Ll}[\p{Ll}'’-]{1,24}`;
// The role (its shift may follow: "ide nuit", "rn night"), a colon or spaces, the name, then a surname or
// the initial of one ("fabienne l.").
const STAFF_PAIR = new RegExp(
  String.raw`\b(${ROLES})(?:[ \t]+(?:de[ \t]+)?(?:jour|nuit|day|night|days|nights))?([ \t]*:[ \t]*|[ \t]+)(${NAME})(?:[ \t]+(\p{Ll}\.(?![\p{L}])|\p{Ll}[\p{Ll}'’-]{1,24}(?![\p{L}.])))?(?![\p{L}])`,
  'dgu',
);
const WORD_ROLE = new RegExp(`^(?:${WORD_ROLES})$`);
// Roles that name a person and nothing else, and that no lowercase note follows with a unit or a specialty
// ("ide hdj", "rn stn" do): a name no list knows after them is one ("rmn carys", "nurse in charge shona").
const STAFF_ONLY = /^(?:rmn|rgn|hca|hcsw|nic|nurse in charge|charge nurse|fy[12])$/;
// "crew jace + harriet", "ide : mélanie / aurore": the team goes on after a slash or a plus sign.
const NEXT_IN_ROSTER = /^[ \t]*[/+][ \t]*(\p{Ll}[\p{Ll}'’-]{2,24})(?![\p{L}]|[ \t]*:)/du;

interface Pair {
  readonly role: string;
  readonly colon: boolean;
  readonly name: readonly [number, number];
  readonly next: readonly [number, number] | undefined;
  readonly lineStart: number;
}

/** The name's last word: after an initial ("c. laskey") the surname stands for the name. */
function nameWord(text: string): string {
  return text.replace(/^\p{L}\.[ \t]?/u, '');
}

function plausibleName(word: string): boolean {
  return !isDrugName(word) && (firstNameHere(word) || unknownNameHere(word));
}

export function staffRosterPersonSpans(doc: Doc): Span[] {
  const t = doc.text;
  const f = doc.folded;
  const pairs: Pair[] = [];
  for (const m of f.matchAll(STAFF_PAIR)) {
    const name = m.indices![3]!;
    if (!plausibleName(nameWord(t.slice(name[0], name[1])))) continue;
    pairs.push({ role: m[1]!.replace(/[ \t]+/g, ' '), colon: m[2]!.includes(':'), name, next: m.indices![4], lineStart: f.lastIndexOf('\n', m.index) + 1 });
  }
  if (pairs.length === 0) return [];
  // A roster: two pairs on one line, one of them with a role that is no ordinary word.
  const byLine = new Map<number, Pair[]>();
  for (const p of pairs) {
    const onLine = byLine.get(p.lineStart);
    if (onLine) onLine.push(p);
    else byLine.set(p.lineStart, [p]);
  }
  const rosterLines = new Set<number>();
  for (const [line, onLine] of byLine) if (onLine.length >= 2 && onLine.some((p) => !WORD_ROLE.test(p.role))) rosterLines.add(line);
  const out: Span[] = [];
  const push = (start: number, end: number) => out.push({ start, end, label: 'PERSON', score: 0.8, priority: PRIORITY.context - 5, source: 'person-staff-roster' });
  for (const p of pairs) {
    const roster = rosterLines.has(p.lineStart);
    const written = t.slice(p.name[0], p.name[1]);
    const word = nameWord(written);
    // An acronym after a role is a unit or a grade ("IDE HDJ", "RN BScN"); an elided word is French ("ide d'annonce").
    if (/^\p{Lu}{2,}$/u.test(word) || /['’]/.test(word) || NOT_A_NAME_AFTER_ROLE.has(fold(word))) continue;
    const known = firstNameHere(word);
    if (WORD_ROLE.test(p.role) && !roster && !p.colon) continue;
    const taken = known ? roster || p.colon || !isDictionaryWord(fold(word)) : (roster || STAFF_ONLY.test(p.role)) && word === written;
    if (!taken) continue;
    let end = p.name[1];
    if (p.next !== undefined) {
      const next = t.slice(p.next[0], p.next[1]);
      if (/^\p{L}\.$/u.test(next) || surnameAfter(next)) end = p.next[1];
    }
    push(p.name[0], end);
    const more = NEXT_IN_ROSTER.exec(t.slice(end, end + 30));
    if (more && firstNameHere(more[1]!)) push(end + more.indices![1]![0], end + more.indices![1]![1]);
  }
  return out;
}
