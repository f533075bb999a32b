import { describe, expect, it } from 'vitest';
import { judgeModelSpan as judge } from './helpers.js';

// Regression (miss class "given name read as a town or a facility by the model"): the model called
// unseen first names CITY ("Merci à Amandine", "the safest place for Kaylee") or HOSPITAL ("explained to
// Chloé"); the span hid the word, but as a place, and a person's surrogate must be a name.
describe('a given name the model calls a town or a facility', () => {
  it('is a person when a first-name list knows it and no town list, surname list or dictionary does', () => {
    expect(judge('Ponction faite, 60 ml. Merci à Amandine et au docteur.', 'Amandine', 'CITY', 'fr')).toEqual({ kept: true, label: 'PERSON' });
    expect(judge("It's the safest place for Kaylee right now.", 'Kaylee', 'CITY')).toEqual({ kept: true, label: 'PERSON' });
    expect(judge('Refused the drain, explained to Chloé at the bedside.', 'Chloé', 'HOSPITAL', 'fr')).toEqual({ kept: true, label: 'PERSON' });
  });

  it('stays a place when it is a town, follows a postcode, or is more than one word', () => {
    expect(judge('Lives in Wellington with her son.', 'Wellington', 'CITY').label).toBe('CITY');
    expect(judge('Laarbeeklaan 101, 1090 Jette, Belgique.', 'Jette', 'CITY', 'fr').label).toBe('CITY');
    // Regression (holdout34): a town after the comma that closes a street part ("12 Avenue des Bambous, Beau").
    expect(judge('Domicile : 4 Rue des Flamboyants, Chantal, Haïti.', 'Chantal', 'CITY', 'fr').label).toBe('CITY');
    expect(judge('Address: Lot 9 Wattle Drive, Kaylee, NT.', 'Kaylee', 'CITY').label).toBe('CITY');
    expect(judge('Seen at Amandine Clinic today.', 'Amandine Clinic', 'HOSPITAL').label).toBe('HOSPITAL');
  });
});
