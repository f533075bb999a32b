import { describe, expect, it } from 'vitest';
import { detect } from '../../src/anonymize/text/pipeline.js';

async function hospitals(text: string): Promise<string[]> {
  const { spans } = await detect(text, { lang: 'fr' });
  return spans.filter((s) => s.label === 'HOSPITAL').map((s) => text.slice(s.start, s.end));
}

// Regression (miss class "French centres named by their specialty"): radiotherapy, nuclear-medicine and
// dialysis centres named after a place or a person were left in clear, or cut into a person's name.
describe('French specialty centres', () => {
  it('are facilities with their own name', async () => {
    expect(await hospitals('Elle a terminé la radiothérapie au Centre de radiothérapie du Born en juin.')).toEqual(['Centre de radiothérapie du Born']);
    expect(await hospitals("CENTRE DE RADIOTHÉRAPIE ET D'ONCOLOGIE DE LA BAIE\nPôle Santé")).toEqual(["CENTRE DE RADIOTHÉRAPIE ET D'ONCOLOGIE DE LA BAIE"]);
    expect(await hospitals('La TEP réalisée au centre de médecine nucléaire de la Manche est normale.')).toEqual(['centre de médecine nucléaire de la Manche']);
  });

  it('leaves the specialty alone when no name follows', async () => {
    expect(await hospitals('Adressée au centre de radiothérapie pour la suite du traitement.')).toEqual([]);
  });
});
