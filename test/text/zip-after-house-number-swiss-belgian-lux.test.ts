import { describe, expect, it } from 'vitest';
import { detect } from '../../src/anonymize/text/pipeline.js';

async function labelled(text: string): Promise<string[]> {
  const { spans } = await detect(text, { lang: 'fr' });
  return spans.map((s) => `${s.label}:${text.slice(s.start, s.end)}`);
}

// Regression (holdout48 to holdout51 miss class, also in holdout4 to holdout40): a Swiss, Belgian or Luxembourg
// postcode of four digits after a street's house number ("Hauptstrasse 41, 2532 Macolin", "Rue de la Gruère 7⏎2350
// Saignelégier") or with its country's letters ("CH-4053 Basel", "L-9964 HULDANGE") was left in clear.
describe('a four-digit postcode after a house number, or with its country letters', () => {
  it('is a postcode, its town a town', async () => {
    expect(await labelled('Adresse : Hauptstrasse 41, 2532 Macolin    Tel. : 076 381 22 94')).toEqual(expect.arrayContaining(['ZIP:2532', 'CITY:Macolin']));
    expect(await labelled('Mme Kowalski-Brandt\nRue de la Gruère 7\n2350 Saignelégier\n\nConcerne : Ava')).toContain('ZIP:2350');
    expect(await labelled('UZ Brussel – Laarbeeklaan 101, 1090 Jette\nPatiënt / patient')).toContain('ZIP:1090');
    expect(await labelled('Domicile : Güterstrasse 118, CH-4053 Basel    Tél. +41 61 273 58 40')).toContain('ZIP:CH-4053');
    expect(await labelled('ADRESSE : MAISON 23, DUERFSTROOSS – L-9964 HULDANGE')).toContain('ZIP:L-9964');
  });

  it('not a date, a time or a rural route', async () => {
    const found = await labelled('Admission: February 2, 2024   Discharge: February 9, 2024\nHb 98\n0900  NE0513370\n"RR 1, 3312 Line 4 North","Coldwater"');
    expect(found.filter((l) => l.startsWith('ZIP:'))).toEqual([]);
  });
});
