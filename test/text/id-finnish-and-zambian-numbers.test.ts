import { describe, expect, it } from 'vitest';
import { detect } from '../../src/anonymize/text/pipeline.js';
import { makeDoc } from '../../src/anonymize/text/normalize.js';
import { finnishIdCheck, nationalIdSpans } from '../../src/anonymize/text/recognizers/ids-national.js';

async function ids(text: string): Promise<string[]> {
  const { spans } = await detect(text, { lang: 'en' });
  return spans.filter((s) => s.label === 'ID').map((s) => text.slice(s.start, s.end));
}

// Regression (holdout39 miss class): Finnish personal identity codes and Zambian NRC numbers in a clinic's
// register table, with no word announcing them, went out in clear. Their printed form (and the Finnish
// check character) say what they are.
describe('Finnish identity codes and Zambian NRC numbers', () => {
  it('are found in a table cell with no word before them', async () => {
    expect(await ids('| Mattias Eriksson | 120478-147U | Hammarsboda 6 | Jomala |')).toContain('120478-147U');
    expect(await ids('| Elsa Lindholm | 180118A4087 | Norra Esplanadgatan 9 |')).toContain('180118A4087');
    expect(await ids('| 1 | Mweemba Bright | 304518/72/1 | 38 | Nakambala |')).toContain('304518/72/1');
  });

  it('a wrong check character, an impossible date or a longer slashed run is no such number', () => {
    const national = (text: string) => nationalIdSpans(makeDoc(text, 'en')).map((s) => text.slice(s.start, s.end));
    expect(national('120478-147U 120478-147V 321378-147U')).toEqual(['120478-147U']);
    expect(national('ratio 304518/72/1/4 and 304518/72/9')).toEqual([]);
  });

  it('computes the check character as the population register does', () => {
    // The register's own example: 131052-308T.
    expect(finnishIdCheck('131052', '308')).toBe('T');
  });
});
