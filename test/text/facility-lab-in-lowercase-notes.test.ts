import { describe, expect, it } from 'vitest';
import { informalFacilitySpans } from '../../src/anonymize/text/recognizers/facilities-informal.js';
import { makeDoc } from '../../src/anonymize/text/normalize.js';

// Regression (holdout44 miss class, seen in the read sets' home-nursing notes): a laboratory named in a lowercase note
// after "labo" ("labo biolor jussey", "labo bio vienne") went out in clear.
describe('a laboratory named after "labo" in a lowercase note', () => {
  const found = (text: string) => informalFacilitySpans(makeDoc(text, 'fr')).filter((s) => s.source === 'facility-lab').map((s) => text.slice(s.start, s.end));

  it('is a facility, with its town', () => {
    expect(found('mar 24/11 7h15 – labo biolor jussey passé, 2 hemoc + ecbu')).toEqual(['biolor jussey']);
    expect(found('avk suspendu (inr 4,8 du labo bio vienne)')).toEqual(['bio vienne']);
  });

  it('leaves a kind of laboratory', () => {
    expect(found('lentilles envoyées au labo de parasito, labo local ok, on a contacté le labo pour fièvre Q')).toEqual([]);
  });
});
