import { describe, expect, it } from 'vitest';
import { detect } from '../../src/anonymize/text/pipeline.js';

async function cities(text: string): Promise<string[]> {
  const { spans } = await detect(text, { lang: 'fr' });
  return spans.filter((s) => s.label === 'CITY').map((s) => text.slice(s.start, s.end));
}

// Regression (held-out false-positive class "a score read as a letter dateline"): a line opening
// with a word that is also a town and a number ("Glasgow 11 (Y3 V3 M5)", "Lille 2 …") was taken for
// "Town, 3 avril 2024". A dateline has a date: a month after the day, or a separator and digits.
describe('a letter dateline needs a date after the town', () => {
  it('keeps real datelines', async () => {
    expect(await cities('Compte rendu\nToulouse, le 3 mars 2025\nCher confrère')).toEqual(['Toulouse']);
    expect(await cities('Rapport\nRennes 12/02/2025\nMadame')).toEqual(['Rennes']);
  });

  it('drops a town-named word followed by a plain number', async () => {
    expect(await cities('Examen\nGlasgow 14 (Y4 V5 M5) à l’entrée.\nBeaune 3 points')).toEqual([]);
  });
});
