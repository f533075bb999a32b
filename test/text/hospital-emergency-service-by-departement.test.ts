import { describe, expect, it } from 'vitest';
import { hospitalAcronymSpans } from '../../src/anonymize/text/recognizers/hospital-acronyms.js';
import { makeDoc } from '../../src/anonymize/text/normalize.js';

// Regression (holdout44 miss class; the sets written since holdout36 mark it every time): a French emergency service
// named by its département ("SAMU 41", "samu 70", "SDIS 974", "SAMU 2A") says where the patient was, and went out in clear.
describe('an emergency service named by its département', () => {
  it('is a facility', () => {
    const text = "Son fils a appelé le SAMU 41 ; appel medecin regulateur samu 70. DOUBLER PAR APPEL AU SAMU 2A. SDIS 974 – fiche bilan.";
    const found = hospitalAcronymSpans(makeDoc(text, 'fr')).map((s) => `${s.label}:${text.slice(s.start, s.end)}`);
    expect(found).toEqual(['HOSPITAL:SAMU 41', 'HOSPITAL:samu 70', 'HOSPITAL:SAMU 2A', 'HOSPITAL:SDIS 974']);
  });

  // Regression (holdout48 miss class): the Sécurité civile's helicopters, named by their département.
  it('reads a Dragon helicopter the same way', () => {
    const text = 'Transfert héliporté (Dragon 41). Hélicoptère de la Sécurité civile – Dragon 56 engagé ; heliporte par dragon 74.';
    const found = hospitalAcronymSpans(makeDoc(text, 'fr')).map((s) => `${s.label}:${text.slice(s.start, s.end)}`);
    expect(found).toEqual(['HOSPITAL:Dragon 41', 'HOSPITAL:Dragon 56', 'HOSPITAL:dragon 74']);
  });

  it('leaves the number one dials and a file number', () => {
    const text = 'Si ça recommence : SAMU 15 directement. N° DOSSIER SAMU 26-40-014477.';
    expect(hospitalAcronymSpans(makeDoc(text, 'fr'))).toEqual([]);
  });
});
