import { describe, expect, it } from 'vitest';
import { detect } from '../../src/anonymize/text/pipeline.js';

async function ids(text: string, lang: 'en' | 'fr' = 'en'): Promise<string[]> {
  const { spans } = await detect(text, { lang });
  return spans.filter((s) => s.label === 'ID').map((s) => text.slice(s.start, s.end));
}

// Regression (holdout18/30/32, read; +16 across the read sets): an Australian provider number, an NDIS number (in a
// column too), an Alberta health number after "ahcip", and a pathology lab's lowercase numbers opening a log's lines
// were left in clear.
describe('identifiers after a register word or column, and lowercase lab numbers', () => {
  it('after the word or in the column', async () => {
    expect(await ids('IDE ADEWALE-OKE – PROVIDER NO 2294617F – (08) 9821 6222')).toEqual(['2294617F']);
    expect(await ids('ws, 47, dob 1979-05-06, ahcip 35728-6601\naddress:')).toEqual(['35728-6601']);
    expect(await ids('participant_id,ndis_number,surname\nP-0412,431 882 074,KOOPMAN\nP-0419,430 557 219,STANIKZAI')).toEqual(['P-0412', '431 882 074', 'P-0419', '430 557 219']);
  });

  it('a lowercase letter code and five digits after a dash, not a disease or a virus', async () => {
    expect(await ids('dr astier-pons\n\n08:10 p26-031990 mr ferrandi – prostate', 'fr')).toEqual(['p26-031990']);
    expect(await ids('dépistage covid-19 et sars-cov-2 négatif', 'fr')).toEqual([]);
  });
});
