import { describe, expect, it } from 'vitest';
import { detect } from '../../src/anonymize/text/pipeline.js';

async function found(text: string, lang: 'fr' | 'en'): Promise<string[]> {
  const { spans } = await detect(text, { lang });
  return spans.map((s) => `${s.label} ${text.slice(s.start, s.end)}`);
}

// Regression (held-out miss class "digits typed or scanned as letters"): phones, dates and postcodes
// with O for 0 or l/I for 1 were missed. The letters are read as digits only inside number-shaped tokens.
describe('digits written as the letters O, o, I, l', () => {
  it('finds a phone, a date and a postcode with letter digits, offsets in the original', async () => {
    expect(await found('joindre la fille au O7 12 3l 44 9O svp', 'fr')).toContain('PHONE O7 12 3l 44 9O');
    expect(await found('Call back on 617 555 Ol42 after lunch.', 'en')).toContain('PHONE 617 555 Ol42');
    expect(await found('Scan report dated O3/1I/2O23 attached.', 'en')).toContain('DATE O3/1I/2O23');
    expect(await found('Home: 14 Oak Rd, Albany NY 122O8', 'en')).toContain('ZIP 122O8');
  });

  it('leaves oxygen, litres and short codes alone', async () => {
    const text = 'sous O2 2l/min, sat 94 %, lO mg de furosémide';
    expect((await found(text, 'fr')).filter((s) => /^(PHONE|DATE|ZIP)/.test(s))).toEqual([]);
  });
});
