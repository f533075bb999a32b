import { describe, expect, it } from 'vitest';
import { detect } from '../../src/anonymize/text/pipeline.js';

async function dates(text: string, lang: 'fr' | 'en'): Promise<string[]> {
  const { spans } = await detect(text, { lang });
  return spans.filter((s) => s.label === 'DATE').map((s) => text.slice(s.start, s.end));
}

// Regression (holdout25, read 2026-11-30): a full date that opens a CSV field and is followed by a comma
// and the next field's digits was read as part of a longer number, and left in clear.
describe('a full date in a CSV field', () => {
  it('is a date when the next field starts with digits', async () => {
    expect(await dates('1204304823,MCLAREN,Isobel,96,21/11/2026,22/11/2026,hemiarthroplasty', 'en')).toEqual(['21/11/2026', '22/11/2026']);
    expect(await dates('"O\'BRIEN, Tessa",02/02/1988,3210 77651 2,AW0533901', 'en')).toEqual(['02/02/1988']);
  });

  it('is part of a longer number inside prose', async () => {
    expect(await dates('valeurs 12.03.2024,5 et 7', 'fr')).toEqual([]);
  });
});
