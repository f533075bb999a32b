import { describe, expect, it } from 'vitest';
import { detect } from '../../src/anonymize/text/pipeline.js';

async function zips(text: string): Promise<string[]> {
  const { spans } = await detect(text, { lang: 'en' });
  return spans.filter((s) => s.label === 'ZIP').map((s) => text.slice(s.start, s.end));
}

// Regression (holdout51 miss class, also in holdout18, holdout19, holdout41 and holdout49): a postcode after an
// Australian or US state written in lowercase after its town ("via isisford, qld 4731", "bruce rock wa 6418", "evans
// mills ny 13637"), and the Northern Mariana Islands' "MP" before its ZIP code, were left in clear.
describe('a postcode after a lowercase state', () => {
  it('is a postcode', async () => {
    expect(await zips('home: "wirrilla" station, via isisford, qld 4731 · parents')).toContain('4731');
    expect(await zips('resident of bruce rock residential aged care, bruce rock wa 6418')).toContain('6418');
    expect(await zips('seen at 24711 county route 47, evans mills ny 13637, cell (315) 629-4408')).toContain('13637');
    expect(await zips('Commonwealth Health Center — Garapan, Saipan, MP 96950')).toContain('96950');
  });

  it('not after a state that is an English word, nor a code of the wrong state', async () => {
    expect(await zips('we tried it or 12345 times, then in 54321 ways')).toEqual([]);
    expect(await zips('the meeting in melbourne, vic 6000 people came')).toEqual([]);
  });
});
