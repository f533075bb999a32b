import { describe, expect, it } from 'vitest';
import { detect } from '../../src/anonymize/text/pipeline.js';

async function found(text: string): Promise<string[][]> {
  const { spans } = await detect(text, { lang: 'fr' });
  return spans.map((s) => [s.label, text.slice(s.start, s.end)]);
}

// Regression: the postal code and commune after a street were missed when the gazetteer did not
// know the pair, and street words used as ordinary nouns ("en bonne voie", "avec passage IDE")
// were taken for addresses.
describe('French street addresses: the tail after the street, and street words in prose', () => {
  it('finds the postal code and commune after a street even when the gazetteer does not know them', async () => {
    const text = 'envoyer au 12, avenue alice laine, 03883 baron. En lien avec le service social.';
    expect(await found(text)).toEqual(expect.arrayContaining([['ADDRESS', '12, avenue alice laine'], ['ZIP', '03883'], ['CITY', 'baron']]));
    const saint = '48, boulevard nathalie peltier, 11932 saint benjamin\nTél : 01 45 39 22 10';
    expect(await found(saint)).toEqual(expect.arrayContaining([['ZIP', '11932'], ['CITY', 'saint benjamin']]));
  });

  it('does not take a street word used as an ordinary noun for an address', async () => {
    const prose = 'Cicatrisation en bonne voie Rupture de droits en 2023. Retour au domicile avec passage IDE quotidien.';
    expect((await found(prose)).filter(([label]) => label === 'ADDRESS')).toEqual([]);
    expect(await found('Adresse : place Bellecour, Lyon')).toContainEqual(['ADDRESS', 'place Bellecour']);
  });
});
