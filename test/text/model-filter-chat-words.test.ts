import { describe, expect, it } from 'vitest';
import { plausibleModelSpan } from '../../src/anonymize/text/ner/filter.js';
import { makeDoc } from '../../src/anonymize/text/normalize.js';

// Regression (held-out false-positive class "chat words as PERSON"): the model took SMS words
// ("ok", "va", "stp") for names; a model span made of one of them alone is dropped.
describe('chat words are never a name on their own', () => {
  const text = 'ok je va voir stp, rdv demain avec Karima';
  const doc = makeDoc(text, 'fr');
  const span = (word: string) => ({ start: text.indexOf(word), end: text.indexOf(word) + word.length, label: 'PERSON' as const, score: 0.95, priority: 40, source: 'ner' });

  it('drops "ok", "va", "stp" and "rdv" proposed as PERSON', () => {
    for (const w of ['ok', 'va', 'stp', 'rdv']) expect(plausibleModelSpan(span(w), doc)).toBe(false);
  });

  it('keeps a real first name in the same message', () => {
    expect(plausibleModelSpan(span('Karima'), doc)).toBe(true);
  });
});
