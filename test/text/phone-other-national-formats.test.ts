import { describe, expect, it } from 'vitest';
import { detect } from '../../src/anonymize/text/pipeline.js';

async function phones(text: string, lang: 'fr' | 'en'): Promise<string[]> {
  const { spans } = await detect(text, { lang });
  return spans.filter((s) => s.label === 'PHONE').map((s) => text.slice(s.start, s.end));
}

// Regression (miss class "national phone shapes outside FR / UK / NANP", with no phone word):
// Australian landlines with the area code in brackets, Swiss and Belgian numbers grouped 3-3-2-2, and
// North American numbers mixing a space and a dash.
describe('other national phone formats', () => {
  it('finds them without a phone word', async () => {
    expect(await phones('GP rooms (02) 9382 1144, fax to follow', 'en')).toEqual(['(02) 9382 1144']);
    expect(await phones('Secrétariat de pneumologie 021 314 55 02 le matin.', 'fr')).toEqual(['021 314 55 02']);
    expect(await phones('her daughter is reachable at 917 555-0199 after six', 'en')).toEqual(['917 555-0199']);
  });

  it('leaves doses and decimals alone', async () => {
    expect(await phones('dose 0.25 mg twice, INR 2.4, 012.5 ml', 'en')).toEqual([]);
  });
});
