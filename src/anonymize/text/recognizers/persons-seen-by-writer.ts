import { fold } from '../normalize.js';
import { TITLE_WORDS } from '../titles.js';
import { PRIORITY, type Doc, type Span } from '../types.js';

/**
 * The person a letter's writer saw: "I saw Tāne with his mother today", "We reviewed Manaia and his
 * nana", "I saw Elis in clinic". Clinic letters to a GP name a child or a young adult by the first name
 * alone right after the verb; the words that follow say the clause goes on about that person. A
 * capital there, mid-sentence, is a name's: no dictionary check (Māori and Welsh first names, "Tāne",
 * "Elis", are in the word list). A title ("I saw Mr McKenzie") is the title rules' to read. English only.
 */
const SEEN = /(?<![\p{L}])(?:I|We)[ \t]+(?:saw|reviewed|met|examined|assessed|visited)[ \t]+(\p{Lu}[\p{Ll}'’-]{1,30})(?:[ \t]+(\p{Lu}[\p{Ll}'’-]{1,30}))?(?=[ \t]+(?:with|and|in|at|on|today|again|alone|together|this|for)(?![\p{L}])|,)/dgu;
const HINT = /(?:I|We)[ \t]+(?:saw|reviewed|met|examined|assessed|visited)[ \t]/;

const NOT_NAMES = new Set(['the', 'this', 'that', 'him', 'her', 'them', 'his', 'you', 'your', 'it', 'its', 'one', 'both', 'all', 'no', 'some', 'patient', 'patients']);

function isNameWord(word: string): boolean {
  const key = fold(word);
  return key.length >= 2 && !TITLE_WORDS.has(key) && !NOT_NAMES.has(key);
}

export function seenByWriterPersonSpans(doc: Doc): Span[] {
  if (doc.lang !== 'en' || !HINT.test(doc.text)) return [];
  const out: Span[] = [];
  for (const m of doc.text.matchAll(SEEN)) {
    const [s, e1] = m.indices![1]!;
    if (!isNameWord(m[1]!)) continue;
    const second = m.indices![2];
    const end = second !== undefined && isNameWord(m[2]!) ? second[1] : e1;
    out.push({ start: s, end, label: 'PERSON', score: 0.8, priority: PRIORITY.context, source: 'person-seen-by-writer' });
  }
  return out;
}
