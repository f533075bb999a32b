import { describe, expect, it } from 'vitest';
import { detect } from '../../src/anonymize/text/pipeline.js';

async function persons(text: string, lang: 'fr' | 'en'): Promise<string[]> {
  const { spans } = await detect(text, { lang });
  return spans.filter((s) => s.label === 'PERSON').map((s) => text.slice(s.start, s.end));
}

// Regression (held-out miss class "names": a surname after a care role, a first name with an
// initial): "IDE Schmitt" and "Sandrine P." were missed or found under another label.
describe('names after a care role, and a first name with an initial', () => {
  it('finds a surname after a French or English care role', async () => {
    expect(await persons('Soins faits par IDE Kowalczyk, relève avec interne Haddad.', 'fr')).toEqual(['Kowalczyk', 'Haddad']);
    expect(await persons('Scan acquired by technologist R. Okonkwo; physio Brennan reviewed.', 'en')).toEqual(['R. Okonkwo', 'Brennan']);
  });

  it('leaves a service or an activity after a role alone', async () => {
    expect(await persons('IDE Planning, AS Bloc, IDE Nuit.', 'fr')).toEqual([]);
    expect(await persons('PT Eval booked, OT Review pending.', 'en')).toEqual([]);
  });

  it('finds a known first name followed by an initial', async () => {
    expect(await persons('Message laissé par Nathalie G. ce matin.', 'fr')).toEqual(['Nathalie G.']);
    expect(await persons('Voir le point A. du protocole.', 'fr')).toEqual([]);
  });
});
