import { describe, expect, it } from 'vitest';
import { detect } from '../../src/anonymize/text/pipeline.js';

async function labelled(text: string): Promise<string[]> {
  const { spans } = await detect(text, { lang: 'en' });
  return spans.filter((s) => s.label === 'PHONE' || s.label === 'ID').map((s) => `${s.label} ${text.slice(s.start, s.end)}`);
}

// Regression (holdout12 and holdout13 miss class): numbers every phone plan dials were taken for long
// identifiers because no phone shape knew them: a British area code of six digits with its 0
// ("016977 42 118"), and a '+' number with five local digits ("+685 21 212", eight in all).
describe('phones the shapes missed', () => {
  it('a UK number with a six-digit area code, grouped or not', async () => {
    expect(await labelled('Also: sheep flock sampled. Farm phone 017683 51 204.')).toEqual(['PHONE 017683 51 204']);
    expect(await labelled('| Low Row Farm | 06:45 | NWAS PTS | 016977 42 118 |')).toEqual(['PHONE 016977 42 118']);
    expect(await labelled('ring the surgery on 016977 42118 tomorrow')).toEqual(['PHONE 016977 42118']);
  });

  it('a "+" number of eight digits', async () => {
    expect(await labelled('spoke to Dr Toleafoa by phone +685 21 212 this morning')).toEqual(['PHONE +685 21 212']);
  });

  it('shorter "+" groups and identifiers keep their reading', async () => {
    expect(await labelled('PEEP +5 10 12 14 then weaned')).toEqual([]);
    expect(await labelled('NHS 468 123 4567 on file')).toEqual(['ID 468 123 4567']);
  });
});
