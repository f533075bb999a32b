import { isDictionaryWord } from '../bloom.js';
import { STAFF_ROLE_ALTERNATION } from '../care-roles.js';
import { isFirstName, isLastName } from '../gazetteers.js';
import { fold } from '../normalize.js';
import { PRIORITY, type Doc, type Span } from '../types.js';

/**
 * Who signed a nurse's note, the name before the role, as shift notes end: "m-l. chassagne ide / hugo
 * as", "agnès t. ide / bryan as", "k. lemaitre IDE", "(n. moran cns)", "fiona g. snr / kasia hca",
 * "kirra j. rn (ic)". The name stands alone between a line start, a slash or a bracket and its role,
 * and the role ends the signature (line end, a slash, a bracket). The name is an initial and a
 * surname that is no ordinary word or a known one, a known first name and an initial, or a known first
 * name that is no ordinary word alone.
 */
const ROLES = `${STAFF_ROLE_ALTERNATION}|cadre|interne|externe`;
const NAME = String.raw`(\p{L}(?:-\p{L})?\.[ \t]?[\p{L}][\p{L}'’-]{1,25}|[\p{L}][\p{L}'’-]{1,20}(?:[ \t]+\p{L}\.)?)`;
const SIGNED = new RegExp(
  String.raw`(?:^|\n|/|\()[ \t]*${NAME}[ \t]+(?:${ROLES})(?:[ \t]+(?:nuit|jour|night|day|ic))?(?:[ \t]*\([\p{L} ]{1,12}\))?[ \t]*(?=$|\n|/|\))`,
  'dgu',
);
const HINT = new RegExp(String.raw`[ \t](?:${ROLES})[ \t]*(?:$|\n|/|\)|\()`, 'u');

export function signedWithRolePersonSpans(doc: Doc): Span[] {
  const f = doc.folded;
  if (!HINT.test(f)) return [];
  const t = doc.text;
  const out: Span[] = [];
  for (const m of f.matchAll(SIGNED)) {
    const [s, e] = m.indices![1]!;
    const name = t.slice(s, e);
    const initialFirst = /^\p{L}(?:-\p{L})?\.[ \t]?/u.exec(name);
    let ok: boolean;
    if (initialFirst) {
      const surname = name.slice(initialFirst[0].length);
      ok = isLastName(surname) || !isDictionaryWord(fold(surname));
    } else {
      const first = name.split(/[ \t]+/)[0]!;
      const withInitial = first.length < name.length;
      ok = isFirstName(first) && (withInitial || !isDictionaryWord(fold(first)));
    }
    if (ok) out.push({ start: s, end: e, label: 'PERSON', score: 0.8, priority: PRIORITY.context - 5, source: 'person-signed-with-role' });
  }
  return out;
}
