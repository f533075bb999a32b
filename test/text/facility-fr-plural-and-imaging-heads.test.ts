import { describe, expect, it } from 'vitest';
import { detect } from '../../src/anonymize/text/pipeline.js';

async function facilities(text: string): Promise<string[]> {
  const { spans } = await detect(text, { lang: 'fr' });
  return spans.filter((s) => s.label === 'HOSPITAL').map((s) => text.slice(s.start, s.end));
}

// Regression (held-out miss class "plural and imaging facility heads"): "Cliniques universitaires
// …" (plural) and imaging practices ("Imagerie médicale des Tilleuls", "Centre d'imagerie …") were
// not facility heads.
describe('plural clinic heads and imaging practices', () => {
  it('reads "Cliniques universitaires" and imaging practices, upper case too', async () => {
    expect((await facilities('Adressée aux Cliniques universitaires Notre-Dame pour avis.')).join('|')).toContain('Notre-Dame');
    expect((await facilities('IMAGERIE MÉDICALE DES TILLEULS\n3 rue Haute')).join('|')).toContain('TILLEULS');
    expect((await facilities("Scanner au Centre d'imagerie Pasteur le 3 mai.")).join('|')).toContain('Pasteur');
  });

  it('leaves lowercase imaging words in prose alone', async () => {
    expect(await facilities("l'imagerie médicale montre une lésion stable")).toEqual([]);
  });
});
