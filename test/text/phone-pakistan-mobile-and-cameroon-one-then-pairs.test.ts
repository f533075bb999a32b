import { describe, expect, it } from 'vitest';
import { detect } from '../../src/anonymize/text/pipeline.js';

async function labelled(text: string): Promise<string[]> {
  const { spans } = await detect(text, { lang: 'auto' });
  return spans.map((s) => `${s.label}:${text.slice(s.start, s.end)}`);
}

// Regression (holdout52 miss class): Pakistan's mobiles ("0301-7742196": the network's four digits and seven after a
// dash) matched no phone shape and went out in clear; Cameroon's mobiles grouped one digit then four pairs ("6 51 82
// 03 47") were taken for an identifier.
describe("a Pakistani mobile and a Cameroonian mobile grouped 1-2-2-2-2", () => {
  it('are phones', async () => {
    expect(await labelled('Brother in Sahiwal will come, phone 0345-2219876, by the night bus.')).toContain('PHONE:0345-2219876');
    expect(await labelled('Mobile of the father 0312-6604417.')).toContain('PHONE:0312-6604417');
    expect(await labelled('Personne à prévenir : son frère — 6 77 41 82 90')).toContain('PHONE:6 77 41 82 90');
  });

  it('leave longer digit runs and other dashed codes alone', async () => {
    const found = await labelled('CNIC 35202-4418273-5 and batch 0301-77421963 and case 1-0345-2219876.');
    expect(found.filter((f) => f.startsWith('PHONE:'))).toEqual([]);
  });
});
