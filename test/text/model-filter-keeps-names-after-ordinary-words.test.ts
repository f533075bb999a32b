import { describe, expect, it } from 'vitest';
import { plausibleModelSpan } from '../../src/anonymize/text/ner/filter.js';
import { makeDoc } from '../../src/anonymize/text/normalize.js';
import type { Span } from '../../src/anonymize/text/types.js';

function modelPerson(text: string, name: string): boolean {
  const start = text.indexOf(name);
  const span = { start, end: start + name.length, label: 'PERSON', score: 0.9, source: 'ner', priority: 1 } as unknown as Span;
  return plausibleModelSpan(span, makeDoc(text, 'auto'));
}

// The model-span filter drops names after an imaging exam ("MRI BRAIN") and words with a medical
// ending ("pulpite"). Fail closed: an ordinary word that spells an acronym in lower case ("us", "pet",
// "ct") or a surname with a medical-looking ending ("Larose", "Lafite") must not drop a name.
describe('model-span filter keeps names after ordinary words and surnames with medical-looking endings', () => {
  it('keeps a name after "us", "pet" or "ct" written in lower case', () => {
    expect(modelPerson('He told us John Harlow called', 'John Harlow')).toBe(true);
    expect(modelPerson('Her pet Rex Dupont barked', 'Rex Dupont')).toBe(true);
    expect(modelPerson('the ct Marc Vallon ordered', 'Marc Vallon')).toBe(true);
  });

  it('still drops the body part after an imaging acronym in capitals or an imaging word', () => {
    expect(modelPerson('MRI BRAIN normal', 'BRAIN')).toBe(false);
    expect(modelPerson('US Abdomen: normal liver', 'Abdomen')).toBe(false);
    expect(modelPerson('doppler Veineux sans thrombose', 'Veineux')).toBe(false);
  });

  it('keeps a capitalised surname ending in -ose or -ite; drops the lower-case medical word', () => {
    expect(modelPerson('Vu par Larose hier', 'Larose')).toBe(true);
    expect(modelPerson('Vu par Lafite hier', 'Lafite')).toBe(true);
    expect(modelPerson('une pulpite chronique', 'pulpite')).toBe(false);
    expect(modelPerson('Suspicion de Appendicitis', 'Appendicitis')).toBe(false);
  });
});
