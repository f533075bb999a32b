import { describe, expect, it } from 'vitest';
import { detect } from '../../src/anonymize/text/pipeline.js';

async function persons(text: string, lang: 'fr' | 'en'): Promise<string[]> {
  const { spans } = await detect(text, { lang });
  return spans.filter((s) => s.label === 'PERSON').map((s) => text.slice(s.start, s.end));
}

// Regression (held-out classes on names in forms): upper-case names with a particle after "ENFANT :",
// "ACCOMPAGNANT :" or an upper-case family word ("PERE, …"), the "NE LE" after them kept out; and the
// false positives "To: Referral Coordinator" (a role), "BON DE TRANSPORT" (a particle alone) and
// "Dr de garde" (a duty, not a family name).
describe('upper-case form fields, and duty or role words after a label', () => {
  it('finds upper-case names with a particle in a form, without the birth-date words', async () => {
    expect(await persons('FICHE DE LIAISON\nENFANT : MAËL DE KERGUELEN  NE LE 12/02/2020', 'fr')).toEqual(['MAËL DE KERGUELEN']);
    expect(await persons('ACCOMPAGNANT : MERE, SOIZIC LE GALL - 06 11 22 33 44', 'fr')).toEqual(['SOIZIC LE GALL']);
  });

  it('leaves roles, a lone particle and duty phrases alone', async () => {
    expect(await persons('To: Intake Coordinator\nFrom: Billing Office', 'en')).toEqual([]);
    expect(await persons('BON DE COMMANDE N° 12', 'fr')).toEqual([]);
    expect(await persons('Interne de garde prévenu, Dr de garde non joint.', 'fr')).toEqual([]);
    expect(await persons('vu par dr le floch', 'fr')).toEqual(['le floch']);
  });
});
