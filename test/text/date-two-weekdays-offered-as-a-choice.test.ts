import { describe, expect, it } from 'vitest';
import { detect } from '../../src/anonymize/text/pipeline.js';

async function dates(text: string, lang: 'fr' | 'en'): Promise<string[]> {
  const { spans } = await detect(text, { lang });
  return spans.filter((s) => s.label === 'DATE').map((s) => text.slice(s.start, s.end));
}

// Regression (holdout49, read): two weekdays joined by "or"/"ou" were read as a schedule and left in clear,
// while a parent asking "Can we come Thursday or Friday?" names two days of one week that tell the shift.
describe('two weekdays offered as a choice', () => {
  it('are two dates', async () => {
    expect(await dates('Can we come Thursday or Friday? We are at the farm.', 'en')).toEqual(['Thursday', 'Friday']);
    expect(await dates('Could you see him next Tuesday or Wednesday?', 'en')).toEqual(['Tuesday', 'Wednesday']);
    expect(await dates('Pouvez-vous passer à domicile jeudi ou vendredi ? Il ne conduit pas.', 'fr')).toEqual(['jeudi', 'vendredi']);
  });

  it('stay a habit or a schedule when the pair is one, or when more days are listed', async () => {
    expect(await dates('She asks for appointments on a Monday or Friday.', 'en')).toEqual([]);
    expect(await dates('Kiné tous les lundis ou jeudis selon le cabinet.', 'fr')).toEqual([]);
    expect(await dates('Séances : lundi, mercredi ou vendredi.', 'fr')).toEqual([]);
    expect(await dates('Kiné mardi et vendredi, aide à domicile.', 'fr')).toEqual([]);
  });
});
