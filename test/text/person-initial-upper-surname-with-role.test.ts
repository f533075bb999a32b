import { describe, expect, it } from 'vitest';
import { detect } from '../../src/anonymize/text/pipeline.js';

async function persons(text: string, lang: 'fr' | 'en' = 'fr'): Promise<string[]> {
  const { spans } = await detect(text, { lang });
  return spans.filter((s) => s.label === 'PERSON').map((s) => text.slice(s.start, s.end));
}

// Regression (held-out miss class "initial and upper-case surname next to a role"): lab and fax
// lines sign "PAR Y. KERGOAT, BIOLOGISTE" or "pharmacien L. BRUNETIERE" with no title a rule knows.
// A species abbreviation ("S. AUREUS") has the same shape, so a role must be next to it.
describe('an initial and an upper-case surname next to a care or lab role', () => {
  it('role after, with a comma', async () => {
    expect(await persons('RESULTAT TRANSMIS PAR Y. KERGOAT, BIOLOGISTE, A 9H10')).toEqual(['Y. KERGOAT']);
  });

  it('role before', async () => {
    expect(await persons('validé par le pharmacien L. BRUNETIERE ce jour')).toEqual(['L. BRUNETIERE']);
  });

  it('no role: a species, not a person', async () => {
    expect(await persons('Hémocultures : S. AUREUS et E. COLI, antibiogramme joint')).toEqual([]);
  });
});
