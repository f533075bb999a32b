import { describe, expect, it } from 'vitest';
import { detect } from '../../src/anonymize/text/pipeline.js';

async function places(text: string): Promise<string[]> {
  const { spans } = await detect(text, { lang: 'fr' });
  return spans.filter((s) => s.label === 'CITY' || s.label === 'ZIP').map((s) => `${s.label} ${text.slice(s.start, s.end)}`);
}

// Regression (held-out miss class "postcodes outside their usual context"): a commune followed by
// its own postal code in brackets was missed; the pair is checked against the commune gazetteer.
describe('a commune with its postal code in brackets', () => {
  it('finds the commune and the code when the gazetteer has the pair', async () => {
    expect(await places('Adresse : Lieu-dit Kervennec, Quimperlé (29300).')).toContain('ZIP 29300');
    expect(await places('Adresse : Lieu-dit Kervennec, Quimperlé (29300).')).toContain('CITY Quimperlé');
    expect(await places('Transfert depuis Montluçon (03100) hier')).toEqual(['CITY Montluçon', 'ZIP 03100']);
  });

  it('leaves a number in brackets alone when no commune has it', async () => {
    expect(await places('Résultat Hémoglobine (12345) normal')).toEqual([]);
  });
});
