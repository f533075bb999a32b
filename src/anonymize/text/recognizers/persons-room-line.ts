import { isDictionaryWord } from '../bloom.js';
import { STAFF_ROLE_ABBREVIATIONS } from '../care-roles.js';
import { isDrugName } from '../drugs.js';
import { isFirstName, isFirstNameOfAnyList, isLastName } from '../gazetteers.js';
import { fold } from '../normalize.js';
import { PRIORITY, type Doc, type Span } from '../types.js';

/**
 * The patient a ward round or a day-unit log opens a line with, by room, bed, time or the log's date,
 * often in lower case and surname first, a comma between or not: "ch 4 — ferrandiere gilles — j26 induction",
 * "bed 2 - crawshaw, doug 63m -", "08h30 dupouy nathalie — PR", "bay 2: tomasz wiśniewski, 71", "Bed 14: Nakato Sarah (",
 * "b1 tayla fenwick 19 - ectopic", "mon 16/11 11:05 - gráinne o'toole (crohn's …)". Two words after the marker,
 * before a dash, a comma, a colon, a bracket or an age, name the patient when
 * - one is a known first name that is no ordinary word: the other may be any word but a few openers
 *   (a surname that is also a dictionary word: "bouvet alain", "sarrazin théo");
 * - or one is a known first name and the other a known surname or no ordinary word;
 * - or neither is known, but the age follows them and neither is a dictionary word or a drug.
 * Each word is its own span (a "nom prénom" line's convention). A title there ("ch 3 mr benhamida") is
 * the title rules' case.
 */
// A room, a bed, a time, or a log's date with or without its weekday and time ("mon 16/11 11:05 -",
// "mon 2 nov 26 –", "24/11").
export const LOG_DATE = String.raw`(?:[a-z]{3,5}\.?[ \t]+)?(?:\d{1,2}\/\d{1,2}(?:\/\d{2,4})?|\d{1,2}[ \t]+[a-z]{3,4}\.?(?:[ \t]+\d{2,4})?)(?:[ \t]+\d{1,2}[h:.]\d{2}(?:[ \t]?[ap]m)?)?`;
const ROOM = String.raw`(?:ch(?:ambre)?|lit|box|bed|room|side[ \t]+room|bay|cub(?:icle)?|chair|fauteuil|sr|rm|br|b)\.?[ \t]*\d{1,3}[a-z]?`;
// "bay 1 bed 2 –": a bay then a bed.
// A time may be written as four digits, the way a triage or a flight log does ("0805 gallegos eloy 93m").
const MARKER = String.raw`(?:${ROOM}(?:[ \t]+${ROOM})?|\d{1,2}[h:.]\d{2}(?:[ \t]?[ap]m)?|(?:[01]\d|2[0-3])[0-5]\d|${LOG_DATE})`;
// After the two words: a dash, a comma, a colon, a bracket, or the patient's age ("bed 2 morag imrie 67 chi …", "23:05 –
// thiessen, abram 8m – phin", "1010 begay shirlene 29f 31wk preg").
const LINE = new RegExp(
  String.raw`(?<=^|\n)[ \t]*${MARKER}[ \t]*(?:[-–—:]|\([^()\n]{0,12}\))?[ \t]*([\p{L}][\p{L}'’-]{1,25}|[\p{L}]\.)(?:[ \t]*,)?[ \t]*([\p{L}][\p{L}'’-]{1,25})(?=[ \t]*[-–—,:(]|[ \t]+\d{1,3}(?:[ \t]*(?:ans|y|yo|a|m|f)\b)?(?:[ \t]+[-–—\p{L}]|[ \t]*[,;(])|[ \t]+\d{1,3}[ \t]*(?:m|f)[ \t]+\d)`,
  'dgu',
);
// One first name alone after a log's date or time, closed by a colon, a full stop or a dash: who the entry is about
// or who wrote it ("lun 16/11 : gilles. elle pique seule", "sam 28/11 : aurelie. ok", "Mon 23 Nov – Kayleigh –"). Only
// a known first name that is no ordinary word: "missed", "phoned", "releve" never are, nor first names the lists lack.
const ONE_NAME = new RegExp(
  String.raw`(?<=^|\n)[ \t]*${MARKER}(?:[ \t]+(?:am|pm))?[ \t]*[-–—:][ \t]*([\p{L}][\p{L}'’-]{1,25})(?=[ \t]*(?:[:.;]|[-–—][ \t]))`,
  'dgu',
);
// A log's date may open on its weekday ("mon 16/11 -", "ven 20/11 –").
const HINT = /(?:^|\n)[ \t]*(?:ch|chambre|lit|box|bed|room|side|bay|cub|chair|fauteuil|sr|rm|br|b\d|\d|[a-z]{3,5}\.?[ \t]+\d)/;
// The patient's age right after the two words, or after a comma ("bed 2 morag imrie 67 chi …", "bed 2 – alfie
// penrose, 12, torsion").
const AGE_AFTER = /^(?:[ \t]+|[ \t]*,[ \t]*)\d{1,3}(?![\p{N}])/u;
// The age glued to the sex ("8m", "29f") as triage and ward logs write it after the patient: a stronger sign than the age
// alone, which lets one of the two words be a dictionary word ("thiessen, abram 8m").
const AGE_SEX_AFTER = /^(?:[ \t]+|[ \t]*,[ \t]*)\d{1,3}[ \t]?[mf](?![\p{L}\p{N}])/u;


