import { describe, expect, it } from 'vitest';
import { detect } from '../../src/anonymize/text/pipeline.js';

async function cities(text: string, lang: 'fr' | 'en'): Promise<string[]> {
  const { spans } = await detect(text, { lang });
  return spans.filter((s) => s.label === 'CITY').map((s) => text.slice(s.start, s.end));
}

// Regression: the town after an English street ("12 birch lane, springfield") and a lowercase
// commune after a facility in a note header ("clinique du Val d'Ouest, ecully", "(vannes)") were missed.
describe('towns after a street or a facility name', () => {
  it('finds the town after an English street, with or without a state or postcode', async () => {
    expect(await cities('dispo: home w husband to 12 birch lane, springfield. f/u in clinic', 'en')).toContain('springfield');
    const dayton = 'client george whitaker, 1840 maple avenue, dayton oh 45402\nwound care';
    expect(await cities(dayton, 'en')).toContain('dayton');
    const { spans } = await detect(dayton, { lang: 'en' });
    expect(spans.filter((s) => s.label === 'ZIP').map((s) => dayton.slice(s.start, s.end))).toEqual(['45402']);
    expect(await cities("St Mary's Hospital\nPraed Street, London W2 1NY\nTel: 020 3312 6666", 'en')).toContain('London');
  });

  it('finds a lowercase commune after a comma or in parentheses at the end of a header', async () => {
    expect(await cities("compte rendu operatoire – clinique du Val d'Ouest, ecully\ndate : 03.04.23", 'fr')).toContain('ecully');
    expect(await cities('transmission soir – ehpad la roseraie (vannes)\nmr guegan : calme', 'fr')).toContain('vannes');
  });

  it('leaves ordinary words in the same places alone', async () => {
    expect(await cities('douleur abdominale, fatigue\nbilan (normal)\nvu ce jour, stable', 'fr')).toEqual([]);
    expect(await cities('she walks 2 blocks, slowly.\nplan: home, rest', 'en')).toEqual([]);
  });
});
