import { describe, expect, it } from 'vitest';
import { detect } from '../../src/anonymize/text/pipeline.js';

async function ids(text: string): Promise<string[]> {
  const { spans } = await detect(text, { lang: 'fr' });
  return spans.filter((s) => s.label === 'ID').map((s) => text.slice(s.start, s.end));
}

// Regression (holdout40/holdout41 miss class, 8 numbers across the read sets, none found): Belgian mutual insurers
// number their members by "affiliation" ("Mutualité chrétienne, n° d'affiliation 121-0448831-07", "SOLIDARIS,
// AFFILIATION 168/29431/57"); the word introduced no identifier.
describe("a mutual insurer's affiliation number", () => {
  it('is an identifier', async () => {
    expect(await ids("Mutualité : Mutualité chrétienne, n° d'affiliation 121-0448831-07.")).toEqual(['121-0448831-07']);
    expect(await ids('MUTUELLE : SOLIDARIS, AFFILIATION 168/29431/57')).toEqual(['168/29431/57']);
  });
});
