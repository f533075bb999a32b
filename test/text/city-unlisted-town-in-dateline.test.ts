import { describe, expect, it } from 'vitest';
import { detect } from '../../src/anonymize/text/pipeline.js';

async function cities(text: string): Promise<string[]> {
  const { spans } = await detect(text, { lang: 'fr' });
  return spans.filter((s) => s.label === 'CITY').map((s) => text.slice(s.start, s.end));
}

// Regression (holdout13 miss, then called a person by the model): a letter's dateline names its town
// before a comma and an ISO date ("Sherbrooke, 2026-11-23"); only listed towns and day-first dates were read.
describe('an unlisted town in a dateline', () => {
  it('is a CITY before a comma and a date that ends the line, ISO dates included', async () => {
    expect(await cities('Hôpital – Néphrologie\nKuujjuarapik, 2026-11-23\nUsager : M. Roy')).toEqual(['Kuujjuarapik']);
    expect(await cities('Note\nKuujjuarapik, le 24 novembre 2025\nÀ Monsieur')).toEqual(['Kuujjuarapik']);
  });

  it('a weekday, a form word, no comma, or a date inside a sentence stay no town', async () => {
    expect(await cities('Rapport de garde\nThurs, 20/11/2025\nLit 14')).toEqual([]);
    expect(await cities('Fait, le 3 mars 2024\nSignature')).toEqual([]);
    expect(await cities('Rapport\nKuujjuarapik 20/11/2025 nuit\nLit 14')).toEqual([]);
    expect(await cities('Note\nKuujjuarapik, 2026-11-23 le patient est revenu de sa visite familiale\nSuite')).toEqual([]);
  });
});
