import { describe, expect, it } from 'vitest';
import { detect } from '../../src/anonymize/text/pipeline.js';

async function ids(text: string): Promise<string[]> {
  const { spans } = await detect(text, { lang: 'fr' });
  return spans.filter((s) => s.label === 'ID').map((s) => text.slice(s.start, s.end));
}

// Regression (miss class "a vehicle's registration plate"): "ambulance immatriculée GH-418-TZ", "VEHICULE FJ-418-TR"
// were left in clear: three digits are too few for the compound-code rule, which keeps "ICD-10" as text.
describe('a French registration plate', () => {
  it('reads the plate as an identifier', async () => {
    expect(await ids('Véhicule : ambulance immatriculée EK-527-PB, équipage de deux.')).toContain('EK-527-PB');
  });

  it('leaves a short code that is no plate alone', async () => {
    expect(await ids('Classé ICD-10 et GB-12-CD selon le protocole.')).toEqual([]);
  });
});
