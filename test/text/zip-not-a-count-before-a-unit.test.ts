import { describe, expect, it } from 'vitest';
import { detect } from '../../src/anonymize/text/pipeline.js';

const zips = async (text: string) =>
  (await detect(text, { lang: 'auto' })).spans.filter((s) => s.label === 'ZIP').map((s) => text.slice(s.start, s.end));

// A count written in thousands before a unit in capitals ("peak CK 48 000 U/L") was read as a spaced postcode.
describe('a count in thousands before a unit', () => {
  it('is no postcode', async () => {
    const text = 'Rhabdomyolysis: peak CK 37 500 U/L on day 2; leucocytes 12 000 G/L.';
    expect(await zips(text)).toEqual([]);
  });

  it('still reads a spaced postcode before a capitalised town', async () => {
    expect(await zips('Domicile : 12 rue des Lilas, 75 011 Paris.')).toContain('75 011');
  });
});
