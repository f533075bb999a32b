import { describe, expect, it } from 'vitest';
import { detect } from '../../src/anonymize/text/pipeline.js';

async function hospitals(text: string): Promise<string[]> {
  const { spans } = await detect(text, { lang: 'fr' });
  return spans.filter((s) => s.label === 'HOSPITAL').map((s) => text.slice(s.start, s.end));
}

// Regression: "USLD Les Glycines" was missed ("le" took the "le" of "les", leaving "s Glycines"),
// "Centre Hospitalier d'Angers" stopped before "d'Angers", and lowercase "chu de reims" was missed.
describe('French facility names', () => {
  it('keeps an article before a capitalised name, and an elided "d\'" before a town', async () => {
    expect(await hospitals('Transmissions ciblées – USLD Les Glycines\n03/05/2023')).toContain('USLD Les Glycines');
    expect(await hospitals("Adressé par le Centre Hospitalier d'Angers pour avis")).toContain("Centre Hospitalier d'Angers");
  });

  it('finds a lowercase hospital named by its town', async () => {
    expect(await hospitals('appel interne de garde, transfert au chu de reims demain')).toContain('chu de reims');
  });

  it('does not take a service or a day unit for a town hospital', async () => {
    expect(await hospitals('prise en charge en hopital de jour puis clinique de la douleur')).toEqual([]);
  });
});
