import { describe, expect, it } from 'vitest';
import { detect } from '../../src/anonymize/text/pipeline.js';

async function facilities(text: string, lang: 'fr' | 'en'): Promise<string[]> {
  const { spans } = await detect(text, { lang });
  return spans.filter((s) => s.label === 'HOSPITAL').map((s) => text.slice(s.start, s.end));
}

// Regression (miss class "capitalised employers after a work phrase"): "travaille à la Société des Eaux de
// Martigny", "ANCIEN EMPLOYE DE LA PAPETERIE DE LA MOULASSE" were left in clear or cut into a town.
describe('a capitalised employer after a work phrase', () => {
  it('is an employer, link words included', async () => {
    expect(await facilities('il travaille à mi-temps à la Société des Eaux de Martigny, donc plutôt l’après-midi', 'fr')).toEqual(['Société des Eaux de Martigny']);
    expect(await facilities('VIVAIT SEULE. ANCIEN EMPLOYE DE LA PAPETERIE DE LA MOULASSE. MEDECIN TRAITANT', 'fr')).toEqual(['PAPETERIE DE LA MOULASSE']);
  });

  it('leaves a colleague and a town alone', async () => {
    expect(await facilities('He works with Sarah on Mondays.', 'en')).toEqual([]);
    expect(await facilities('Il travaille à Lyon depuis mars.', 'fr')).toEqual([]);
  });
});
