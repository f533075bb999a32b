import { describe, expect, it } from 'vitest';
import { detect } from '../../src/anonymize/text/pipeline.js';

async function dates(text: string, lang: 'en' | 'fr'): Promise<string[]> {
  const { spans } = await detect(text, { lang });
  return spans.filter((s) => s.label === 'DATE').map((s) => text.slice(s.start, s.end));
}

// Regression (holdout41 miss class, seen across the read sets): a month and a day said in words were a date only
// after "on", "born", "le" or a weekday; "in person January thirteenth", "listed for fourteenth December", "repeat
// lipids December twenty-first" went out in clear. Only "march" and "may" before the day still ask for a cue.
describe('a month and a day in words', () => {
  it('is a date with no word before it', async () => {
    expect(await dates('Follow-up by telehealth and in person January thirteenth. End of dictation.', 'en')).toEqual(['January thirteenth']);
    expect(await dates('Carpal tunnel release listed for fourteenth December, day surgery.', 'en')).toEqual(['fourteenth December']);
    expect(await dates('Plan: continue same dose, repeat lipids December twenty-first.', 'en')).toEqual(['December twenty-first']);
    expect(await dates("Vu à l'hôpital provincial d'Erfoud le\nquatre août pour la plaie.", 'fr')).toEqual(['quatre août']);
  });

  it('leaves "march" and "may" before a rank alone', async () => {
    expect(await dates('The cadets march third in the parade.', 'en')).toEqual([]);
  });
});
