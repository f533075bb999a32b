import { describe, expect, it } from 'vitest';
import { informalPersonSpans } from '../../src/anonymize/text/recognizers/persons-informal.js';
import { makeDoc } from '../../src/anonymize/text/normalize.js';

// Regression (sixth rule round, PERSON miss class from holdout10/holdout9): a ship's guest or
// passenger ("Guest …, 91, cabin 8214", "Passager …, hivernant") and an interpreter whose language
// is given in brackets were no roles before a name. Invented names.
const persons = (text: string, lang: 'en' | 'fr' = 'en') =>
  informalPersonSpans(makeDoc(text, lang))
    .filter((s) => s.source === 'person-role')
    .map((s) => text.slice(s.start, s.end));

describe('a name after a guest, a passenger or a role and its bracketed language', () => {
  it('is a person', () => {
    expect(persons('0945 Guest Harwell Penthorpe, 91, cabin 8214: fall in shower')).toEqual(['Harwell Penthorpe']);
    expect(persons('approche de Crozet. Passager Tanguy Vermelle, hivernant, 31 ans', 'fr')).toEqual(['Tanguy Vermelle']);
    expect(persons('interpreter (Arabic) Samira Haddouche, TIS code 88127')).toEqual(['Samira Haddouche']);
  });

  it('is not read for ordinary words after them', () => {
    expect(persons('Guest WiFi is down; Passenger Transport booked.')).toEqual([]);
  });
});
