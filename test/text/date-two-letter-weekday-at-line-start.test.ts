import { describe, expect, it } from 'vitest';
import { detect } from '../../src/anonymize/text/pipeline.js';

async function dates(text: string): Promise<string[]> {
  const { spans } = await detect(text, { lang: 'fr' });
  return spans.filter((s) => s.label === 'DATE').map((s) => text.slice(s.start, s.end));
}

// Regression (holdout44 miss class, a midwife's home-visit book): lines opened by a two-letter weekday and a dotted or
// slashed day ("ve 20.11", "sa 21/11 (ludivine)") went out in clear.
describe('a two-letter weekday and a day at a line start', () => {
  it('is a date, dotted or slashed', async () => {
    const found = await dates('suivi à domicile\nve 20.11 sms patiente : « 148/96 ce matin »\nsa 21/11 (ludivine) – crp 64\ndi 22.11 pas de sms');
    expect(found.some((d) => d.includes('20.11'))).toBe(true);
    expect(found.some((d) => d.includes('21/11'))).toBe(true);
    expect(found.some((d) => d.includes('22.11'))).toBe(true);
  });

  it('leaves a decimal and a two-letter word inside a sentence', async () => {
    expect(await dates('sa 2.5 mg le soir')).toEqual([]);
    expect(await dates('il prend sa dose 20.11 fois')).toEqual([]);
  });
});
