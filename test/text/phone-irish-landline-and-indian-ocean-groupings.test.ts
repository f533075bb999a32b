import { describe, expect, it } from 'vitest';
import { detect } from '../../src/anonymize/text/pipeline.js';

async function labelled(text: string): Promise<string[]> {
  const { spans } = await detect(text, { lang: 'auto' });
  return spans.map((s) => `${s.label}:${text.slice(s.start, s.end)}`);
}

// Regression (holdout48 and read-set miss class): Irish landlines with a three-digit area code ("058 45 617"), Irish
// lo-call numbers ("1850 334 999"), and Seychelles and Mauritius numbers grouped 1-3-3 or 1-3-4 ("2 814 306",
// "5 728 4410") were read as identifiers or not at all.
describe('phones of Ireland and the Indian Ocean by their grouping', () => {
  it('are phones', async () => {
    const found = await labelled("Quay Clinic, Dungarvan | 058 45 617 | CORU\nCaredoc on 1850 334 999 tonight.\nnon, 2 814 306. Mon travay lo Constance.\nCall me 5 728 4410 if any problem.");
    expect(found).toEqual(expect.arrayContaining(['PHONE:058 45 617', 'PHONE:1850 334 999', 'PHONE:2 814 306', 'PHONE:5 728 4410']));
  });

  it('leave a card number, an amount and a number glued to letters', async () => {
    const found = await labelled('numéro CPS de tehei 2 138 442\nprix 1 250 000 FCFA\nPHIN 1O9 448 217\ncafat c 0 384 219');
    expect(found.filter((f) => f.startsWith('PHONE:'))).toEqual([]);
  });
});