// Words a line may open with that name nobody; a surname beside a known first name may be a dictionary
// word ("bouvet alain", "sarrazin théo"), these never are.
const NOT_A_NAME = new Set([
  'pt', 'patient', 'patiente', 'mr', 'mrs', 'ms', 'mme', 'm', 'dr', 'bebe', 'baby', 'jumeaux', 'jumelles', 'twins', 'enfant', 'child', 'le', 'la', 'les',
  'the', 'et', 'and', 'nuit', 'jour', 'night', 'day', 'vu', 'seen', 'rdv', 'appel', 'call', 'am', 'pm',
  'from', 'to', 'with', 'by', 'for', 'per', 'via', 'de', 'par', 'avec', 'pour', 'chez',
  // A carer's role before the name ("04/03 08h55 – IDE Sandrine"): the role is no part of it.
  ...STAFF_ROLE_ABBREVIATIONS, 'cadre', 'interne', 'externe', 'kine', 'matelot', 'nurse', 'sister', 'sr', 'physio', 'medic', 'doc', 'docteur', 'pharmacien', 'pharmacist',
]);

function nameWord(word: string): boolean {
  const key = fold(word);
  return key.length >= 2 && !NOT_A_NAME.has(key) && (isLastName(word) || isFirstName(word) || !isDictionaryWord(key));
}

export function roomLinePersonSpans(doc: Doc): Span[] {
  const f = doc.folded;
  if (!HINT.test(f)) return [];
  const t = doc.text;
  const out: Span[] = [];
  for (const m of f.matchAll(LINE)) {
    const [a, b] = [m.indices![1]!, m.indices![2]!];
    const first = t.slice(a[0], a[1]);
    const second = t.slice(b[0], b[1]);
    // An initial and a surname ("bed 9 – j. kenny 81"): the surname a known one or no ordinary word.
    if (/^\p{L}\.$/u.test(first)) {
      if (nameWord(second) && (isLastName(second) || !isDictionaryWord(fold(second))) && !isDrugName(second)) {
        // French "m." is the title Monsieur, not an initial: the surname alone.
        const title = doc.lang === 'fr' && fold(first) === 'm.';
        out.push({ start: title ? b[0] : a[0], end: b[1], label: 'PERSON', score: 0.8, priority: PRIORITY.context - 5, source: 'person-room-line' });
      }
      continue;
    }
    if (!/[ \t]/.test(f.slice(a[1], b[0]))) continue; // two words need a blank between them
    // Two words no list knows name a patient only when the age follows them, and neither is an ordinary
    // word, a drug or an abbreviation ("14:11 Rx nitrofurantoin 100 mg").
    const ageSex = AGE_SEX_AFTER.test(f.slice(b[1], b[1] + 8)) && [first, second].every((w) => w.length >= 3 && !isDrugName(w) && !NOT_A_NAME.has(fold(w))) && !(isDictionaryWord(fold(first)) && isDictionaryWord(fold(second)));
    if (ageSex) {
      for (const [s, e] of [a, b]) out.push({ start: s, end: e, label: 'PERSON', score: 0.8, priority: PRIORITY.context - 5, source: 'person-room-line' });
      continue;
    }
    if (!isFirstNameOfAnyList(first) && !isFirstNameOfAnyList(second) && !(AGE_AFTER.test(f.slice(b[1], b[1] + 6)) && [first, second].every((w) => w.length >= 3 && !isDictionaryWord(fold(w)) && !isDrugName(w)))) continue;
    // One known first name that is no ordinary word vouches for the other word, dictionary word or not.
    const vouched = (w: string) => isFirstNameOfAnyList(w) && !isDictionaryWord(fold(w));
    const other = vouched(first) ? second : vouched(second) ? first : undefined;
    if (other === undefined ? !nameWord(first) || !nameWord(second) : NOT_A_NAME.has(fold(other)) || fold(other).length < 2) continue;
    // Both ordinary words ("pt reveillee", "alarme thermistance") name nobody, even when one is also a first name.
    if (isDictionaryWord(fold(first)) && isDictionaryWord(fold(second))) continue;
    for (const [s, e] of [a, b]) out.push({ start: s, end: e, label: 'PERSON', score: 0.8, priority: PRIORITY.context - 5, source: 'person-room-line' });
  }
  for (const m of f.matchAll(ONE_NAME)) {
    const [s, e] = m.indices![1]!;
    const word = t.slice(s, e);
    if (isFirstNameOfAnyList(word) && !isDictionaryWord(fold(word)) && !NOT_A_NAME.has(fold(word)) && !isDrugName(word)) {
      out.push({ start: s, end: e, label: 'PERSON', score: 0.75, priority: PRIORITY.context - 5, source: 'person-room-line' });
    }
  }
  return out;
}
