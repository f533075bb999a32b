import { describe, expect, it } from 'vitest';
import { detect } from '../../src/anonymize/text/pipeline.js';

async function dates(text: string, lang: 'fr' | 'en'): Promise<string[]> {
  const { spans } = await detect(text, { lang });
  return spans.filter((s) => s.label === 'DATE').map((s) => text.slice(s.start, s.end));
}

// Regression: the bare day/month scan refuses a digit and a comma beside a date (a decimal, a count),
// so a CSV field listing a series' days ("01/12,08/12,15/12") kept every date in clear.
describe('day/month dates listed with commas', () => {
  it('are each a date', async () => {
    expect(await dates('2;BOUQUIN;Aurélie;Caillau SAS;01/12,08/12,15/12', 'fr')).toEqual(['01/12', '08/12', '15/12']);
    expect(await dates('| séances | 08/12, 15/12 |', 'fr')).toEqual(['08/12', '15/12']);
  });

  it('are not dates when they are pressures, fractions or part of a longer number', async () => {
    expect(await dates('TA 12/08,13/09 ce matin.', 'fr')).toEqual([]);
    expect(await dates('Doses 1/2,3/4 du comprimé.', 'fr')).toEqual([]);
    expect(await dates('Ratio 12/10,11/10 stable.', 'fr')).toEqual([]);
  });
});
