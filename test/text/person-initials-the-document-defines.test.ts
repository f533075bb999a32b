import { describe, expect, it } from 'vitest';
import { detect } from '../../src/anonymize/text/pipeline.js';

async function persons(text: string): Promise<string[]> {
  const { spans } = await detect(text, { lang: 'en' });
  return spans.filter((s) => s.label === 'PERSON').map((s) => text.slice(s.start, s.end));
}

// Regression (holdout44 and holdout15 miss class, read while mining holdout51): a chart signed by initials that its key
// defines ("Key: FG = Fiona Gunn, midwife"), and initials defined in brackets ("(JT – Jess Tolley, HCA)"), left every
// use of the initials in clear.
describe('initials the document defines for a person', () => {
  it('name the person wherever they are used', async () => {
    const chart = 'Loading dose given 22:48–23:03 by FG / checked AM\n| 00:05 | 168/108 | FG\n| 04:05 | 148/94  | AM\n\nKey: FG = Fiona Gunn, midwife; AM = Alasdair Munro, staff nurse';
    const found = await persons(chart);
    expect(found.filter((p) => p === 'FG')).toHaveLength(3);
    expect(found.filter((p) => p === 'AM')).toHaveLength(3);
    expect(await persons('Evaluation 24/11/2026 (JT – Jess Tolley, HCA): leaking less.')).toContain('JT');
  });

  it('not an acronym the text defines, nor a time', async () => {
    const found = await persons('CT = Computed Tomography, done at 10 AM.\nAM = Alasdair Munro');
    expect(found).not.toContain('CT');
    expect(found.filter((p) => p === 'AM')).toHaveLength(1);
  });
});
