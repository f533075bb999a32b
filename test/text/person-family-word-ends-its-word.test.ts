import { describe, expect, it } from 'vitest';
import { informalPersonSpans } from '../../src/anonymize/text/recognizers/persons-informal.js';
import { makeDoc } from '../../src/anonymize/text/normalize.js';

// Regression (fifth rule round, PERSON precision class): "gran" matched at the start of longer words,
// so "grandmother's", "grandson", "granuleux", "Grandir" gave persons "dmother's", "dson", "uleux",
// "dir". A family word must end its word; the grand- words are family words of their own.
const persons = (text: string, lang: 'fr' | 'en' = 'en') => informalPersonSpans(makeDoc(text, lang)).map((s) => text.slice(s.start, s.end));

describe('a family word inside a longer word', () => {
  it('opens no name', () => {
    expect(persons("Leave to attend her grandmother's 90th birthday.")).toEqual([]);
    expect(persons('IgG et C3 granuleux extramembraneux.', 'fr')).toEqual([]);
    expect(persons('Accident de ski à Grandvalira hier.', 'fr')).toEqual([]);
  });

  it('still finds the name after a family word, grand- words included', () => {
    expect(persons('Her gran Edna rang twice.')).toEqual(['Edna']);
    expect(persons("The patient's grandson Nikhil will drive her.")).toEqual(['Nikhil']);
  });
});
