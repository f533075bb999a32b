import { describe, expect, it } from 'vitest';
import { detect } from '../../src/anonymize/text/pipeline.js';

async function persons(text: string): Promise<string[]> {
  const { spans } = await detect(text, { lang: 'fr' });
  return spans.filter((s) => s.label === 'PERSON').map((s) => text.slice(s.start, s.end));
}

// Regression: lowercase names after "m.", after a capitalised title ("M. samba") and names with a
// particle ("dr le floch", "mme da costa") were missed by the rules.
describe('lowercase names after a title', () => {
  it('finds a lowercase name after "m." and after a capitalised title', async () => {
    expect(await persons('m. poulain ch 14 : agite vers 3h')).toContain('poulain');
    expect(await persons('Orienté par le conseiller, M. naylan.')).toContain('naylan');
  });

  it('keeps a particle with the name', async () => {
    expect(await persons('a vu le dr le floch ce matin')).toContain('le floch');
    expect(await persons('mme da costa ch 15 : 95 ans, refuse le repas')).toContain('da costa');
  });

  it('does not take a distance or a verb for a name', async () => {
    expect(await persons('marche 50 m. puis se repose')).toEqual([]);
    expect(await persons('mme est sortie ce matin, mr a mangé')).toEqual([]);
  });
});
