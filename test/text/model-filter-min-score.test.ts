import { describe, expect, it } from 'vitest';
import { modelSpanKept as plausible } from './helpers.js';

// Regression (2026-11-30 calibration): model spans scored 0.45-0.65 that pass every other check were
// dropped, and with them names and towns the model had found ("navette Port-Navalo ↔ Locmariaquer",
// "gare de Clelles" at 0.56-0.60). Fail closed: a doubtful span that looks like what it claims is kept.
describe('the model score a span needs', () => {
  it('keeps a capitalised name, town or facility the model scores between 0.45 and 0.65', () => {
    expect(plausible('Vu ce jour avec sa fille Maëlys Quéré, inquiète.', 'Maëlys Quéré', 'PERSON', 0.5)).toBe(true);
    expect(plausible('Agression au dépôt de Chantepie ce matin.', 'Chantepie', 'CITY', 0.55)).toBe(true);
    expect(plausible('Vu ensuite à la Maison médicale Kerbihan pour pansement.', 'Maison médicale Kerbihan', 'HOSPITAL', 0.6)).toBe(true);
  });

  it('drops a span the model scores below 0.45, whatever it looks like', () => {
    expect(plausible('Vu ce jour avec sa fille Maëlys Quéré, inquiète.', 'Maëlys Quéré', 'PERSON', 0.44)).toBe(false);
    expect(plausible('Agression au dépôt de Chantepie ce matin.', 'Chantepie', 'CITY', 0.3)).toBe(false);
  });

  it('still asks more of a lowercase name or town no list knows', () => {
    expect(plausible('rappel de kerwenna demain', 'kerwenna', 'PERSON', 0.6)).toBe(false);
    expect(plausible('moved back to tuscaloosa with her sister', 'tuscaloosa', 'CITY', 0.6)).toBe(false);
  });
});
