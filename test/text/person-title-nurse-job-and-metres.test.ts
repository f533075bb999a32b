import { describe, expect, it } from 'vitest';
import { personSpans } from '../../src/anonymize/text/recognizers/persons.js';
import { makeDoc } from '../../src/anonymize/text/normalize.js';
import { informalPersonSpans } from '../../src/anonymize/text/recognizers/persons-informal.js';

const persons = (text: string) => personSpans(makeDoc(text, 'auto')).filter((s) => s.source === 'person-title').map((s) => text.slice(s.start, s.end));

// Regression (read-set false positives, 36 of them: holdout4 … holdout52): "nurse" opens a name ("Nurse Bisi") but
// also a nurse's job or service ("Clinical Nurse Specialist", "Nurse Practitioner", "Nurse Line", "NURSE HOME VISIT"),
// which the title rule took for a name; and "m." after a distance ("520 m. Je joins") was read as "M." before a name.
describe('a title that opens no name', () => {
  it("leaves a nurse's job or service, and metres closing a sentence, alone", () => {
    expect(persons('Aroha Lomax, Clinical Nurse Specialist (Endocrinology)')).toEqual([]);
    expect(persons('Hannah Scaife, Spinal Nurse Practitioner, for Mr D. Kallis')).toEqual(['D. Kallis']);
    expect(persons('PERITONEAL DIALYSIS – NURSE HOME VISIT')).toEqual([]);
    expect(persons('Test de marche : 520 m. Je joins son dossier.')).toEqual([]);
  });

  it('still reads a name after "Nurse" and after "M."', () => {
    expect(persons('Seen by Nurse Bisi this morning.')).toEqual(['Bisi']);
    expect(persons('Vu avec M. Dulac Bernard.')).toEqual(['Dulac Bernard']);
  });
});

const byRole = (text: string) => informalPersonSpans(makeDoc(text, 'en')).filter((s) => s.source === 'person-role').map((s) => text.slice(s.start, s.end));

// Regression (read-set false positives, 12: holdout16 … holdout39): a role's job, specialty, language or country after
// the role word ("Consultant Intensivist", "Interpreter: Spanish", "(nurse, Netherlands)") was read as a name.
describe("a care role's job, language or country after the role word", () => {
  it('is no name, while a name after the role still is', () => {
    expect(byRole('Fionnuala Quigley, Consultant Intensivist')).toEqual([]);
    expect(byRole('Interpreter: Spanish, booked for Monday')).toEqual([]);
    expect(byRole('Margit Hollander (nurse, Netherlands)')).toEqual([]);
    expect(byRole('Nurse: Ailsa Drummond RGN')).toEqual(['Ailsa Drummond']);
  });
});
