import { describe, expect, it } from 'vitest';
import { detect } from '../../src/anonymize/text/pipeline.js';

async function zips(text: string, lang: 'en' | 'fr' = 'en'): Promise<string[]> {
  const { spans } = await detect(text, { lang });
  return spans.filter((s) => s.label === 'ZIP').map((s) => text.slice(s.start, s.end));
}

// Regression (holdout29 miss class): postcodes written as Luxembourg ("L-9530 Wiltz"), Singapore ("Outram Road,
// S169608") and South Africa ("Durban, 4091" ending the line) write them went out in clear, or as an ID.
describe('postcodes in other countries\u2019 address forms', () => {
  it('a country letter before the code and a listed town after it', async () => {
    expect(await zips('Adresse / Address : 12, Grand-Rue, L-9530 Wiltz', 'fr')).toEqual(['L-9530']);
  });

  it('Singapore\u2019s S and six digits after a street or a unit on the same line', async () => {
    expect(await zips('Blk 512 Tampines Street 51, #08-214, S520512\nReferring: Dr Goh')).toEqual(['S520512']);
    expect(await zips('07:30,TTSH-1049822,LIM AH HUAT,S330221,14-02-1933')).toEqual([]);
  });

  it('four digits after a listed town and a comma, ending the line', async () => {
    expect(await zips('12 Mzimela Road, Cato Manor, Durban, 4091\nTel: +27 31 240 1711')).toEqual(['4091']);
    expect(await zips('Widmar Centre, 24 Main Road\nHowick, 3290\n\nDear Dr Mkhize,')).toEqual(['3290']);
    expect(await zips('Seen in Durban, 2019\nand again in Howick, 2021')).toEqual([]);
  });
});

