import { PRIORITY, type Doc, type Span } from './types.js';

/**
 * An age over 89 written right after a person's name, as ward lists, log lines and letters put it ("bed 5 jessie
 * wemyss 96 chi …", "mme marchal ginette 90a amput …", "klassen, gertrude 93y – fall", "Mr Reginald Nuñez, 91 (SSB
 * …", "my husband Jim (92 in January)"): the number after a found name is that person's age, with or without its
 * unit letter, before punctuation, a bracket, a word or the line's end; never before a unit of measure ("95 kg").
 * Only ages over 89 are PHI; the younger stay as they are. Run after the names are found and spread.
 */
const AGE_AFTER_NAME = /^(?:[ \t]*,)?[ \t]*\(?(\d{2,3})(?:[ \t]?(?:a|y|yo|ans|an|m|f|yrs?))?(?=\)|!|[ \t]*[,;:–—(-]|[ \t]+\p{L}|\r?\n|[ \t]*$)(?![ \t]*(?:kg|mg|g|%|mmhg|bpm|cm|ml|mmol|\/|\.\d))/iu;

export function agesAfterNames(spans: readonly Span[], doc: Doc): Span[] {
  const t = doc.text;
  const out: Span[] = [];
  for (const s of spans) {
    if (s.label !== 'PERSON') continue;
    const m = AGE_AFTER_NAME.exec(t.slice(s.end, s.end + 24));
    if (!m) continue;
    const age = Number(m[1]);
    if (age < 90 || age > 119) continue;
    const start = s.end + m[0].search(/\d/); // only blanks, a comma or a bracket come before the number
    out.push({ start, end: start + m[1]!.length, label: 'AGE', score: 0.85, priority: PRIORITY.context, source: 'age-after-name' });
  }
  return out;
}
