import { describe, expect, it } from 'vitest';
import { detect } from '../../src/anonymize/text/pipeline.js';

describe('hard negatives: eponyms, scores, drugs, devices and genes stay as they are', () => {
  it.each([
    'Patient suivi pour une maladie de Parkinson évoluée.',
    'Signe de Babinski bilatéral, score de Glasgow à 15.',
    'Doliprane 1 g trois fois par jour, Kardegic 75 mg.',
    'Recherche de mutation BRCA1 et BRCA2 négative.',
    'Pose d’une sonde de Foley en fin d’intervention.',
    "Known Parkinson's disease, positive Babinski sign, Glasgow Coma Scale 15.",
    'Maladie de Crohn iléale, syndrome de Cushing exclu.',
  ])('%s', async (text) => {
    const { spans } = await detect(text, { lang: 'auto' });
    expect(spans.filter((s) => ['PERSON', 'CITY', 'HOSPITAL'].includes(s.label)).map((s) => text.slice(s.start, s.end))).toEqual([]);
  });

  it('still finds a real person after a title even with an eponym-like name', async () => {
    const text = 'Vu par le Dr Parkinson ce matin.';
    const { spans } = await detect(text, { lang: 'fr' });
    expect(spans.map((s) => [s.label, text.slice(s.start, s.end)])).toContainEqual(['PERSON', 'Parkinson']);
  });
});
