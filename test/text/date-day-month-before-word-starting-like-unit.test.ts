import { describe, expect, it } from 'vitest';
import { detect } from '../../src/anonymize/text/pipeline.js';

async function dates(text: string): Promise<string[]> {
  const { spans } = await detect(text, { lang: 'fr' });
  return spans.filter((s) => s.label === 'DATE').map((s) => text.slice(s.start, s.end));
}

// Regression (holdout23, read 2026-11-30): a bare day/month followed by a word that begins with a
// unit's letters ("24/11 mme Ribeiro": "mm") was taken for a measure and left in clear.
describe('a day/month before a word that starts like a unit', () => {
  it('is a date when the unit is only the start of the next word', async () => {
    expect(await dates('rappel fait.\n24/11 mme Ribeiro : douleurs stables')).toEqual(['24/11']);
    expect(await dates('Vu le 12/3 demain matin ?')).toEqual(['12/3']);
    expect(await dates('Note 17/10 gastro revue')).toEqual(['17/10']);
  });

  it('is still a measure or a count before the unit itself', async () => {
    expect(await dates('Ajouter 3/4 mg le soir, 1/2 cp le matin.')).toEqual([]);
    expect(await dates('Réponse chez 2/3 des patients, 3/4 d’une dose, 14/10 mm.')).toEqual([]);
  });
});
