import { describe, expect, it } from 'vitest';
import { detect } from '../../src/anonymize/text/pipeline.js';

async function zips(text: string, lang: 'fr' | 'en'): Promise<string[]> {
  const { spans } = await detect(text, { lang });
  return spans.filter((s) => s.label === 'ZIP').map((s) => text.slice(s.start, s.end));
}

// Regression (miss class "postcode with no town right after it"): letterheads print a CEDEX code with no
// commune before "CEDEX" ("37044 cedex 9"); the digits were left in clear.
describe('a French code right before CEDEX', () => {
  it('is a postcode', async () => {
    expect(await zips('Hôpital Clocheville\n49 boulevard Béranger – 37044 cedex 9 – Tél. 02 47 47 47 47', 'fr')).toEqual(['37044']);
    expect(await zips('232 BOULEVARD DE SAINTE-MARGUERITE – 13273 CEDEX 9 – TEL', 'fr')).toEqual(['13273']);
  });
});

// Regression (miss class "lowercase UK postcodes closing a sentence"): the code ended on a full stop or a
// dash in nurse notes ("lives 6 high street, golspie, kw10 6rg. she is …") and was not read.
describe('a lowercase UK postcode before a full stop or a dash', () => {
  it('is a postcode', async () => {
    expect(await zips('lives 6 high street, golspie, kw10 6rg. she is 14/40 pregnant', 'en')).toEqual(['kw10 6rg']);
    expect(await zips('home visit request mrs jones rhosneigr ll64 5ql – lymphoedema sleeve', 'en')).toEqual(['ll64 5ql']);
  });

  it('still needs the code to end there', async () => {
    expect(await zips('dose b2 4ab.x then review', 'en')).toEqual([]);
  });
});
