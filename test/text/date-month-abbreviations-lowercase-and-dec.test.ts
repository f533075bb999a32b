import { describe, expect, it } from 'vitest';
import { detect } from '../../src/anonymize/text/pipeline.js';

async function dates(text: string, lang: 'fr' | 'en' = 'en'): Promise<string[]> {
  const { spans } = await detect(text, { lang });
  return spans.filter((s) => s.label === 'DATE').map((s) => text.slice(s.start, s.end));
}

// Regression (holdout19 and holdout20, first scored 2026-11-30): a shelter's lowercase log ("nov 20:
// tyler …") and "physio on 2 Dec" left their dates in clear: lowercase month abbreviations were never
// read, and "Dec", "Mar", "Sep" without a year were refused even capitalised.
describe('month abbreviations without a year', () => {
  it('are dates in lowercase English logs, for the months that are no other word', async () => {
    expect(await dates('Shelter log\nnov 20: new guest, c/o chest pain.\nfeb 3: wound check, healing.')).toEqual(['nov 20', 'feb 3']);
  });

  it('are dates capitalised after the day, Dec, Mar and Sep included', async () => {
    expect(await dates("He's booked for physio on 2 Dec, can you confirm?")).toEqual(['2 Dec']);
    expect(await dates('ORIF on 14 Mar, then rehab.')).toEqual(['14 Mar']);
  });

  it('are not dates where the abbreviation is a word or a code', async () => {
    expect(await dates('insulin dec 2 units tonight; sep 3 drains in place; MAR 12 signed.')).toEqual([]);
    expect(await dates('dose dec 2 mg then stop')).toEqual([]);
  });
});
