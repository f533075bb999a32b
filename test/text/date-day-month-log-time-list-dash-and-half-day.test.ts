import { describe, expect, it } from 'vitest';
import { detect } from '../../src/anonymize/text/pipeline.js';

async function dates(text: string, lang: 'en' | 'fr' = 'en'): Promise<string[]> {
  const { spans } = await detect(text, { lang });
  return spans.filter((s) => s.label === 'DATE').map((s) => text.slice(s.start, s.end));
}

// Regression (holdout52 miss class): a day and month with no year and no leading zero that a fraction could also be
// ("10/11") went out in clear when it opened a log line before a 24-hour time and the entry ("10/11 0700 rn x:"),
// opened a list's line before its colon ("- 10/11 : 6 140"), or came before "a.m." after "for".
describe('a day and month alone at the head of a log or list line, or before a.m./p.m.', () => {
  it('is a date', async () => {
    expect(await dates('fluids running.\n10/11 0700 rn tamati: settled night.\n', 'en')).toEqual(['10/11']);
    expect(await dates('hCG (UI/L) :\n- 3/11 : 48 200\n- 10/11 : 6 140\n', 'fr')).toEqual(['3/11', '10/11']);
    expect(await dates('Bloods arranged for 10/11 a.m. at the clinic.', 'en')).toEqual(['10/11']);
  });

  it('leaves a score or a fraction inside a line alone', async () => {
    expect(await dates('pain 7/10 at rest, now 3/10 after 1/2 tab', 'en')).toEqual([]);
    expect(await dates('Power 4/5 in both legs, 10/11 on the left before 0700 dosing.', 'en')).toEqual([]);
  });
});
