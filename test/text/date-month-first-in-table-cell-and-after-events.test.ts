import { describe, expect, it } from 'vitest';
import { detect } from '../../src/anonymize/text/pipeline.js';

async function dates(text: string): Promise<string[]> {
  const { spans } = await detect(text, { lang: 'en' });
  return spans.filter((s) => s.label === 'DATE').map((s) => text.slice(s.start, s.end));
}

// Regression (holdout20–22, read 2026-11-30): an English month-first day without a year was found only
// after a word that introduces a date or alone at a line start; in a table cell, or after an event of
// care (discharged, died, culture, call), it went out in clear.
describe('month-first days without a year', () => {
  it('are dates alone in a table cell', async () => {
    expect(await dates('| Date | Dressing | Nurse |\n|---|---|---|\n| 11/16 | Unna boot | T. Ishikawa |')).toEqual(['11/16']);
  });

  it('are dates after an event of care', async () => {
    expect(await dates('Sputum culture 10/30 negative. Discharged 11/19, died 11/21.')).toEqual(['10/30', '11/19', '11/21']);
    expect(await dates('Follow-up upload call 11/25; clinic visit 12/14.')).toEqual(['11/25', '12/14']);
  });

  it('are still counts after other words or inside a sentence cell', async () => {
    expect(await dates('Lymph nodes 3/28 positive.')).toEqual([]);
    expect(await dates('| Nodes | 3/28 positive |')).toEqual([]);
  });
});

// Regression: a follow-up date with both numbers 12 or under ("next one 5/12", "recheck 8/12") or after
// "f/u" stayed in clear: the month-first scan wanted a day over 12 or no cue.
describe('an English follow-up date with small numbers', () => {
  it('is a date after a word that says a day comes', async () => {
    expect(await dates('Aoife M: yes given Thursday, next one 5/12. Her MRN is on file.')).toContain('5/12');
    expect(await dates('Bumped allopurinol to 200, recheck 8/12.')).toEqual(['8/12']);
    expect(await dates('A/P: foot care, dry socks, f/u 11/25.')).toEqual(['11/25']);
  });

  it('is a fraction after other words', async () => {
    expect(await dates('Reduce the dose by 1/3 over a week.')).toEqual([]);
    expect(await dates('Wean from 2/3 of the usual dose.')).toEqual([]);
  });
});
