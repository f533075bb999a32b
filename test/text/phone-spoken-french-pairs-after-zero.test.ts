import { describe, expect, it } from 'vitest';
import { makeDoc } from '../../src/anonymize/text/normalize.js';
import { spokenFrenchPhoneSpans } from '../../src/anonymize/text/recognizers/phones-spoken-fr.js';

function phones(text: string): string[] {
  return spokenFrenchPhoneSpans(makeDoc(text, 'fr')).map((s) => text.slice(s.start, s.end));
}

// Regression (miss class "dictated phones of nine digits in pairs, and a relative named with a comma", holdout43):
// "zéro soixante-six, quarante et un, zéro huit, douze" is a phone as "zéro six, …" is; "téléphone du frère, monsieur
// X Y : …" names whose phone it is before the number.
describe('French dictated phones: pairs after a zero, a relative named after a comma', () => {
  it('reads them', () => {
    expect(phones('joindre sa soeur au zéro soixante-six, quarante et un, zéro huit, douze. Antécédents')).toEqual(['zéro soixante-six, quarante et un, zéro huit, douze']);
    expect(phones('Téléphone du frère, monsieur Gharbi Anis : quatre-vingt-dix-sept, deux cent douze, trois cent huit. Fin.')).toEqual(['quatre-vingt-dix-sept, deux cent douze, trois cent huit']);
  });

  it('leaves digits read one by one inside an identifier alone', () => {
    expect(phones('numéro de dossier vé deux six zéro quatre quatre un huit, suivi')).toEqual([]);
  });
});
