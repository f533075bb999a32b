import { describe, expect, it } from 'vitest';
import { detect } from '../../src/anonymize/text/pipeline.js';

async function dates(text: string, lang: 'fr' | 'en'): Promise<string[]> {
  const { spans } = await detect(text, { lang });
  return spans.filter((s) => s.label === 'DATE').map((s) => text.slice(s.start, s.end));
}

// Regression (fourth round, class "date forms not read"): Roman-numeral months, padded separators,
// compact birth dates, abbreviated French weekdays, English month-first days without a year, lone
// ordinals, English month names in French notes, weekdays with a spoken day; and streets, flats and
// Apgar scores that were read as dates.
describe('more date forms, and things shaped like dates that are not', () => {
  it('reads Roman-numeral months and padded separators', async () => {
    expect(await dates('Lyon, le 4.XI.2024', 'fr')).toEqual(['4.XI.2024']);
    expect(await dates('vu le 9/III/2023 en consultation', 'fr')).toEqual(['9/III/2023']);
    expect(await dates('Visit date: 21 / SEP / 2024', 'en')).toEqual(['21 / SEP / 2024']);
    expect(await dates('Born (month/year): 07 / 1958', 'en')).toEqual(['07 / 1958']);
    expect(await dates('Né le : 0 9 / 1 1 / 1 9 6 2', 'fr')).toEqual(['0 9 / 1 1 / 1 9 6 2']);
  });

  it('reads a compact birth date after a birth word only', async () => {
    expect(await dates('<Patient dob="19480312" sex="F">', 'en')).toEqual(['19480312']);
    expect(await dates('Batch 19480312 released', 'en')).toEqual([]);
  });

  it('reads abbreviated French weekdays and spoken days', async () => {
    expect(await dates('| ven. 7/2 | pesée OK |', 'fr')).toEqual(['7/2']);
    expect(await dates('prochain rendez-vous mardi vingt-deux fin de dictée', 'fr')).toEqual(['mardi vingt-deux']);
    // "deux heures" is a time, not a day: the weekday is a date alone (dates-named-alone.ts), without it.
    expect(await dates('revoir mardi deux heures', 'fr')).toEqual(['mardi']);
  });

  it('reads English month-first days with a cue or alone on a line, not counts', async () => {
    expect(await dates('Echo done 4/27 at the clinic.', 'en')).toEqual(['4/27']);
    expect(await dates('Can someone cover my 10/27 late shift?', 'en')).toEqual(['10/27']);
    expect(await dates('Notes:\n9/16 – family meeting held', 'en')).toEqual(['9/16']);
    expect(await dates('Lymph nodes: 3/28 positive.', 'en')).toEqual([]);
  });

  // Regression (holdout46, a lab's serial results): a time after a month-first day says a day as a cue word does.
  it('reads an English month-first day before a time', async () => {
    expect(await dates('Serial sodium: 11/20 10:00 119 — 11/20 14:00 124 — 11/21 06:00 126.', 'en')).toEqual(['11/20', '11/20', '11/21']);
    expect(await dates('Ratio 3/28 10 patients.', 'en')).toEqual([]);
  });

  it('reads a lone ordinal after a preposition and an English month in a French note', async () => {
    expect(await dates('The scan is booked on the 21st.', 'en')).toEqual(['21st']);
    expect(await dates('Her office is on the 21st floor.', 'en')).toEqual([]);
    expect(await dates('Bilan prévu, scanner booked August 9th.', 'fr')).toEqual(['August 9th']);
  });

  it('does not read streets, flats or Apgar scores as dates', async () => {
    expect(await dates('Domicile : 3 avenue du 8 Mai 1945, Sarcelles', 'fr')).toEqual([]);
    expect(await dates('Lives at Flat 3/2, 18 Garnet Street', 'en')).toEqual([]);
    expect(await dates('lives at 21/4 Leven Road, Edinburgh', 'en')).toEqual([]);
    expect(await dates('Apgar 8/9/10, bon cri.', 'fr')).toEqual([]);
  });
});
