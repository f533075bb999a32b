import { describe, expect, it } from 'vitest';
import { detect } from '../../src/anonymize/text/pipeline.js';

async function ids(text: string): Promise<string[]> {
  const { spans } = await detect(text, { lang: 'fr' });
  return spans.filter((s) => s.label === 'ID').map((s) => text.slice(s.start, s.end));
}

// Regression (miss class "a stay number after 'séjour' or 'séj.' alone", holdout28, 30, 43): the word names the
// stay's number as "n° de séjour" does; a stay's length after it is no number.
describe('a stay number after séjour or séj.', () => {
  it('reads the number', async () => {
    expect(await ids('IPP 27045518 – séjour 2611807, né à 34 SA')).toEqual(['27045518', '2611807']);
    expect(await ids('NIP 0004471829  séj. 26-118304')).toEqual(['0004471829', '26-118304']);
    expect(await ids('IPP : CTV-0217734      Séjour : 2611-04982')).toEqual(['CTV-0217734', '2611-04982']);
  });

  it('leaves a length of stay alone', async () => {
    expect(await ids('durée de séjour 12 jours, séjour en réanimation de 3 j')).toEqual([]);
  });
});
