import { isDictionaryWord } from '../bloom.js';
import { isFirstName, isLastName } from '../gazetteers.js';
import { FAMILY_CALLS } from '../family-words.js';
import { fold } from '../normalize.js';
import { PRIORITY, type Doc, type Span } from '../types.js';
import { escapeRe } from './location.js';

/**
 * The person an e-mail's subject line opens on: "Subject: RE: Elis – rash and sore throat", "Subject: Tane's vaccines
 * after his spleen op", "Objet : Réal — le spa", "Subject: Harper in her spica". A parent or a patient writes about
 * someone first, by the given name alone, which no name rule reads without a title or a surname; the name then spreads
 * to its mentions in the body ("Please keep Elis off school"). After the subject's key and its reply or forward
 * prefixes, one or two capitalised words closed by a dash, a possessive or "in"/"and", each a name by nameWord; not a
 * family's word for its own ("Objet : Papa – malaise au volant").
 */
const SUBJECT = /^[ \t>]*(?:subject|objet|sujet)[ \t]*:[ \t]*(?:(?:re|tr|fw|fwd|aw|wg|automatic reply|reponse automatique|reponse)[ \t]*:[ \t]*)*/dgimu;
const NAME_AT = /(\p{Lu}\p{Ll}[\p{L}'’-]*(?:[ \t]\p{Lu}\p{Ll}[\p{L}'’-]*)?)(?=[ \t]*[–—][ \t]|[ \t]+-[ \t]|['’]s[ \t]|[ \t]+(?:in|and|et)[ \t])/uy;
const HINT = /(?:subject|objet|sujet)[ \t]*:/iu;

/**
 * A word the text never writes in lower case (a subject's "Pre-assessment" or "Lipœdème" is, in the body), and a known
 * name, no ordinary word, or one the text writes as a name elsewhere, capitalised after a lowercase word ("Please keep
 * Elis off school"): many given names are words too ("Harper", "Real"), and a subject's "Results" is not written so.
 */
function nameWord(word: string, text: string): boolean {
  const key = fold(word).replace(/['’]/g, '');
  const escaped = escapeRe(word);
  if (FAMILY_CALLS.has(key) || new RegExp(String.raw`(?<![\p{L}])${escaped.toLowerCase()}(?![\p{L}])`, 'u').test(text)) return false;
  if (isFirstName(word) || isLastName(word) || !isDictionaryWord(key)) return true;
  return new RegExp(String.raw`\p{Ll}[ \t]+${escaped}(?![\p{L}])`, 'u').test(text);
}

export function subjectLinePersonSpans(doc: Doc): Span[] {
  const text = doc.text;
  if (!HINT.test(text)) return [];
  const out: Span[] = [];
  for (const m of doc.folded.matchAll(SUBJECT)) {
    const at = m.index + m[0].length;
    NAME_AT.lastIndex = at;
    const name = NAME_AT.exec(text)?.[1];
    if (!name || !name.split(/[ \t]/u).every((w) => nameWord(w, text))) continue;
    out.push({ start: at, end: at + name.length, label: 'PERSON', score: 0.8, priority: PRIORITY.context - 5, source: 'person-subject-line' });
    // Its mentions in the body, which the name spreading leaves when the name is also a word ("Harper", "Real").
    for (const word of name.split(/[ \t]/u)) {
      for (const mention of text.matchAll(new RegExp(String.raw`(?<![\p{L}])${escapeRe(word)}(?![\p{L}])`, 'gu'))) {
        if (mention.index !== at) out.push({ start: mention.index, end: mention.index + word.length, label: 'PERSON', score: 0.75, priority: PRIORITY.context - 5, source: 'person-subject-line' });
      }
    }
  }
  return out;
}
