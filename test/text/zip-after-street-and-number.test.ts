import { describe, expect, it } from 'vitest';
import { detect } from '../../src/anonymize/text/pipeline.js';

async function zips(text: string): Promise<string[]> {
  const { spans } = await detect(text, { lang: 'fr' });
  return spans.filter((s) => s.label === 'ZIP').map((s) => text.slice(s.start, s.end));
}

// Regression (holdout40 miss class): Belgian, Swiss and Luxembourg addresses put the house number after the street
// and the four-digit code before the town; the code was taken only before a town a list knows, written with a
// capital and after a comma, so "rue des coteaux 8, 4190 ferrieres" and "… 112 à 7090 Hennuyères" kept theirs.
describe('four digits after a street and its number', () => {
  it('are a postcode whatever the town after them', async () => {
    expect(await zips('domicile rue des coteaux 8, 4190 ferrieres (be)')).toEqual(['4190']);
    expect(await zips('mordu pendant sa tournée, rue de la Station 112 à 7090 Hennuyères, par un chien')).toEqual(['7090']);
    expect(await zips('He lives rue de la Sûre 14, L-9156 Heiderscheid.')).toEqual(['L-9156']);
  });

  it('leaves a year after a street alone', async () => {
    expect(await zips('Vit rue du Port 3 depuis 2019 avec sa fille.')).toEqual([]);
  });
});
