import { describe, expect, it } from 'vitest';
import { makeDoc } from '../../src/anonymize/text/normalize.js';
import { locationSpans } from '../../src/anonymize/text/recognizers/location.js';

function cities(text: string): string[] {
  return locationSpans(makeDoc(text, 'fr')).filter((s) => s.label === 'CITY').map((s) => text.slice(s.start, s.end));
}

// Regression (false spans "CHARGE", "COURS", "BOIS" in forms written in capitals, every-span on the read sets): in a
// text in capitals an ordinary word after "EN" or "DE" is no town; a city of its size still is.
describe('ordinary words in capitals are no towns', () => {
  it('leaves them alone', () => {
    expect(cities('HEURE PRISE EN CHARGE : 14H20\nCICATRISATION EN COURS, AGRAFES RETIREES')).toEqual([]);
  });

  it('still reads a city in capitals', () => {
    expect(cities('TRANSFERT VERS LE CH DE DOUAI, PUIS RETOUR A DOMICILE')).toContain('DOUAI');
  });
});
