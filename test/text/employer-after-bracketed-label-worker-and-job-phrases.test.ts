import { describe, expect, it } from 'vitest';
import { detect } from '../../src/anonymize/text/pipeline.js';

async function employers(text: string, lang: 'fr' | 'en'): Promise<string[]> {
  const { spans } = await detect(text, { lang });
  return spans.filter((s) => s.label === 'HOSPITAL').map((s) => text.slice(s.start, s.end));
}

// Regression (holdout7, holdout9, holdout12, holdout13 misses): employers after phrasings the employer
// rule did not read: a bracketed note after "Employer", "worker at", the noun "travail (de nuit) chez",
// "en alternance chez", a job of three words before "chez", an acronym between the job and "chez".
describe('employers after more work phrasings', () => {
  it('are facilities (employers count with HOSPITAL)', async () => {
    expect(await employers('Employer (for fit note): Bombardier Shorts; next of kin', 'en')).toEqual(['Bombardier Shorts']);
    expect(await employers('Former worker at Foster Farms processing plant.', 'en')).toEqual(['Foster Farms']);
    expect(await employers('facteurs : travail de nuit chez Bouvet-Ladubay, alcool', 'fr')).toEqual(['Bouvet-Ladubay']);
    expect(await employers('Profession : chauffeur poids lourd chez Coop de Lusignan, en arrêt', 'fr')).toEqual(['Coop de Lusignan']);
    expect(await employers('Elle travaille en alternance chez Legrand à Limoges', 'fr')).toEqual(['Legrand']);
    expect(await employers('ouvrier BTP chez Eiffage Construction, foyer', 'fr')).toEqual(['Eiffage Construction']);
  });

  it('a first name alone after the phrase is a person, not a firm', async () => {
    expect(await employers('le travail chez Marie est dur', 'fr')).toEqual([]);
  });
});
