import { isDictionaryWord } from '../bloom.js';
import { isFirstName, isLastName } from '../gazetteers.js';
import { fold } from '../normalize.js';
import { PRIORITY, type Doc, type Span } from '../types.js';

/**
 * Initials a document defines for a person, then uses alone: "Key: FG = Fiona Gunn, midwife; AM = Alasdair Munro"
 * under a chart whose rows are signed "FG" and "AM"; "(JT – Jess Tolley, HCA)"; "Dr Sara Pennant-Parry (SP)". Each use
 * of the initials in that document names the person: a chart's column, "given by FG / checked AM". The initials must
 * be the person's (the first name's letter first, the surname's last) and the name one a list knows, so that an acronym
 * defined in the text ("CT = Computed Tomography") names no one.
 */
const NAME = String.raw`(?:(?:Dr|Mr|Mrs|Ms|Mme|M)\.?[ \t]+)?(\p{Lu}\p{Ll}+(?:-\p{Lu}\p{Ll}+)?)[ \t]+(?:\p{Lu}\.?[ \t]+)?(\p{Lu}[\p{L}'’]+(?:-\p{Lu}[\p{L}'’]+)?)`;
const INITIALS_THEN_NAME = new RegExp(String.raw`(?<![\p{L}\p{N}])(\p{Lu}{2,3})[ \t]*(?:=|–|—|:)[ \t]*${NAME}`, 'gu');
const NAME_THEN_INITIALS = new RegExp(String.raw`${NAME}(?:,?[ \t]+\p{Lu}{2,5})?[ \t]*\((\p{Lu}{2,3})\)`, 'gu');

/** Whether `initials` are a person's: the first name's letter first and the surname's last ("FG" for Fiona Gunn). */
function initialsOf(initials: string, first: string, last: string): boolean {
  if (initials[0] !== first[0] || initials[initials.length - 1] !== last[0]) return false;
  // A name a list knows, not two words of the language ("CT = Computed Tomography").
  return (isFirstName(first) || isLastName(last)) && !(isDictionaryWord(fold(first)) && isDictionaryWord(fold(last)));
}

export function definedInitialsSpans(doc: Doc): Span[] {
  const t = doc.text;
  if (!/\p{Lu}{2,3}[ \t]*(?:=|–|—|:)[ \t]*\p{Lu}|\(\p{Lu}{2,3}\)/u.test(t)) return [];
  const defined = new Set<string>();
  for (const m of t.matchAll(INITIALS_THEN_NAME)) if (initialsOf(m[1]!, m[2]!, m[3]!)) defined.add(m[1]!);
  for (const m of t.matchAll(NAME_THEN_INITIALS)) if (initialsOf(m[3]!, m[1]!, m[2]!)) defined.add(m[3]!);
  const out: Span[] = [];
  for (const initials of defined) {
    for (const m of t.matchAll(new RegExp(String.raw`(?<![\p{L}\p{N}])${initials}(?![\p{L}\p{N}])`, 'gu'))) {
      // "10 AM": a time, whatever initials the chart defines.
      if (/^(?:AM|PM)$/.test(initials) && /\d[ \t]*$/.test(t.slice(Math.max(0, m.index - 3), m.index))) continue;
      out.push({ start: m.index, end: m.index + initials.length, label: 'PERSON', score: 0.8, priority: PRIORITY.context, source: 'person-initials-defined' });
    }
  }
  return out;
}
