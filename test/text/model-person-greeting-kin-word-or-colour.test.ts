import { describe, expect, it } from 'vitest';
import { makeDoc } from '../../src/anonymize/text/normalize.js';
import { plausibleModelSpan } from '../../src/anonymize/text/ner/filter.js';
import { PRIORITY, type Span } from '../../src/anonymize/text/types.js';

function keptAsPerson(text: string, phrase: string, lang: 'en' | 'fr' = 'en'): boolean {
  const start = text.indexOf(phrase);
  const span: Span = { start, end: start + phrase.length, label: 'PERSON', score: 0.9, priority: PRIORITY.model, source: 'ner' };
  return plausibleModelSpan(span, makeDoc(text, lang));
}

// Regression (read sets: 80 such model spans, none a name): greetings of the languages threads mix in ("Kia ora",
// "Bonzour"), "Papa" as a family calls him, a German header's "Von", an imperative opening a message ("Come to
// casualty"), and lowercase colours or a walking aid ("small brown one", "mobilizing with walker") became persons.
describe('a model PERSON that is a greeting, a kin word, a header word or a lowercase colour', () => {
  it('is dropped', () => {
    expect(keptAsPerson('[28 Nov 9:14 am] Aroha: Kia ora, it is Aroha.', 'Kia ora')).toBe(false);
    expect(keptAsPerson('[19/11/2026 09:12] Marie-Ange : Bonzour Nurse Lydia', 'Bonzour', 'fr')).toBe(false);
    expect(keptAsPerson('Objet : Papa – malaise au volant mercredi', 'Papa', 'fr')).toBe(false);
    expect(keptAsPerson('Von / De : Praxis Sensebezirk', 'Von', 'fr')).toBe(false);
    expect(keptAsPerson('Nurse: Come to casualty at Baie Ste Anne.', 'Come')).toBe(false);
    expect(keptAsPerson('the stone came out in the sieve, small brown one.', 'brown')).toBe(false);
    expect(keptAsPerson('night uneventful. mobilizing with walker.', 'walker')).toBe(false);
  });

  it('keeps the capitalised surnames and initials', () => {
    expect(keptAsPerson('Seen by Dr Brown in clinic.', 'Brown')).toBe(true);
    expect(keptAsPerson('Dactylo : K.A. Dictée le mercredi.', 'K.A.', 'fr')).toBe(true);
  });
});
