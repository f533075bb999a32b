import { describe, expect, it } from 'vitest';
import { informalFacilitySpans } from '../../src/anonymize/text/recognizers/facilities-informal.js';
import { makeDoc } from '../../src/anonymize/text/normalize.js';

// Regression (miss class across the read sets, holdout7..holdout40): the value of a field whose key names a provider,
// a pharmacy or an employer ("Pharmacy: Gilbert Plains Drug Mart", "Prestataire : Perfadom Gascogne") was taken for a
// person by the model or a first-name rule, or missed.
describe('the value of a provider, pharmacy or employer field', () => {
  const found = (text: string) => informalFacilitySpans(makeDoc(text, 'auto')).filter((s) => s.source === 'facility-field').map((s) => text.slice(s.start, s.end));

  it('is a facility, up to the end of the line or a separator', () => {
    expect(found('Pharmacy: Gilbert Plains Drug Mart\nAlternate contact: son')).toEqual(['Gilbert Plains Drug Mart']);
    expect(found("Prestataire matériel : Medi'Velay Services (lit médicalisé)")).toEqual(["Medi'Velay Services"]);
    expect(found('Funeral director: E. Bailey & Sons, Hessle.')).toEqual(['E. Bailey & Sons']);
  });

  it('leaves an empty answer and a number', () => {
    expect(found('Employer: none\nPharmacy: 07 4927 3310')).toEqual([]);
  });
});
