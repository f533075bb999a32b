import { describe, expect, it } from 'vitest';
import { detect } from '../../src/anonymize/text/pipeline.js';
import { shiftWrittenDate } from '../../src/anonymize/text/recognizers/dates.js';
import { fold } from '../../src/anonymize/text/normalize.js';

async function dates(text: string, lang: 'fr' | 'en'): Promise<string[]> {
  const { spans } = await detect(text, { lang });
  return spans.filter((s) => s.label === 'DATE').map((s) => text.slice(s.start, s.end));
}

// Regression (held-out miss class "short dates without a year"): a day/month with no introducing
// word, a weekday with a day number, and the first day of a range or list were left in the text.
describe('dates without a year', () => {
  it('finds a bare day/month that is no fraction', async () => {
    expect(await dates('Transmissions IDE - 23/11\nRAS', 'fr')).toEqual(['23/11']);
    expect(await dates('[4/6 21:40] tu peux rappeler ?', 'fr')).toEqual(['4/6']);
    expect(await dates('Night shift 5/3 uneventful.', 'en')).toEqual(['5/3']);
  });

  it('does not take scores, pressures, pages, fractions or doses for dates', async () => {
    const text = 'EVA 6/10, TA 13/8, page 2/5, souffle 2/6, force 4/5, 3/4 cp, prendre 1/2 comprimé, grade 3/4, soins 24/7, J3 et J+5.';
    expect(await dates(text, 'fr')).toEqual([]);
    expect(await dates('Pain 8/10, BP 14/9, visual acuity 6/9, for 10/7 days, 2/3 of the dose.', 'en')).toEqual([]);
  });

  it('finds a weekday with a day number, not a weekday with a count', async () => {
    expect(await dates('Rendez-vous pris mardi 14 au matin.', 'fr')).toEqual(['mardi 14']);
    expect(await dates('Kiné lundi 3 fois par semaine.', 'fr')).toEqual([]);
  });

  it('finds the first day of a range or a list', async () => {
    expect(await dates('Hospitalisé du 8 au 19 mars 2022.', 'fr')).toEqual(['8', '19 mars 2022']);
    expect(await dates('Vue les 2, 9 et 23 février en consultation.', 'fr')).toEqual(['2', '9', '23 février']);
    expect(await dates('la nuit du 21 au 22/05', 'fr')).toEqual(['21', '22/05']);
    expect(await dates('Away 9-13 August for surgery.', 'en')).toEqual(['9', '13 August']);
    expect(await dates('Inpatient September 2 to 11.', 'en')).toEqual(['September 2', '11']);
  });

  it('does not take a count or a relative day before a date for its first day', async () => {
    expect(await dates('J3 - 16 juillet : ablation des fils.', 'fr')).toEqual(['16 juillet']);
    expect(await dates('Prendre 2 comprimés le 12 mai au soir.', 'fr')).toEqual(['12 mai']);
    expect(await dates('Seen on day 2 and 14 June onwards.', 'en')).toEqual(['14 June']);
  });

  it('writes a lone day and a weekday with a day back as a real day', () => {
    for (const days of [-400, -3, 0, 5, 31, 365]) {
      const lone = shiftWrittenDate('8', days, { lang: 'fr' }, fold)!;
      expect(Number(lone)).toBeGreaterThanOrEqual(1);
      expect(Number(lone)).toBeLessThanOrEqual(28);
      expect(shiftWrittenDate('mardi 14', days, { lang: 'fr' }, fold)).toMatch(/^(?:lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche) \d{1,2}$/);
    }
    expect(shiftWrittenDate('mardi 14', 1, { lang: 'fr' }, fold)).toBe('mercredi 15');
    expect(shiftWrittenDate('Friday 09', 3, { lang: 'en' }, fold)).toBe('Monday 12');
  });
});
