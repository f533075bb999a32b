import { describe, expect, it } from 'vitest';
import { detect } from '../../src/anonymize/text/pipeline.js';

async function found(text: string, label: string): Promise<string[]> {
  const { spans } = await detect(text, { lang: 'fr' });
  return spans.filter((s) => s.label === label).map((s) => text.slice(s.start, s.end));
}

// Regression (fourth round, class "OCR letters in a group of their own, in a day and month, in a
// NIR"): a group read entirely as letters ("OO"), a four-digit day/month and a NIR with misread
// digits were left in the text.
describe('digits misread as letters: letter-only groups, day and month, NIR', () => {
  it('reads a phone whose last group is only letters', async () => {
    expect(await found('Cabinet - O5 61 33 l8 OO', 'PHONE')).toEqual(['O5 61 33 l8 OO']);
  });

  it('reads a day and a month with misread digits', async () => {
    expect(await found('lO/O4 : pansement refait', 'DATE')).toEqual(['lO/O4']);
  });

  it('reads a NIR with misread digits when its key checks', async () => {
    // 1 52 07 75 114 208 (key 09), printed with O for 0.
    expect(await found('N° SS : 1 52 O7 75 114 2O8 O9', 'ID')).toEqual(['1 52 O7 75 114 2O8 O9']);
  });

  it('leaves words alone', async () => {
    expect(await found('Il a 2 ans, sous O2 2l/min', 'DATE')).toEqual([]);
  });
});
