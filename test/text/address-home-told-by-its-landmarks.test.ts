import { describe, expect, it } from 'vitest';
import { detect } from '../../src/anonymize/text/pipeline.js';

async function labelled(text: string): Promise<string[]> {
  const { spans } = await detect(text, { lang: 'auto' });
  return spans.map((s) => `${s.label}:${text.slice(s.start, s.end)}`);
}

// Regression (holdout51 miss class; 43 such homes in holdout34 to holdout51, none found): a home dictated by its
// landmarks, its parts chained by commas after a word of living or a field's label, was left in clear or cut into
// names and towns by the model.
describe('a home told by its landmarks', () => {
  it('is one address, the town after it apart', async () => {
    const en = await labelled('Discharge summary for a pupil, daughter of Bayor Anselm, a farmer, of Tuori section, house behind the Catholic church, near the borehole, Nandom.');
    expect(en).toContain('ADDRESS:Tuori section, house behind the Catholic church, near the borehole');
    const zw = await labelled('He teaches at Zvishavane, they live at house number 1147, Runyararo West, behind the Zion church, Masvingo.');
    expect(zw).toContain('ADDRESS:house number 1147, Runyararo West, behind the Zion church');
    expect(zw).not.toContain('ADDRESS:Masvingo');
    expect(await labelled('Home village: Ha Makhoroana, below the primary school, Mapholaneng, Mokhotlong')).toContain('ADDRESS:Ha Makhoroana, below the primary school');
    const fr = await labelled('la fille qui habite El Milia, la patiente habite Chekfa, douar Ouled Rabah, maison après le pont. Téléphone de la fille.');
    expect(fr).toContain('ADDRESS:douar Ouled Rabah, maison après le pont');
    const bi = await labelled('domiciliés sur la colline Gisagara, sous-colline Rurama, maison après l\'école, à côté du moulin à manioc, commune de Marangara.');
    expect(bi.some((l) => l.startsWith('ADDRESS:') && l.includes('sous-colline Rurama, maison après'))).toBe(true);
  });

  it('keeps the town before a dictated "à" or after a field label out, and a sentence is no home', async () => {
    const dictated = await labelled('ils habitent quartier zountori derrière la mosquée centrale à djougou point');
    expect(dictated.some((l) => l.startsWith('ADDRESS:') && l.includes('djougou'))).toBe(false);
    const muyuka = await labelled('Address / Adresse : Muyuka, Mile 29 quarter, behind the Presbyterian school');
    expect(muyuka.some((l) => l.startsWith('ADDRESS:') && l.includes('Muyuka'))).toBe(false);
    const prose = await labelled('He fell near the school gate yesterday, then walked home.');
    expect(prose.filter((l) => l.startsWith('ADDRESS:'))).toEqual([]);
  });
});
