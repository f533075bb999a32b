import { describe, expect, it } from 'vitest';
import { informalFacilitySpans } from '../../src/anonymize/text/recognizers/facilities-informal.js';
import { makeDoc } from '../../src/anonymize/text/normalize.js';

// Regression (miss class across the read sets, holdout4..holdout41): pharmacy chains, where a patient's medicines are
// dispensed ("supervised at Boots", "rx sent to boots sandwick", "Pharmaprix Sainte-Adèle"), went out in clear.
describe('a pharmacy chain and its branch', () => {
  const found = (text: string) => informalFacilitySpans(makeDoc(text, 'auto')).filter((s) => s.source === 'facility-pharmacy-chain').map((s) => text.slice(s.start, s.end));

  it('is a facility', () => {
    expect(found('methadone supervised at Boots, Belgrave Gate.')).toEqual(['Boots']);
    expect(found('rx sent to boots sandwick.')).toEqual(['boots sandwick']);
    expect(found('Pharmaprix Sainte-Adèle, 1200 boulevard')).toEqual(['Pharmaprix Sainte-Adèle']);
    expect(found('send levothyroxine to the CVS at 1 Harvard St')).toEqual(['CVS']);
  });

  it('leaves footwear and a chorionic villus sampling', () => {
    expect(found('compression has been hard with boots. cvs can be done at the regional unit')).toEqual([]);
  });
});
