import { describe, expect, it } from 'vitest';
import { detect } from '../../src/anonymize/text/pipeline.js';

async function addresses(text: string): Promise<string[]> {
  const { spans } = await detect(text, { lang: 'fr' });
  return spans.filter((s) => s.label === 'ADDRESS').map((s) => text.slice(s.start, s.end));
}

// Regressions (dev, holdout3, holdout5, holdout11, holdout13 misses).
describe('street parts the rules left as text', () => {
  it('a Breton street word, "hent", leads a street as "rue" does', async () => {
    expect(await addresses('Yannick Le Goff\nHent Kerbiquet\n22200 Guingamp')).toEqual(['Hent Kerbiquet']);
    expect(await addresses('Départ : domicile, 5 hent Kerfeunteun, 29000 Quimper')).toEqual(['5 hent Kerfeunteun']);
  });

  it('a BP box before an en dash and its postcode', async () => {
    expect(await addresses('Clinique du Parc\nBP 40217 – 67005 Strasbourg Cedex\nTél.')).toEqual(['BP 40217']);
  });

  it('a street is not opened by the last digits of a number before it (which a surer identifier takes, dropping the street whole)', async () => {
    expect(await addresses('NISS 70.02.14-233.55, Rue de Nimy 58, 7000 Mons')).toEqual(['Rue de Nimy 58']);
    expect(await addresses('domicile 12 rue Victor Hugo, 69200 Vénissieux')).toEqual(['12 rue Victor Hugo']);
  });
});
