import { isDictionaryWord } from '../bloom.js';
import { fold } from '../normalize.js';
import { TITLE_WORDS } from '../titles.js';
import { PRIORITY, type Doc, type Span } from '../types.js';
import { isListedTown } from './location.js';
import { firstNameHere, surnameAfter, unknownNameHere } from './persons-informal.js';

/**
 * Who took over, who did it: a nurse's or a technician's first name in the hand-over and task lines of
 * notes, often in lower case and without a title. "handed over by Ruth A. (RN) to Sunil (RN) 07:30",
 * "handover to becca", "transmis à erwann (techn jour)", "relève faite à coralie", "installée par
 * soizic", "hookup done by marisol".
 * - After a hand-over word and "to" / "à" a person is named: the word is a name when it is a known first
 *   name or no ordinary word ("handed over to night team" names nobody).
 * - After a task word and "by" / "par" anything may follow ("done by phone", "vue par le médecin"): only a
 *   known first name that is no ordinary word.
 * A surname may follow the first name (surnameAfter), or an initial ("lauren t.").
 * Runs on the folded view (lower case, no accents; the text's offsets).
 */
const NAME = String.raw`([\p{L}][\p{L}'’-]{1,20})(?:[ \t]+([\p{L}][\p{L}'’-]{1,25}|[\p{L}]\.))?`;
const HANDOVER_TO = new RegExp(
  String.raw`\b(?:handed[ \t]+over|handing[ \t]+over|handover|hand-over|passed[ \t]+over|report[ \t]+given|transmis(?:e|es)?|transmissions[ \t]+faites|releve(?:[ \t]+faite)?|relais(?:[ \t]+passe)?|passe[ \t]+le[ \t]+relais)(?:[ \t]+(?:by|par)[ \t]+[^\n]{1,40}?)?[ \t]+(?:to|a)[ \t]+${NAME}`,
  'dgu',
);
const DONE_BY = new RegExp(
  String.raw`\b(?:done|handed[ \t]+over|hookup[ \t]+done|set[ \t]+up|installed|installee?|taken|drawn|checked|logged|prepped|prepared|reviewed|realisee?|faite?|posee?|prelevee?|verifiee?)[ \t]+(?:by|par)[ \t]+${NAME}`,
  'dgu',
);
const HINT = /handed|handing|handover|hand-over|passed|report given|transmis|releve|relais|[ \t](?:by|par)[ \t]/;
// Beyond the words firstNameHere, unknownNameHere and surnameAfter already refuse (articles, titles, "team",
// "nurse", "nuit"): a shift, a unit, a possessive, and every title.
const NOT_A_NAME = new Set(['l', 'night', 'day', 'nights', 'days', 'ward', 'icu', 'their', 'son', 'sa', 'ses', ...TITLE_WORDS]);

export function handoverPersonSpans(doc: Doc): Span[] {
  const f = doc.folded;
  if (!HINT.test(f)) return [];
  const t = doc.text;
  const out: Span[] = [];
  const take = (m: RegExpMatchArray, strict: boolean, source: string) => {
    const [s, e] = m.indices![1]!;
    const first = t.slice(s, e);
    const key = fold(first);
    // "transmis à l'ARS", "handed to cashier's": an elided article or a possessive is no name.
    if (NOT_A_NAME.has(key) || /^[ld]'|'s$/.test(key)) return;
    const known = firstNameHere(first) && !isDictionaryWord(key);
    if (!known) {
      if (strict || !unknownNameHere(first)) return;
      // An unknown word in capitals, a town, or one before another capitalised word is a service or a
      // place as often ("handover to ASL Lanciano", "Handover to Cirencester", "to Szpital Bielański").
      const next = m.indices![2] ? t.slice(m.indices![2][0], m.indices![2][1]) : '';
      if (first === first.toUpperCase() || isListedTown(first, 5000) || /^\p{Lu}/u.test(next)) return;
    }
    let end = e;
    const second = m.indices![2];
    if (second) {
      const word = t.slice(second[0], second[1]);
      if (/^\p{L}\.$/u.test(word) || (!NOT_A_NAME.has(fold(word)) && surnameAfter(word))) end = second[1];
    }
    out.push({ start: s, end, label: 'PERSON', score: 0.8, priority: PRIORITY.context - 5, source });
  };
  for (const m of f.matchAll(HANDOVER_TO)) take(m, false, 'person-handover');
  for (const m of f.matchAll(DONE_BY)) take(m, true, 'person-done-by');
  return out;
}
