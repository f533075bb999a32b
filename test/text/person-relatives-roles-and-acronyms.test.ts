import { describe, expect, it } from 'vitest';
import { detect } from '../../src/anonymize/text/pipeline.js';

const persons = async (text: string, lang: 'fr' | 'en') =>
  (await detect(text, { lang })).spans.filter((s) => s.label === 'PERSON').map((s) => text.slice(s.start, s.end));

// Regression (2026-11-30, PERSON recall): relatives the family rules did not know ("Spouse", "aunt",
// French "père", "jumelles" in lowercase notes), a capitalised name that a dictionary also holds after a
// possessive ("her son Taras"), and roles before a lowercase name ("advisor", "guide", "sgt").
describe('relatives and roles before a name', () => {
  it('name the person after them', async () => {
    expect(await persons('Consider ligation after discussion with her son Taras (POA).', 'en')).toEqual(['Taras']);
    expect(await persons('Spouse Marlene reports he cannot hear the TV.', 'en')).toEqual(['Marlene']);
    expect(await persons('famille yilmaz : jumelles defne et ada. pere murat chauffeur.', 'fr')).toEqual(expect.arrayContaining(['defne', 'murat']));
    expect(await persons('next review by phone. advisor kayleigh broomhall.', 'en')).toEqual(['kayleigh broomhall']);
  });

  it('leave ordinary words, titles and acronyms alone', async () => {
    expect(await persons('pere absent la semaine, mere presente.', 'fr')).toEqual([]);
    expect(await persons('her son ED visit was uneventful', 'en')).toEqual([]);
    expect(await persons('pansement fait, mère (mme lopes) prévenue', 'fr')).toEqual(['lopes']);
  });
});

// Same round: a role or unit in capitals before a first name ("EMT Stacey", "DCR Tomasz") was taken into
// the name; the name is read from the first name on.
describe('a short upper-case word before a first name', () => {
  it('is left out and the name is read from the first name', async () => {
    expect(await persons('Crew: EMT Stacey McGuinness attended.', 'en')).toEqual(['Stacey McGuinness']);
  });
});

// Same round: a form's line "NOM : ZERBIB   Prénom : Lévana" gave "ZERBIB   Prénom" and lost the given
// name; a field's name does not run on across blanks into the next field's label.
describe('a field name on a form line', () => {
  it('stops before the next label', async () => {
    expect(await persons('NOM : ZERBIB   Prénom : Lévana   Lien : fille', 'fr')).toEqual(['ZERBIB', 'Lévana']);
    expect(await persons('Patient: Mary Smith   DOB: 01/02/1960   MRN: 12345', 'en')).toEqual(['Mary Smith']);
  });
});
