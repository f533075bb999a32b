import { describe, expect, it } from 'vitest';
import { detect } from '../../src/anonymize/text/pipeline.js';
import { makeDoc } from '../../src/anonymize/text/normalize.js';
import { luhnValid, nationalIdSpans, nricCheck } from '../../src/anonymize/text/recognizers/ids-national.js';

async function ids(text: string): Promise<string[]> {
  const { spans } = await detect(text, { lang: 'en' });
  return spans.filter((s) => s.label === 'ID').map((s) => text.slice(s.start, s.end));
}

// Regression (holdout29 miss class): South African identity numbers and Singapore NRIC/FIN numbers in CSV
// day lists, with no word announcing them, went out in clear. Their form and check digit say what they are.
describe('South African identity and Singapore NRIC/FIN numbers', () => {
  it('are found anywhere when their check digit holds', async () => {
    expect(await ids('08:30,PPH-548731,MATHEBULA,Tsakani,3511020144088,91,weekly paclitaxel')).toContain('3511020144088');
    expect(await ids('07:30,TTSH-1049822,LIM AH HUAT,S3302218B,14-02-1933,93,MIBI')).toContain('S3302218B');
    expect(await ids('referred with FIN G5160384U for lymphoscintigraphy')).toContain('G5160384U');
  });

  it('a wrong check digit, an impossible birth date or another letter series is no such number', () => {
    const national = (text: string) => nationalIdSpans(makeDoc(text, 'en')).map((s) => text.slice(s.start, s.end));
    expect(national('3511020144088 3511020144089 3513020144080')).toEqual(['3511020144088']);
    expect(national('S3302218B S3302218C X3302218B')).toEqual(['S3302218B']);
  });

  it('checks as the issuers compute them', () => {
    expect(luhnValid('5908175713089')).toBe(true);
    expect(luhnValid('5908175713088')).toBe(false);
    expect(nricCheck('S', '3302218')).toBe('B');
    expect(nricCheck('T', '0276521')).toBe('C');
    expect(nricCheck('G', '5160384')).toBe('U');
  });
});
