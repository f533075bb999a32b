import { isDictionaryWord } from '../bloom.js';
import { STAFF_ROLE_ALTERNATION } from '../care-roles.js';
import { isDrugName } from '../drugs.js';
import { isFirstNameOfAnyList } from '../gazetteers.js';
import { PRIORITY, type Doc, type Span } from '../types.js';
import { firstNameHere, NOT_A_NAME_AFTER_ROLE, unknownNameHere } from './persons-informal.js';
import { LOG_DATE } from './persons-room-line.js';

/**
 * Who wrote the next entries of a nursing log, on the line of its own that opens them with the date, the time or the
 * shift: "sat 21/11 0640 - bec (rn)", "tue 17/11 - mere k hca", "mer 25/11 nuit - salome", "sam 28/11 nuit (lucette,
 * ide)", "dim 29/11 matin (fabienne r., as)". The first name, with the initial of the surname when one follows, is
 * the span, or with the whole surname when a role closes the line ("thu 26/11/26 0750 - dale tyrrell en"); the role
 * never is. Nothing else may stand on that line: a note that goes on is about a patient and is read by the room-line
 * rules.
 * - With a role or an initial, the word is a name unless it is a word that names nobody in a log ("stable hca").
 * - A role may stand before the name too ("fri 20/11 0730 - rn bronte"); the name must then be no ordinary word or
 *   be a known first name, since "- rn review" is a kind of entry.
 * - Alone, it must be a known first name ("- salome", "- sophie t" has its initial), so that a place a log visits
 *   that day ("tue 17/11 – wangkatjungka") stays a place.
 */
// The room-line rules' log date (its weekday, its day, a time), or the time in four digits ("sat 21/11 0640").
const TIME_FOUR_DIGITS = String.raw`(?:[ \t]+(?:[01]\d|2[0-3])[0-5]\d)?`;
const SHIFT = String.raw`(?:[ \t]+(?:nuit|matin|soir|jour|am|pm|night|day|late|early|morning|evening))?`;
const ROLE = String.raw`(?:${STAFF_ROLE_ALTERNATION})`;
// A first name, then the surname's initial, or the whole surname when the role closes the line ("- dale tyrrell en").
const NAME = String.raw`(\p{L}[\p{L}'’-]{1,25})(?:[ \t]+(\p{L}\.?|\p{L}[\p{L}'’-]{2,25}(?=[ \t]*,?[ \t]*\(?${ROLE}\)?[ \t]*(?:\r?\n|$))))?`;
const WRITER = new RegExp(
  String.raw`(?<=^|\n)[ \t]*${LOG_DATE}${TIME_FOUR_DIGITS}${SHIFT}[ \t]*` +
    String.raw`(?:[-–—][ \t]*(?:(${ROLE})[ \t]+)?${NAME}(?:[ \t]*,?[ \t]*(\()?(${ROLE})\)?)?|\([ \t]*${NAME}(?:[ \t]*,[ \t]*(${ROLE}))?[ \t]*\))[ \t]*(?=\r?\n|$)`,
  'dgu',
);
// Words a log's header may hold in place of a writer.
const NOT_A_WRITER = new Set(['suite', 'idem', 'ras', 'nuit', 'jour', 'matin', 'soir', 'night', 'day', 'stable', 'sortie', 'entree', 'admission', 'discharge', 'transfer', 'transfert', 'deces', 'note', 'notes', 'update', 'ward', 'unit', 'team', 'equipe', 'garde', 'astreinte', 'weekend']);
// One run of blanks at most before each part: two runs side by side backtrack in quadratic time on a run of blanks.
const HINT = /\n[ \t]*(?:[a-z]{3,5}\.?[ \t]+)?\d{1,2}[\/ ]/;

export function logWriterPersonSpans(doc: Doc): Span[] {
  const f = doc.folded;
  if (!HINT.test(`\n${f}`)) return [];
  const out: Span[] = [];
  for (const m of f.matchAll(WRITER)) {
    // Groups: the dash form's role before the name, name, initial, bracket and role after; then the bracketed form's
    // name, initial and role.
    const dash = m[2] !== undefined;
    const name = dash ? m.indices![2]! : m.indices![6]!;
    const initial = dash ? m.indices![3] : m.indices![7];
    const role = dash ? (m[1] ?? m[5]) : m[8];
    const word = f.slice(name[0], name[1]);
    if (NOT_A_WRITER.has(word) || isDrugName(word) || word.length < 3) continue;
    if (m[1] !== undefined && (NOT_A_NAME_AFTER_ROLE.has(word) || !(unknownNameHere(word) || firstNameHere(word)))) continue;
    // A role or an initial vouches for the word ("- bec (rn)", "- tash o."); alone it must be a known first name that is
    // no ordinary word.
    if (!role && !initial && !(isFirstNameOfAnyList(word) && !isDictionaryWord(word))) continue;
    out.push({ start: name[0], end: initial ? initial[1] : name[1], label: 'PERSON', score: 0.8, priority: PRIORITY.context - 5, source: 'person-log-writer' });
  }
  return out;
}

