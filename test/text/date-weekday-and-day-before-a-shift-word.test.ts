import { describe, expect, it } from 'vitest';
import { detect } from '../../src/anonymize/text/pipeline.js';

async function dates(text: string, lang: 'fr' | 'en'): Promise<string[]> {
  const { spans } = await detect(text, { lang });
  return spans.filter((s) => s.label === 'DATE').map((s) => text.slice(s.start, s.end));
}

// Regression (holdout47 miss class, a ward's night and day handover book): "lundi 23/11 nuit" went out in clear,
// the shift word after the day read as the unit of a share ("5/7 jours").
describe('a weekday and a day before a shift word', () => {
  it('is a date, French or English', async () => {
    const fr = await dates('transmissions\n\nlundi 23/11 nuit (ide m. cuenin)\nlit 2 : rien\n\nmardi 24/11 jour (ide s. petit)', 'fr');
    expect(fr.some((d) => d.includes('23/11'))).toBe(true);
    expect(fr.some((d) => d.includes('24/11'))).toBe(true);
    expect((await dates('handover\n\nmonday 11/23 day\nbed 4 settled', 'en')).some((d) => d.includes('11/23'))).toBe(true);
  });

  it('leaves a share after a French "mon" and after other words', async () => {
    expect(await dates('je prends mon 1/2 cp le soir', 'fr')).toEqual([]);
    expect(await dates('le 5/7 jours de traitement', 'fr')).toEqual([]);
  });
});
