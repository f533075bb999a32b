import { describe, expect, it } from 'vitest';
import { detect } from '../../src/anonymize/text/pipeline.js';

async function labelled(text: string): Promise<string[]> {
  const { spans } = await detect(text, { lang: 'en' });
  return spans.filter((s) => s.label === 'DATE' || s.label === 'ID').map((s) => `${s.label} ${text.slice(s.start, s.end)}`);
}

// Regression (miss class "an export's date in its file name"): "patient_list_20261127.csv" went out as a
// long-number identifier (shifted as no date), "CR_IRM_Guillot_251126.pdf" in clear.
describe('a date in a file name', () => {
  it('is a date in its compact forms', async () => {
    expect(await labelled('Attached: patient_list_20261127.csv')).toEqual(['DATE 20261127']);
    expect(await labelled('Pièce jointe : CR_IRM_Guillot_251126.pdf')).toEqual(['DATE 251126']);
    expect(await labelled('source perinatal_referrals_far_north_sa_2026-11.csv')).toEqual(['DATE 2026-11']);
  });

  it('needs a valid day, and a file name around it', async () => {
    expect(await labelled('lot_20261399.csv received')).toEqual(['ID 20261399']);
    expect(await labelled('scan ABC_123456.pdf attached')).toEqual([]);
  });
});
