import { describe, expect, it } from 'vitest';
import { spelledPersonSpans } from '../../src/anonymize/text/recognizers/persons-spelled.js';
import { makeDoc } from '../../src/anonymize/text/normalize.js';

// Regression (holdout44 miss class, dictations): a doubled letter said as such ("D I A deux T A", "A double N E T")
// broke the spelling, and the spelled name went out in clear.
describe('a name spelled with a doubled letter', () => {
  it('is the person it spells', () => {
    for (const [text, spelled] of [
      ['Patient : monsieur Diatta Lamine, nom D I A deux T A, prénom Lamine.', 'D I A deux T A'],
      ['Her first name is Annet, A double N E T, eighteen years.', 'A double N E T'],
      ['prénoms Essozimna, E deux S O Z I M N A, et Afi.', 'E deux S O Z I M N A'],
    ] as const) {
      const found = spelledPersonSpans(makeDoc(text, 'auto')).map((s) => text.slice(s.start, s.end));
      expect(found).toEqual([spelled]);
    }
  });

  it('does not take a code read with a "deux" for a name', () => {
    const text = 'Le code est K T deux G A, pas de nom.';
    expect(spelledPersonSpans(makeDoc(text, 'fr'))).toEqual([]);
  });

  // Regression (holdout41 miss class): two names spelled in one run of letters ("W A N R O S N A N I") spelled no one
  // word said before, and went out in clear.
  it('cuts a run that spells two said names into both', () => {
    const text = 'Puan Rosnani binti Wan Ismail, spelled W A N R O S N A N I, MyKad number.';
    const found = spelledPersonSpans(makeDoc(text, 'en')).map((s) => text.slice(s.start, s.end));
    expect(found).toEqual(['W A N', 'R O S N A N I']);
  });
});
