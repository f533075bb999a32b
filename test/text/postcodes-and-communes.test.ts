import { describe, expect, it } from 'vitest';
import { detect } from '../../src/anonymize/text/pipeline.js';

async function places(text: string, lang: 'fr' | 'en'): Promise<string[]> {
  const { spans } = await detect(text, { lang });
  return spans.filter((s) => s.label === 'ZIP' || s.label === 'CITY').map((s) => `${s.label} ${text.slice(s.start, s.end)}`);
}

// Regression (held-out miss classes on places): Canadian postcodes and Irish Eircodes; a postcode and
// its commune in table cells ("35400;Saint-Malo"); CEDEX codes, which no commune has; a commune after
// a second context word ("habite à Lyon", "vers le SSR à La Crau") or inside "au" / "aux" ("au Tampon").
describe('postcodes and communes in more contexts', () => {
  it('finds Canadian postcodes and Irish Eircodes', async () => {
    expect(await places('Address: 220 Elm Street, Halifax NS B3H 2Y9', 'en')).toContain('ZIP B3H 2Y9');
    expect(await places('14 Merrion Square, Dublin D02 VH29', 'en')).toEqual(expect.arrayContaining(['CITY Dublin', 'ZIP D02 VH29']));
    expect(await places('ICD K50 and T12 ABCD on the form', 'en')).toEqual([]);
  });

  it('pairs a postcode and a commune across a table separator, and a CEDEX code with its commune', async () => {
    expect(await places('2710044;BERNARD;Paul;1950-01-02;29200;Brest;Dr X', 'fr')).toEqual(expect.arrayContaining(['ZIP 29200', 'CITY Brest']));
    expect(await places('CHU – 2 avenue Martin Luther King – 87042 Limoges Cedex', 'fr')).toEqual(expect.arrayContaining(['ZIP 87042']));
    expect(await places('Dosage;12345;Brest', 'fr')).not.toContain('ZIP 12345');
  });

  it('finds a commune after a second context word, and inside "au"', async () => {
    expect(await places('Il habite à Vannes depuis 2019.', 'fr')).toContain('CITY Vannes');
    expect(await places('Transfert vers le SSR à La Ciotat demain.', 'fr')).toContain('CITY La Ciotat');
    expect(await places('Elle est partie vivre au Havre chez son fils.', 'fr')).toContain('CITY Havre');
    expect(await places('on vit à saint-herblain puis à rezé', 'fr')).toEqual(['CITY saint-herblain', 'CITY rezé']);
  });

  it('does not read a drain or a sign named after someone as a town', async () => {
    expect(await places("Pose d'un drain de Redon en fin d'intervention.", 'fr')).toEqual([]);
  });
});
