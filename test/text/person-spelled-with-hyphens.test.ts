import { describe, expect, it } from 'vitest';
import { spelledPersonSpans } from '../../src/anonymize/text/recognizers/persons-spelled.js';
import { makeDoc } from '../../src/anonymize/text/normalize.js';

const found = (text: string) => spelledPersonSpans(makeDoc(text, 'auto')).map((s) => text.slice(s.start, s.end));

// Regression (holdout52 miss class, dictations): a name spelled with hyphens between its letters ("spelled
// K-A-M-W-E-N-D-O") was no spelling the rule knew, and went out in clear, as did the name said again after it.
describe('a name spelled letter by letter with hyphens', () => {
  it('is the person it spells, and so is the name said again after it', () => {
    expect(found('Patient Chisomo Kamwendo, I will spell the family name, K-A-M-W-E-N-D-O, Kamwendo. Age, four years.')).toEqual(['K-A-M-W-E-N-D-O', 'Kamwendo']);
    expect(found('madame Koné Awa, je répète le nom, K-O-N-É, Koné, prénom A-W-A, vingt ans')).toEqual(['K-O-N-É', 'Koné', 'A-W-A']);
  });

  it('reads each run between blanks as one word', () => {
    expect(found("monsieur Ould Cheikh, j'épelle, O-U-L-D C-H-E-I-K-H, quarante ans")).toEqual(['O-U-L-D', 'C-H-E-I-K-H']);
  });

  it('leaves letters that spell no word said before alone', () => {
    expect(found('Le lot K-T-G-A-7 est rappelé ; code R-X-B sur la boîte.')).toEqual([]);
  });
});
