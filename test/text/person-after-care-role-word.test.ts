import { describe, expect, it } from 'vitest';
import { informalPersonSpans } from '../../src/anonymize/text/recognizers/persons-informal.js';
import { makeDoc } from '../../src/anonymize/text/normalize.js';

// Regression (fifth rule round, PERSON recall class "a name after a care role"): optometrists,
// dentists, students, radiographers, counsellors … and a role set apart by a comma ("the Admiral
// Nurse, …,") were not care roles, so a name no list knew after them was missed. Invented names.
const persons = (text: string) =>
  informalPersonSpans(makeDoc(text, 'en'))
    .filter((s) => s.source === 'person-role')
    .map((s) => text.slice(s.start, s.end));

describe('a capitalised name after a care role', () => {
  it('is a person after the new roles and after a role word and a comma', () => {
    expect(persons('Booked with dentist Tregor Penwyth at 11:30.')).toEqual(['Tregor Penwyth']);
    expect(persons('Optometrist: Elwyn Pryce, tel 01656 000 000.')).toEqual(['Elwyn Pryce']);
    expect(persons('Student: Caoimhe Ruane, year 4.')).toEqual(['Caoimhe Ruane']);
    expect(persons('Contact the Admiral Nurse, Nerys Prosser, on the ward.')).toEqual(['Nerys Prosser']);
  });

  it('is not read after a role acronym and a comma, nor for ordinary words', () => {
    expect(persons('Team: Wiktor Zalewski (SW, North Tamsford Council).')).toEqual([]);
    expect(persons('Consultant Radiologist on call tonight.')).toEqual([]);
    expect(persons('Nurse, Please call back.')).toEqual([]);
  });
});
