import { describe, expect, it } from 'vitest';
import { detect } from '../../src/anonymize/text/pipeline.js';

async function ids(text: string, lang: 'en' | 'fr'): Promise<string[]> {
  const { spans } = await detect(text, { lang });
  return spans.filter((s) => s.label === 'ID').map((s) => text.slice(s.start, s.end));
}

// Regression (holdout52 miss class, also in holdout39, holdout40 and holdout48): numbers after the words of schemes no
// rule knew went out in clear: New Caledonia's CAFAT, Andorra's CASS, a French stay's "venue" number, Luxembourg's
// "code médecin", and an Australian unit record number after "urn" in a lowercase note.
describe('an identifier after CAFAT, CASS, venue, code médecin or a lowercase urn', () => {
  it('is an identifier', async () => {
    expect(await ids('Patiente : X — CAFAT 2209418 — tribu de Y', 'fr')).toEqual(['2209418']);
    expect(await ids('Número CASS 0921346.', 'fr')).toEqual(['0921346']);
    expect(await ids('IPP 770112345 — Venue 2611-40219', 'fr')).toEqual(['770112345', '2611-40219']);
    expect(await ids('Dr Z, pneumologue — code médecin 220931-41', 'fr')).toEqual(['220931-41']);
    expect(await ids('pt: doe, jan, 61 f, urn 0719244, lives out of town', 'en')).toEqual(['0719244']);
  });

  it('leaves a visit time and an urn without digits alone', async () => {
    expect(await ids('Venue à 14h30 pour le bilan, venue 2 fois cette semaine.', 'fr')).toEqual([]);
    expect(await ids('the ashes were put in an urn on the mantelpiece', 'en')).toEqual([]);
  });
});
