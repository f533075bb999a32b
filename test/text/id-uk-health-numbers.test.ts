import { describe, expect, it } from 'vitest';
import { detect } from '../../src/anonymize/text/pipeline.js';
import { ukHealthNumberValid } from '../../src/anonymize/text/recognizers/ids-national.js';

async function labelled(text: string): Promise<string[]> {
  const { spans } = await detect(text, { lang: 'en' });
  return spans.filter((s) => s.label === 'ID' || s.label === 'PHONE').map((s) => `${s.label} ${text.slice(s.start, s.end)}`);
}

// Regression (miss class "UK health numbers read as phones"): NHS, H&C and CHI numbers are written
// 3-3-4 like a North American phone, and were released as PHONE when "H&C" or a few words stood between
// the name and the number.
describe('UK health numbers (NHS, H&C, CHI)', () => {
  it('checks the mod-11 digit', () => {
    expect(ukHealthNumberValid('7338201455')).toBe(true);
    expect(ukHealthNumberValid('7338201454')).toBe(false);
    expect(ukHealthNumberValid('733820145')).toBe(false);
  });

  it('are identifiers after "H&C" or "health and care number"', async () => {
    expect(await labelled('KEOWN, EUGENE   DOB 11/04/1962   H&C No: 442 918 0365')).toEqual(['ID 442 918 0365']);
    expect(await labelled('Referring Mr Doherty, 43, H&C number 320 471 6856, of Belfast')).toEqual(['ID 320 471 6856']);
    expect(await labelled('Her health and care number 320 471 6856 is on the letter')).toEqual(['ID 320 471 6856']);
  });

  it('are identifiers a few words after "NHS number" when the check digit holds', async () => {
    expect(await labelled('His NHS number for the record: 733 820 1455.')).toEqual(['ID 733 820 1455']);
  });

  it('leaves phones with a failing check digit, or with no such name before, as phones', async () => {
    expect(await labelled('His NHS number for the record: 733 820 1454.')).toEqual(['PHONE 733 820 1454']);
    expect(await labelled('No answer at 733 820 1455 this morning.')).toEqual(['PHONE 733 820 1455']);
  });
});
