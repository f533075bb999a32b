import { describe, expect, it } from 'vitest';
import { plausibleModelSpan } from '../../src/anonymize/text/ner/filter.js';
import { makeDoc } from '../../src/anonymize/text/normalize.js';

// Regression (held-out false-positive class "model names around possessives, form labels and
// imaging"): the model proposed "His Aetna", "Medicare number" and the body part of "CT HAND"
// (Hand is also a surname) as persons.
describe('model persons that are possessives, form labels or imaged body parts', () => {
  const text = 'His Aetna card expired. Medicare number unknown. MRI SPINE done; CT HAND normal. Spoke with Orla Brennan.';
  const doc = makeDoc(text, 'en');
  const span = (words: string) => {
    const start = text.indexOf(words);
    return { start, end: start + words.length, label: 'PERSON' as const, score: 0.95, priority: 40, source: 'ner' };
  };

  it('drops a span opened by a possessive or closed by a form noun', () => {
    expect(plausibleModelSpan(span('His Aetna'), doc)).toBe(false);
    expect(plausibleModelSpan(span('Medicare number'), doc)).toBe(false);
  });

  it('drops the body part after an imaging examination', () => {
    expect(plausibleModelSpan(span('HAND'), doc)).toBe(false);
  });

  it('keeps a name in the same note', () => {
    expect(plausibleModelSpan(span('Orla Brennan'), doc)).toBe(true);
  });
});
