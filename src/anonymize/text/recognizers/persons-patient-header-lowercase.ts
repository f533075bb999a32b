import { isDictionaryWord } from '../bloom.js';
import { isFirstName, isLastName } from '../gazetteers.js';
import { fold } from '../normalize.js';
import { PRIORITY, type Doc, type Span } from '../types.js';

/**
 * The patient a lowercase note opens on, after its field: "pt: finlayson, morag   chi 1108750427", "pat : bouzid lakhdar
 * – lit 7", "client: doolan, kayden   dob 25/01/2012", "client macphee, angus phn 8047 2215" (the colon left out). Nursing extracts and outreach notes write the header in lower case,
 * surname first, so neither the capitalised-name rules nor the model read the given name after the comma (or the
 * surname before a bare given name). Each word is its own span, as a "nom prénom" line's convention has it.
 * The field's key alone vouches for nothing in a lowercase note ("pt: alert, oriented"): the header must go on with
 * what only a header holds (an identifier's or a birth date's key, a bed, a dash, two blanks, an age, digits), and a
 * word that is an ordinary word must be a known name too (a surname may be one before a comma and a known given name).
 */
const KEY = String.raw`(?:pt|pat|patient|patiente|client|cliente|resident|residente|usager|usagere)`;
const WORD = String.raw`[a-z][a-z'’]{1,30}(?:-[a-z][a-z'’]{1,30})?`;
const HEADER_GOES_ON = String.raw`(?=[ \t]*(?:[–—,(]|-[ \t]|\d)|[ \t]{2}|[ \t]*$|[ \t]+(?:nhi|mrn|ipp|nda|chi|nhs|ppsn|dob|ddn|d\.o\.b|medicare|lit|bed|ch|chambre|room|age|ne|nee|urn|hosp)(?![\p{L}]))`;
// "surname, given" or "surname given"; the surname may take a particle before it ("de la cruz, maria").
const HEADER = new RegExp(
  String.raw`(?:^|\n)[ \t]*${KEY}(?:[ \t]*:[ \t]*|[ \t]+)((?:(?:de|du|da|di|van|von|le|la|mac|mc|o')[ \t])?${WORD})(?:,[ \t]*|[ \t]+)(${WORD})${HEADER_GOES_ON}`,
  'dgmu',
);
// Cheap test first: a lowercase field key and a colon.
const HINT = new RegExp(String.raw`(?:^|\n)[ \t]*${KEY}[ \t]*:?[ \t]*[a-z]`, 'u');

function mayBeName(word: string): boolean {
  const key = fold(word);
  const parts = key.split('-');
  return parts.every((p) => !isDictionaryWord(p.replace(/['’]/g, '')) || isFirstName(p) || isLastName(p));
}

export function lowercasePatientHeaderSpans(doc: Doc): Span[] {
  const text = doc.text;
  if (!HINT.test(text)) return [];
  const out: Span[] = [];
  for (const m of text.matchAll(HEADER)) {
    const surname = m[1]!.split(/[ \t]/).at(-1)!;
    const given = m[2]!;
    // A surname that is also an ordinary word ("doolan", "bird") only before a comma and a known given name.
    const comma = text.slice(m.indices![1]![1], m.indices![2]![0]).includes(',');
    if (given.length < 3 || !mayBeName(given) || !(mayBeName(surname) || (comma && isFirstName(given)))) continue;
    for (const group of [1, 2]) {
      const [start, end] = m.indices![group]!;
      out.push({ start, end, label: 'PERSON', score: 0.8, priority: PRIORITY.pattern - 10, source: 'person-patient-header-lowercase' });
    }
  }
  return out;
}