/**
 * Who wrote an entry of a log, named by role and name and closed by a colon on the line the entry's date opens:
 * "13/11 1400 orthotist jefferies: spica check", "lun 16/11 12h30 as valat : repas mixé", "ven 27/11 22h10 sf
 * lartigau : admission", "10/11/2026 new birth visit (day 22) - hv llewellyn: breastfeeding well", "01/12/2026 email
 * from liver cns efua oduro: discharge". Lowercase logs name their staff by surname, which no list holds, so the place
 * vouches for the name: a role at the head of a dated entry and the colon the entry goes on after. The name must be
 * written in lowercase and be no ordinary word ("rn review:", "as follows:"), and a second word joins it only when it
 * is no ordinary word either.
 */
// The care roles a log writes before a name: the staff abbreviations and the roles spelled out, a health visitor, a
// social worker, a French physiotherapist ("kiné").
const ENTRY_ROLES = String.raw`${STAFF_ROLE_ALTERNATION}|hv|sw|kine|physio|orthotist|orthoptist|nursery[ \t]+nurse|nurse|midwife|dietitian|pharmacist|puer|sage-femme|interne|externe`;
const ENTRY_ROLE = `(?:${ENTRY_ROLES})`;
const ENTRY_NAME = String.raw`(\p{L}[\p{L}'’-]{2,25})`;
// At most forty characters of the entry's kind between its date and the role ("new birth visit (day 22) -", "phone f/u").
const ENTRY_WRITER = new RegExp(
  String.raw`(?<=^|\n)[ \t]*${LOG_DATE}[^\n:]{0,40}?(?<![\p{L}\p{N}])${ENTRY_ROLE}[ \t]+${ENTRY_NAME}(?:[ \t]+${ENTRY_NAME})?[ \t]*:`,
  'dgu',
);

// The writer alone after the entry's date, time and role, closing the line its notes follow on ("sat 21/11 0700 cnm orla",
// "wed 25/11 1000 physio jarrah"): a nurse manager too. A known first name is enough there, the role vouching for it.
const HEADING_WRITER = new RegExp(
  String.raw`(?<=^|\n)[ \t]*${LOG_DATE}${TIME_FOUR_DIGITS}${SHIFT}[ \t]+(?:${ENTRY_ROLES}|cnm\d?|anp)[ \t]+${ENTRY_NAME}[ \t]*(?=\r?\n|$)`,
  'dgu',
);

export function logEntryWriterSpans(doc: Doc): Span[] {
  const f = doc.folded;
  if (!HINT.test(`\n${f}`)) return [];
  const out: Span[] = [];
  // Written in lowercase, as such logs write their staff: capitals there are a unit's acronym ("IDE HDJ :").
  const named = (w: string, at: number) => /^\p{Ll}/u.test(doc.text[at]!) && unknownNameHere(w) && !NOT_A_WRITER.has(w) && !NOT_A_NAME_AFTER_ROLE.has(w) && !isDrugName(w);
  for (const m of f.matchAll(ENTRY_WRITER)) {
    if (!named(m[1]!, m.indices![1]![0]) || (m[2] !== undefined && !named(m[2], m.indices![2]![0]))) continue;
    out.push({ start: m.indices![1]![0], end: (m.indices![2] ?? m.indices![1]!)[1], label: 'PERSON', score: 0.8, priority: PRIORITY.context - 5, source: 'person-log-entry-writer' });
  }
  for (const m of f.matchAll(HEADING_WRITER)) {
    const [start, end] = m.indices![1]!;
    if (!(named(m[1]!, start) || (/^\p{Ll}/u.test(doc.text[start]!) && firstNameHere(m[1]!) && !NOT_A_WRITER.has(m[1]!)))) continue;
    out.push({ start, end, label: 'PERSON', score: 0.8, priority: PRIORITY.context - 5, source: 'person-log-heading-writer' });
  }
  return out;
}
