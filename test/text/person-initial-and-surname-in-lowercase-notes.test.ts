import { describe, expect, it } from 'vitest';
import { initialsPersonSpans } from '../../src/anonymize/text/recognizers/persons-initials.js';
import { makeDoc } from '../../src/anonymize/text/normalize.js';

// Regression (miss class across the read sets, holdout9..holdout42): staff signing a lowercase note with an initial
// and a surname ("kn t. harawira", "ide : s. bonnaud / k. ferrand", "written by h. brierley") went out in clear.
describe('an initial and a surname in a lowercase note', () => {
  const found = (text: string) => initialsPersonSpans(makeDoc(text, 'en')).filter((s) => s.source === 'person-initial-surname-lower').map((s) => text.slice(s.start, s.end));

  it('is a person', () => {
    expect(found('lives w partner + 2 kids. kn t. harawira\nwritten by h. brierley')).toEqual(['t. harawira', 'h. brierley']);
  });

  it('leaves species, ordinary words and towns', () => {
    expect(found('msu: e. coli sensitive. h. pylori neg. crayon dans l oeil d. erosion. 40 ml d. glasgow 14')).toEqual([]);
  });

  // Regression (holdout26..holdout39): the same in a form in capitals ("DIS: K. THERIAULT").
  it('is a person in capitals too, not a unit and an acronym', () => {
    const text = 'CASE NO: ME-2026-SY-00684          DIS: K. THERIAULT\nFEV1 4.62 L, FVC 3 L. RTC in January.';
    const found = initialsPersonSpans(makeDoc(text, 'en')).filter((s) => s.source === 'person-initial-surname-upper').map((s) => text.slice(s.start, s.end));
    expect(found).toEqual(['K. THERIAULT']);
  });
});
