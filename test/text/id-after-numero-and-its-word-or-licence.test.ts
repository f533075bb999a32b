import { describe, expect, it } from 'vitest';
import { detect } from '../../src/anonymize/text/pipeline.js';

async function ids(text: string): Promise<string[]> {
  const { spans } = await detect(text, { lang: 'auto' });
  return spans.filter((s) => s.label === 'ID').map((s) => text.slice(s.start, s.end));
}

// Regression (holdout51 miss class; 12 such numbers in holdout8 to holdout51, none found before): a number after "n°"
// and the register's own word for it ("n° d'écrou", "n° cafat", "N° AFFAIRE", "N° de permis d'exercice :"), and a
// licence's number with no "number" after the word ("ND license P-20914").
describe('a number after "n°" and what it numbers, or after a licence', () => {
  it('is an identifier', async () => {
    expect(await ids("Patient détenu : M. Rachid Mekhloufi, n° d'écrou 41872, né le 02.11.1979")).toContain('41872');
    expect(await ids('née le 02/02/1998, tribu de drueulu, n° cafat 0458921')).toContain('0458921');
    expect(await ids("N° D'IMMATRICULATION CCSS : 274 118\nNÉ LE : 09/10/1974")).toContain('274 118');
    expect(await ids("Infirmière          N° de permis d'exercice : 1-09473\nÉtablissement : CLSC")).toContain('1-09473');
    expect(await ids('Signature: T. Gunderson, NRP, ND license P-20914 · Receiving: L. Thorsgaard, RN')).toContain('P-20914');
  });

  it("not a phone's, a room's or a lot's number, nor a short one", async () => {
    const found = await ids('n° de téléphone : 06 12 34 56 78 ; chambre n° 12 ; n° de lot 22 ; n° étage 3');
    expect(found).toEqual([]);
  });
});
