import { describe, expect, it } from 'vitest';
import { detect } from '../../src/anonymize/text/pipeline.js';

async function hospitals(text: string, lang: 'en' | 'fr'): Promise<string[]> {
  const { spans } = await detect(text, { lang });
  return spans.filter((s) => s.label === 'HOSPITAL').map((s) => text.slice(s.start, s.end));
}

// Regression (held-out miss class "an employer after a phrase about work"): the label rules count
// employers with facilities, but only "works at", "employeur :", "comme <job> chez" were read; "works
// as a <job> at", "works part-time at", "returns to work at", "travaille de nuit chez", "a repris
// chez", a job noun before "chez" and "salarié de" were not.
describe('employers after phrases about work', () => {
  it('English: a job or a schedule between "works" and "at" / "for"', async () => {
    expect(await hospitals('He works as a crane operator at Holloway Freight since May.', 'en')).toEqual(['Holloway Freight']);
    expect(await hospitals('She works part-time at Quillon Books and studies.', 'en')).toEqual(['Quillon Books']);
    expect(await hospitals('Returns to work at Ferncastle Mills next week.', 'en')).toEqual(['Ferncastle Mills']);
  });

  it('French: "travaille de nuit chez", "a repris chez", a job noun, "salarié de"', async () => {
    expect(await hospitals('Travaille de nuit chez Transalp Logistique depuis 2019.', 'fr')).toEqual(['Transalp Logistique']);
    expect(await hospitals('il a repris chez Menuiserie Daguerre à mi-temps', 'fr')).toEqual(['Menuiserie Daguerre']);
    expect(await hospitals('soudeuse chez Armaflex Industrie, en arrêt', 'fr')).toEqual(['Armaflex Industrie']);
    expect(await hospitals('salarié de Vernoux Emballages', 'fr')).toEqual(['Vernoux Emballages']);
  });

  it('not a time, a home or a person after the phrase', async () => {
    expect(await hospitals('works at night and sleeps badly', 'en')).toEqual([]);
    expect(await hospitals('elle travaille chez elle le lundi', 'fr')).toEqual([]);
    expect(await hospitals("l'infirmier chez Mme Roux ce matin", 'fr')).toEqual([]);
  });
});
