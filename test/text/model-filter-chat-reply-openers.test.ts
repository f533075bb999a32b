import { describe, expect, it } from 'vitest';
import { plausibleModelSpan } from '../../src/anonymize/text/ner/filter.js';
import { makeDoc } from '../../src/anonymize/text/normalize.js';

// Regression (holdout40/holdout41 false-positive class, 29 spans across the read sets): the model took the word a
// chat reply opens on ("Parfait, c'est noté", "Allez-y le matin", "juste mal") for a person; no set marks one.
describe('the word a chat reply opens on is never a name on its own', () => {
  const text = "[2026-11-26 09:10] Infirmière Annie – GMF Abitibi-Ouest : Parfait, c'est noté. Allez-y le matin, juste avant Mme Rivard.";
  const doc = makeDoc(text, 'fr');
  const span = (word: string) => ({ start: text.indexOf(word), end: text.indexOf(word) + word.length, label: 'PERSON' as const, score: 0.95, priority: 40, source: 'ner' });

  it('drops "Parfait", "Allez-y" and "juste" proposed as PERSON', () => {
    for (const w of ['Parfait', 'Allez-y', 'juste']) expect(plausibleModelSpan(span(w), doc)).toBe(false);
  });

  it('keeps the names in the same message', () => {
    expect(plausibleModelSpan(span('Annie'), doc)).toBe(true);
    expect(plausibleModelSpan(span('Rivard'), doc)).toBe(true);
  });
});
