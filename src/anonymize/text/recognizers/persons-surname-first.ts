import { isDictionaryWord } from '../bloom.js';
import { matchesNotAfter, notAfter } from './not-after.js';
import { isFirstName, isLastName } from '../gazetteers.js';
import { PRIORITY, type Doc, type Span } from '../types.js';

/**
 * The surname first, then the first name, after a title or a patient label, as French records and
 * dictated or lower-case notes write it ("mme yildiz elif", "m. lacombe serge", "Élève : NDIAYE Awa"):
 * the first name was left when the surname alone was found. The pair is one span; the first name is
 * also given alone, so that it stays when a stronger span holds the surname (the merge keeps the pair
 * when it can and joins the first name to that span otherwise).
 */
const TITLE_SURNAME_FIRST =
  notAfter(/(?<![\p{L}])(?:(?:patiente?|eleve|enfant)[ \t]*:?[ \t]*(?:(?:mme|mlle|madame|monsieur|m\.|mr\.?)[ \t]+)?|(?:mme|mlle|madame|monsieur|m\.|mr\.?|mrs\.?|ms\.?)[ \t]+)([\p{L}][\p{L}'’-]{1,30})[ \t]+([\p{L}][\p{L}'’-]{1,20})(?![\p{L}\p{N}'’.-])/dgu);

export function surnameFirstSpans(doc: Doc): Span[] {
  const out: Span[] = [];
  const t = doc.text;
  for (const m of matchesNotAfter(TITLE_SURNAME_FIRST, doc.folded)) {
    const [ss, se] = m.indices![1]!;
    const [fs, fe] = m.indices![2]!;
    const surname = t.slice(ss, se);
    const first = t.slice(fs, fe);
    // The second word must be a first name no dictionary reads otherwise ("mme durand rose" keeps
    // "rose" out), the first a surname or a word no dictionary knows.
    if (!isFirstName(first) || isDictionaryWord(m[2]!)) continue;
    if (isDictionaryWord(m[1]!) && !isLastName(surname)) continue;
    if (isFirstName(surname) && !isLastName(surname)) continue;
    out.push({ start: ss, end: fe, label: 'PERSON', score: 0.8, priority: PRIORITY.context - 5, source: 'person-surname-first' });
    out.push({ start: fs, end: fe, label: 'PERSON', score: 0.75, priority: PRIORITY.context - 5, source: 'person-surname-first' });
  }
  return out;
}
