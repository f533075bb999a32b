import { describe, expect, it } from 'vitest';
import { detect } from '../../src/anonymize/text/pipeline.js';
import { makeDoc } from '../../src/anonymize/text/normalize.js';
import { belgianNissValid, nationalIdSpans } from '../../src/anonymize/text/recognizers/ids-national.js';

async function ids(text: string): Promise<string[]> {
  const { spans } = await detect(text, { lang: 'fr' });
  return spans.filter((s) => s.label === 'ID').map((s) => text.slice(s.start, s.end));
}

// Regression: a Belgian national number (NISS) printed "YY.MM.DD-NNN.CC" was found only after "NISS"; in a
// register's CSV field or a table cell ("NV26-04418;31.10.04-142.71;DEWAELE", "| 15/07/1935 | 35.07.15-218.19 |")
// it went out in clear. Its printed form and its two check digits say what it is.
describe('Belgian national numbers as printed', () => {
  it('are found in a CSV field, a table cell and a bis number, with no word before them', async () => {
    expect(await ids('NV26-04418;31.10.04-142.71;DEWAELE;Georgette;95;Nivelles')).toContain('31.10.04-142.71');
    expect(await ids('| DEGROOTE Arlette | 15/07/1935 | 35.07.15-218.19 | Chimay |')).toContain('35.07.15-218.19');
    expect(await ids('M. Yonas Tesfay (numéro bis 94.43.05-189.93)')).toContain('94.43.05-189.93');
  });

  it('a wrong check, a date and a version number are no such number', () => {
    const national = (text: string) => nationalIdSpans(makeDoc(text, 'fr')).map((s) => text.slice(s.start, s.end));
    expect(national('31.10.04-142.71 31.10.04-142.72')).toEqual(['31.10.04-142.71']);
    expect(national('le 31.10.04 à 14h, version 1.2.3-142.71.5')).toEqual([]);
  });

  it('checks as the register computes it, for births before and from 2000', () => {
    expect(belgianNissValid('311004142', '71')).toBe(true);
    expect(belgianNissValid('311004142', '72')).toBe(false);
    // Born in 2019: the check runs over 2 followed by the nine digits.
    expect(belgianNissValid('190211457', '43')).toBe(true);
  });
});
