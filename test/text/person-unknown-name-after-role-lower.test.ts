import { describe, expect, it } from 'vitest';
import { detect } from '../../src/anonymize/text/pipeline.js';

async function persons(text: string, lang: 'fr' | 'en' = 'en'): Promise<string[]> {
  const { spans } = await detect(text, { lang });
  return spans.filter((s) => s.label === 'PERSON').map((s) => text.slice(s.start, s.end));
}

// Regression (holdout25, read; the same shape in holdout14, 16, 17, 19, 23): lowercase notes name a
// neighbour, a driver, a physio or an educator by a name no list knows; the role-then-name rule took
// only known first names, and knew neither "neighbour" nor "driver".
describe('a lowercase name no list knows after a role that names people', () => {
  it('is a name', async () => {
    expect(await persons('farmer, keeps asking about the cattle, neighbour pauric minding them.')).toEqual(['pauric']);
    expect(await persons('refused last 30 min, rides w/ transport, driver dwayne waiting.')).toEqual(['dwayne']);
    expect(await persons('mis au calme. educ yohan a appelé le foyer', 'fr')).toEqual(['yohan']);
  });

  it('not after the care roles that a specialty, a language or a programme follows, nor an ordinary word', async () => {
    expect(await persons('revoir le 11/12. IDE stomathérapeute le matin', 'fr')).toEqual([]);
    expect(await persons('entretien difficile. Interprète bambara présent', 'fr')).toEqual([]);
    expect(await persons('consolidation complète hormis le cal claviculaire', 'fr')).toEqual([]);
    expect(await persons('the driver waiting outside, neighbour aware.')).toEqual([]);
  });
});
