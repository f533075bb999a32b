import { describe, expect, it } from 'vitest';
import { detectLang, fold } from '../../src/anonymize/text/normalize.js';

// Regression: the language guess counted function words only, and ties went French, so an English
// table, log or form with few of them ("| Date | Patient | … | discharged 11/19 |") was read as French:
// its month-first dates were then no dates ("11/19" has no 19th month).
describe('the language guess', () => {
  it('reads English tables, logs and headings as English', () => {
    expect(detectLang(fold('| Date | Patient | Age/Sex | Outcome |\n| 11/16 | Abdu Rashid | 52 M | discharged 11/19 |'))).toBe('en');
    expect(detectLang(fold('Youth Eating Disorder Day Program — weekly census — Queen Elizabeth Hospital\nweek_of;name;dob'))).toBe('en');
    expect(detectLang(fold('peds allergy OFC log — 11/23\npt ezekiel brandt-okafor (dob 07-19-2021) MRN 00482'))).toBe('en');
  });

  it('still reads French notes and tables as French', () => {
    expect(detectLang(fold('Patiente de 54 ans, vue pour douleur thoracique. Traitement : aspirine.'))).toBe('fr');
    expect(detectLang(fold('| Nom | Prénom | Date de naissance | Service |\n| DURAND | Alice | 12/03/1950 | cardiologie |'))).toBe('fr');
  });
});
