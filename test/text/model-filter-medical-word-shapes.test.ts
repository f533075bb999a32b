import { describe, expect, it } from 'vitest';
import { plausibleModelSpan } from '../../src/anonymize/text/ner/filter.js';
import { makeDoc } from '../../src/anonymize/text/normalize.js';

// Regression (held-out false-positive class "medical words as PERSON"): the model proposed
// procedures, inflammations and the first half of hyphenated medical compounds as names.
describe('medical word shapes are not names', () => {
  const text =
    'Appendicectomie programmée, gingivite et rhinite, bilan gastro-intestinal, Arthroscopy planned, patient Marguerite Lenoir, vue par Hugo-Pierre Alves, sinusitis.';
  const doc = makeDoc(text, 'fr');
  const span = (word: string, label: 'PERSON' | 'CITY' = 'PERSON') => {
    const start = text.indexOf(word);
    return { start, end: start + word.length, label, score: 0.95, priority: 40, source: 'ner' };
  };

  it('drops procedures and -ite / -itis words proposed as PERSON', () => {
    for (const w of ['Appendicectomie', 'gingivite', 'rhinite', 'Arthroscopy', 'sinusitis']) expect(plausibleModelSpan(span(w), doc), w).toBe(false);
  });

  it('drops a lowercase combining form before a hyphen', () => {
    expect(plausibleModelSpan(span('gastro'), doc)).toBe(false);
  });

  it('keeps known names with the same endings and capitalised hyphenated first names', () => {
    expect(plausibleModelSpan(span('Marguerite'), doc)).toBe(true);
    expect(plausibleModelSpan(span('Hugo'), doc)).toBe(true);
  });
});
