import { describe, expect, it } from 'vitest';
import { makeDoc } from '../../src/anonymize/text/normalize.js';
import { spokenFrenchPhoneSpans } from '../../src/anonymize/text/recognizers/phones-spoken-fr.js';

function phones(text: string): string[] {
  return spokenFrenchPhoneSpans(makeDoc(text, 'fr')).map((s) => text.slice(s.start, s.end));
}

// Regression (holdout45 miss class "eight digits said as four pairs", also in holdout38 and holdout39): Togolese,
// Malian, Burkinabè and Haitian numbers said after a phone word as four pairs ("quatre-vingt-dix, vingt-huit,
// quarante-quatre, dix-sept") were left in clear, a run needing five words; a number wrapped across a line was cut.
describe('French spoken phones: four pairs and wrapped lines', () => {
  it('reads four pairs after a phone word', () => {
    expect(phones("Téléphone quatre-vingt-dix, vingt-huit, quarante-quatre, dix-sept, c'est un Moov.")).toEqual(['quatre-vingt-dix, vingt-huit, quarante-quatre, dix-sept']);
    expect(phones('Téléphone de la patiente : trente-sept, douze, quarante-huit, quatre-vingt-dix, soit +509')).toEqual(['trente-sept, douze, quarante-huit, quatre-vingt-dix']);
  });

  it('reads a number the dictation wrapped across a line', () => {
    expect(phones('joignable au trente-six, douze, zéro quatre,\nvingt-neuf. Fin de dictée')).toEqual(['trente-six, douze, zéro quatre,\nvingt-neuf']);
  });

  it('reads no count of single words or three pairs', () => {
    expect(phones('le téléphone a sonné trois fois vers dix heures')).toEqual([]);
    expect(phones('téléphone : douze, quinze, vingt minutes plus tard')).toEqual([]);
  });
});
