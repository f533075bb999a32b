import { describe, expect, it } from 'vitest';
import { detect } from '../../src/anonymize/text/pipeline.js';

async function hospitals(text: string): Promise<string[]> {
  const { spans } = await detect(text, { lang: 'fr' });
  return spans.filter((s) => s.label === 'HOSPITAL').map((s) => text.slice(s.start, s.end));
}

// Regression: "USLD Les Glycines" was missed ("le" took the "le" of "les", leaving "s Glycines"),
// "Centre Hospitalier d'Angers" stopped before "d'Angers", lowercase "chu de reims" was missed, and
// "Maternité" at the end of a CSV row took the next row's surname as its name.
describe('French facility names', () => {
  it('keeps an article before a capitalised name, and an elided "d\'" before a town', async () => {
    expect(await hospitals('Transmissions ciblées – USLD Les Glycines\n03/05/2023')).toContain('USLD Les Glycines');
    expect(await hospitals("Adressé par le Centre Hospitalier d'Angers pour avis")).toContain("Centre Hospitalier d'Angers");
  });

  it('finds a lowercase hospital named by its town', async () => {
    expect(await hospitals('appel interne de garde, transfert au chu de reims demain')).toContain('chu de reims');
  });

  it('never runs a facility name onto the next line', async () => {
    const text = 'N\'DIAYE;Aminata;30/06/1989;Maternité\nBOYER;Kévin;11/11/2001;Urgences';
    const found = await hospitals(text);
    expect(found.some((h) => h.includes('\n'))).toBe(false);
  });

  it('does not take a service or a day unit for a town hospital', async () => {
    expect(await hospitals('prise en charge en hopital de jour puis clinique de la douleur')).toEqual([]);
  });
});
