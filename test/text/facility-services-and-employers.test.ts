import { describe, expect, it } from 'vitest';
import { detect } from '../../src/anonymize/text/pipeline.js';

async function hospitals(text: string, lang: 'fr' | 'en'): Promise<string[]> {
  const { spans } = await detect(text, { lang });
  return spans.filter((s) => s.label === 'HOSPITAL').map((s) => text.slice(s.start, s.end));
}

// Regression (held-out miss classes on facilities): French home-care and social services (SSIAD,
// CCAS, CLIC …) and units named after someone; English practices named "… Home Care", "… Associates",
// "… Partners of X", "… Dialysis Unit", "… Institute"; facilities named after a saint ("St Anne's",
// "St John of God X"); nursing homes in lowercase notes; employers after an employment word.
describe('care services, practices and employers', () => {
  it('finds French care and social services and named units', async () => {
    expect(await hospitals('Passage du SSIAD de la Vallée du Lot ce matin.', 'fr')).toContain('SSIAD de la Vallée du Lot');
    expect(await hospitals("Dossier transmis au CCAS d'Issoire.", 'fr')).toContain("CCAS d'Issoire");
    expect(await hospitals('Hospitalisée en unité Rimbaud (psychiatrie).', 'fr')).toContain('unité Rimbaud');
    expect(await hospitals("retour à l'ehpad les mimosas de lunel", 'fr')).toContain('ehpad les mimosas');
  });

  it('finds English practices, groups and saint-named facilities', async () => {
    expect(await hospitals('Referred by Riverside Home Care for wound review.', 'en')).toContain('Riverside Home Care');
    expect(await hospitals('Copy to Northgate Pulmonary Associates.', 'en')).toEqual(['Northgate Pulmonary Associates']);
    expect(await hospitals('Slides reviewed at Dermpath Partners of Mobile Bay.', 'en')).toEqual(expect.arrayContaining([expect.stringContaining('Partners of Mobile Bay')]));
    expect(await hospitals('pt transferred from st anne\'s overnight', 'en')).toContain("st anne's");
    expect(await hospitals("Happy St Patrick's day to the ward", 'en')).toEqual([]);
  });

  it('finds employers after an employment word, and not a weekday or a title', async () => {
    expect(await hospitals('Arrêt de travail transmis à son employeur, la société Menuiserie Caradec et Fils.', 'fr')).toContain('Menuiserie Caradec et Fils');
    expect(await hospitals('He works at Raytheon and rides a bike to work.', 'en')).toContain('Raytheon');
    expect(await hospitals('She works on Mondays. Employer: Dr Smith said no.', 'en')).toEqual([]);
  });
});
