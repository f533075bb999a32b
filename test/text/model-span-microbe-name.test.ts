import { describe, expect, it } from 'vitest';
import { isMicrobeName } from '../../src/anonymize/text/microbes.js';
import { judgeModelSpan } from './helpers.js';

// Regression (holdout44 false-positive class): the model took microbes' Latin names for people ("Escherichia coli",
// "KLEBSIELLA PNEUMONIAE", "Pseudomonas aeruginosa", "E. coli") and the filter kept them.
describe("a microbe's name proposed by the model", () => {
  it('is dropped', () => {
    expect(judgeModelSpan('Culture : >10^5 CFU/mL Escherichia coli, sensible.', 'Escherichia coli', 'PERSON', 'fr').kept).toBe(false);
    expect(judgeModelSpan('GERME IDENTIFIE||KLEBSIELLA PNEUMONIAE 10E6 UFC/mL', 'KLEBSIELLA PNEUMONIAE', 'PERSON', 'fr').kept).toBe(false);
    expect(judgeModelSpan('Comment: ESBL-producing E. coli. Infection control informed.', 'E. coli', 'PERSON').kept).toBe(false);
  });

  it('keeps a person whose surname is no microbe', () => {
    expect(isMicrobeName(['Emma', 'Coli'])).toBe(false);
    expect(judgeModelSpan('Seen today by Dr Emma Proteau in clinic.', 'Emma Proteau', 'PERSON').kept).toBe(true);
  });
});
