import { describe, expect, it } from 'vitest';
import { detect } from '../../src/anonymize/text/pipeline.js';

async function cities(text: string, lang: 'fr' | 'en' = 'en'): Promise<string[]> {
  const { spans } = await detect(text, { lang });
  return spans.filter((s) => s.label === 'CITY').map((s) => text.slice(s.start, s.end));
}

// Regression (holdout5, holdout13 misses): a journey written with an arrow ("Flight: Colombo → London")
// names two places; an unlisted one was left as text or called a person.
describe('the towns around an arrow', () => {
  it('a listed town, and an unknown capitalised name on the other side', async () => {
    expect(await cities('Flight: Colombo → London, then road ambulance home')).toEqual(['Colombo', 'London']);
    expect(await cities('rapatriement le 23/11/2026 (Praia → Rennes)', 'fr')).toEqual(['Praia', 'Rennes']);
  });

  it('services, acronyms, facilities and ordinary words around an arrow stay no town', async () => {
    expect(await cities('Fiche de liaison CeGIDD → CSAPA – 19/11', 'fr')).toEqual([]);
    expect(await cities('soins : SAMU → CHU Dijon Bourgogne', 'fr')).toEqual([]);
    expect(await cities('Hb 9 → 11, Urgences → Bloc', 'fr')).toEqual([]);
  });
});
