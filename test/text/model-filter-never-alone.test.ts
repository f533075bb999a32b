import { describe, expect, it } from 'vitest';
import { plausibleModelSpan } from '../../src/anonymize/text/ner/filter.js';
import { makeDoc } from '../../src/anonymize/text/normalize.js';
import type { Label, Span } from '../../src/anonymize/text/types.js';

function plausible(text: string, part: string, label: Label, at = 0): boolean {
  const start = text.indexOf(part, at);
  const span: Span = { start, end: start + part.length, label, score: 0.99, priority: 40, source: 'ner' };
  return plausibleModelSpan(span, makeDoc(text, 'auto'));
}

// Regression: the model alone called function words, weekdays, titles, form labels and acronyms
// persons or places ("La CMI", "She", "Thursday", "Mrs", "Date:", "Dossier MDPH", "travailleur ESAT"),
// and measures glued to a number addresses ("32SA").
describe('model spans made of words that never name anyone on their own are dropped', () => {
  it('drops function words, weekdays, titles and form labels', () => {
    expect(plausible('thérapie familiale La CMI a été envoyée', 'La', 'PERSON')).toBe(false);
    expect(plausible('She was seen on Thursday.', 'She', 'HOSPITAL')).toBe(false);
    expect(plausible('She was seen on Thursday.', 'Thursday', 'PERSON')).toBe(false);
    expect(plausible('Mrs Okafor was seen.', 'Mrs', 'PERSON')).toBe(false);
    expect(plausible('Date: 11/05/2022', 'Date', 'CITY')).toBe(false);
    expect(plausible('Type de grossesse : Grossesse unique ;', 'unique', 'PERSON')).toBe(false);
  });

  it('drops lowercase modal verbs and closings, keeps the same words as capitalised names', () => {
    expect(plausible('the team may call tomorrow', 'may', 'PERSON')).toBe(false);
    expect(plausible('Thanks for your help.\nBest,\nNathan', 'Best', 'PERSON')).toBe(false);
    expect(plausible('Seen with her daughter May yesterday.', 'May', 'PERSON')).toBe(true);
    expect(plausible('Letter copied to Dr Best, cardiology.', 'Best', 'PERSON')).toBe(true);
  });

  it('drops a weekday abbreviation before a day number, keeps Sam the person', () => {
    expect(plausible('le sam, 10 oct 2026 du mois', 'sam', 'PERSON')).toBe(false);
    expect(plausible('Spoke with Sam about discharge.', 'Sam', 'PERSON')).toBe(true);
  });

  it('drops short unknown acronyms, keeps upper-case names the lists know', () => {
    expect(plausible('Dossier MDPH à compléter', 'MDPH', 'PERSON')).toBe(false);
    expect(plausible('travailleur ESAT, droits ouverts', 'ESAT', 'PERSON')).toBe(false);
    expect(plausible('NIR : 1 84 03 75', 'NIR', 'CITY')).toBe(false);
    expect(plausible('Patiente : Mme ROUX, vue ce jour', 'ROUX', 'PERSON')).toBe(true);
  });

  it('drops a number glued to letters as an address, keeps a house number and a name', () => {
    expect(plausible('HTA gravidique à 32SA, monitorage', '32SA', 'ADDRESS')).toBe(false);
    expect(plausible('lives at 22 Elm Park, London', '22 Elm Park', 'ADDRESS')).toBe(true);
  });
});
