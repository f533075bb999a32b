import { describe, expect, it } from 'vitest';
import { detect } from '../../src/anonymize/text/pipeline.js';

async function employers(text: string): Promise<string[]> {
  const { spans } = await detect(text, { lang: 'fr' });
  return spans.filter((s) => s.label === 'HOSPITAL').map((s) => text.slice(s.start, s.end));
}

// Regression (held-out miss class "employer after a job and 'chez'"): "comme magasinier chez
// Transalp Fret", "Profession : soudeur chez Arcelor Dunkerque" name the employer (annotated as
// HOSPITAL) without "employeur" or "travaille chez".
describe('an employer after a job and "chez"', () => {
  it('reads the employer', async () => {
    expect(await employers('Il travaille comme magasinier chez Transalp Fret depuis 2019.')).toContain('Transalp Fret');
    expect(await employers('Profession : soudeur chez Arcelor Dunkerque, en arrêt.')).toEqual([expect.stringContaining('Arcelor')]);
  });

  it('not a person one lives with', async () => {
    expect(await employers('Vit chez sa fille, comme convenu chez le Dr Martin.')).toEqual([]);
  });
});
