import { describe, expect, it } from 'vitest';
import { detect } from '../../src/anonymize/text/pipeline.js';

const labelled = async (text: string) => (await detect(text, { lang: 'auto' })).spans.map((s) => `${s.label} ${text.slice(s.start, s.end)}`);

// Regression (miss class "a postcode after its own label, with no town beside it"): "postal code 63040", "CODE POSTAL DU
// DOMICILE : 17480", "CP : 20114" went out in clear or as a registry number: the postcode rules read one by its town.
describe('a postcode after its label', () => {
  it('is a postcode in English and French forms', async () => {
    expect(await labelled('She lives in Aewol, postal code 63040. Mobile phone to follow.')).toContain('ZIP 63040');
    expect(await labelled('CODE POSTAL DU DOMICILE : 17480\nCOMMUNE : LE CHÂTEAU-D\'OLÉRON')).toContain('ZIP 17480');
    expect(await labelled('ADRESSE : HAMEAU DE TIZZARELLA   CP : 20114   COMMUNE : FIGARI')).toContain('ZIP 20114');
  });

  it('is no postcode for a measure after "CP"', async () => {
    expect((await labelled('CP 2 cm, CP 3.5')).filter((s) => s.startsWith('ZIP'))).toEqual([]);
  });
});
