import { describe, expect, it } from 'vitest';
import { isDrugName, isDrugSpan } from '../../src/anonymize/text/drugs.js';
import { dropHardNegatives } from '../../src/anonymize/text/merge.js';
import { makeDoc } from '../../src/anonymize/text/normalize.js';
import { PRIORITY, type Label, type Span } from '../../src/anonymize/text/types.js';

function modelSpan(text: string, word: string, label: Label, priority: number = PRIORITY.model): Span {
  const start = text.indexOf(word);
  return { start, end: start + word.length, label, score: 0.9, priority, source: 'ner' };
}

// Regression (held-out false-positive class "drug and brand names taken for names by the model"):
// brand and generic drug names were masked as PERSON or CITY. The veto must never drop a real name.
describe('drug and brand names are not persons or places', () => {
  it('knows brand and generic names from the gazetteer and the INN stems', () => {
    for (const w of ['Crestor', 'Seroquel', 'risperidone', 'Atorvastatin', 'ramipril', 'bisoprolol', 'fluconazole', 'adalimumab', 'Valsartan']) expect(isDrugName(w)).toBe(true);
    // invented names with an INN stem
    expect(isDrugName('zorbatinib')).toBe(true);
    expect(isDrugSpan('Invega Sustenna 100 mg')).toBe(true);
  });

  it('never takes a name the person gazetteers know for a drug, nor an ordinary surname', () => {
    for (const w of ['Martin', 'Dupont', 'Sarah', 'Nathalie', 'Johnson', 'Lefebvre']) expect(isDrugName(w)).toBe(false);
    expect(isDrugSpan('Sarah Whitfield')).toBe(false);
  });

  it("drops the model's drug spans, a brand form after a drug, and half of a hyphenated eponym", () => {
    const text = 'Relais Seroquel puis Abilify Maintena ; réflexe de Moro ; syndrome Guillain-Barré, vu par Marc Lenoir.';
    const doc = makeDoc(text, 'fr');
    const kept = dropHardNegatives(
      [modelSpan(text, 'Seroquel', 'PERSON'), modelSpan(text, 'Maintena', 'PERSON'), modelSpan(text, 'Guillain-', 'CITY'), modelSpan(text, 'Marc Lenoir', 'PERSON')],
      doc,
    );
    expect(kept.map((s) => text.slice(s.start, s.end))).toEqual(['Marc Lenoir']);
  });

  it('keeps a drug-like word that a title or a field rule names as a person', () => {
    const text = 'Vu par Dr Zofran.';
    const kept = dropHardNegatives([modelSpan(text, 'Zofran', 'PERSON', PRIORITY.context + 5)], makeDoc(text, 'fr'));
    expect(kept).toHaveLength(1);
  });
});
