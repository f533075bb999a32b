import { isDictionaryWord } from '../bloom.js';
import { isFirstName } from '../gazetteers.js';
import { fold } from '../normalize.js';
import { PRIORITY, type Doc, type Span } from '../types.js';

/**
 * An e-mail's signature, a first name alone on its line, right before the quoted message it answers:
 * "…home care on discharge.\n\nKarin\n\n-----Original Message-----", "Maeve\n\n> On Nov 18, 2026, … wrote:",
 * "Claire\n\nLe 18/11/2026 à 09:10, … a écrit :". The line holds one capitalised known first name that
 * is no ordinary word (or any known first name with an initial after it), nothing else.
 */
const SIGNATURE =
  /(?<=^|\n)[ \t]*([\p{L}][\p{L}'’-]{1,20}(?:[ \t]+[\p{L}]\.)?)[ \t]*\n(?:[ \t]*\n){0,2}[ \t]*(?:>|-{3,}[ \t]*(?:original message|message d'origine|forwarded message)|(?:on|le)[ \t][^\n]{4,80}(?:wrote|a [ée]crit)[ \t]*:|(?:from|de)[ \t]*:)/dgiu;
const HINT = /\n[ \t]*(?:>|-{3,}|on |le |from|de)/i;

export function signatureBeforeQuoteSpans(doc: Doc): Span[] {
  const t = doc.text;
  if (!HINT.test(t)) return [];
  const out: Span[] = [];
  for (const m of t.matchAll(SIGNATURE)) {
    const [s, e] = m.indices![1]!;
    const name = t.slice(s, e);
    const first = name.split(/[ \t]+/)[0]!;
    if (!/^\p{Lu}\p{Ll}/u.test(first) || !isFirstName(first)) continue;
    if (isDictionaryWord(fold(first)) && !/[ \t]\p{Lu}\.$/u.test(name)) continue;
    out.push({ start: s, end: e, label: 'PERSON', score: 0.8, priority: PRIORITY.context - 5, source: 'person-signature-before-quote' });
  }
  return out;
}
