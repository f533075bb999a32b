import { describe, expect, it } from 'vitest';
import { detect } from '../../src/anonymize/text/pipeline.js';

async function hospitals(text: string): Promise<string[]> {
  const { spans } = await detect(text, { lang: 'auto' });
  return spans.filter((s) => s.label === 'HOSPITAL').map((s) => text.slice(s.start, s.end));
}

// Regression (holdout28, holdout29, holdout34, miss class "facilities in a table column"): a column headed
// "Treating clinic", "referring_facility" or "Maternité" names where a patient is treated; its cells went out
// as towns ("Monash"), persons ("Bernay") or in clear. A kind of clinic or a numbered ward there names no place.
describe('the facility column of a table', () => {
  it('makes its named cells facilities', async () => {
    const csv = 'UR,Surname,Given,Suburb,Postcode,Treating clinic\nN402211,HALLORAN,Bridget,Wodonga,3690,Kurrajong IVF Albury\nN402290,PETROVIC,Ana,Benalla,3672,Goulburn Fertility Shepparton';
    expect(await hospitals(csv)).toEqual(['Kurrajong IVF Albury', 'Goulburn Fertility Shepparton']);
    const fr = 'Nom;Prénom;Maternité;Résultat\nLEBRET;Maëlle;Lisieux;normal\nDUVAL;Timéo;Pont-Audemer;contrôle';
    expect(await hospitals(fr)).toEqual(['Lisieux', 'Pont-Audemer']);
  });

  it('leaves kinds of clinic and numbered wards alone', async () => {
    const csv = 'name,dob,town,clinic\nRhona Keir,15/08/2004,Galashiels,contraception\nKyle Rutter,02/02/1991,Hawick,PrEP\nAnna Bell,01/01/1950,Kelso,Ward 9B';
    expect(await hospitals(csv)).toEqual([]);
  });
});
