import { describe, expect, it } from 'vitest';
import { makeDoc } from '../../src/anonymize/text/normalize.js';
import { locationSpans } from '../../src/anonymize/text/recognizers/location.js';

// Regression (22 false CITY spans over the read sets, 3 in holdout45): Quebec and Ontario addresses put the province
// in brackets after the town ("Ville-Marie (Québec) J9V 2B7"); the sets never mark it, the gazetteer read Québec City.
describe('a province in brackets after the town', () => {
  it('reads the province as no town', () => {
    const text = '18 rue Principale Nord, Ville-Marie (Québec) J9V 2B7\n2145, rue Laurier, Rockland (Ontario) K4K 1K7\n';
    const towns = locationSpans(makeDoc(text, 'fr')).filter((s) => s.label === 'CITY').map((s) => text.slice(s.start, s.end));
    expect(towns).not.toContain('Québec');
    expect(towns).not.toContain('Ontario');
  });

  it('still reads Québec named as a town', () => {
    const text = 'Transfert vers Québec, puis retour à Rimouski.';
    expect(locationSpans(makeDoc(text, 'fr')).map((s) => text.slice(s.start, s.end))).toContain('Québec');
  });
});
