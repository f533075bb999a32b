import { describe, expect, it } from 'vitest';
import { detect } from '../../src/anonymize/text/pipeline.js';

async function dates(text: string, lang: 'fr' | 'en'): Promise<string[]> {
  const { spans } = await detect(text, { lang });
  return spans.filter((s) => s.label === 'DATE').map((s) => text.slice(s.start, s.end));
}

// Regression (holdout35, miss class "a weekday's abbreviation with a day number"): a SSIAD log opens each
// line with "lun 16 –", "mar 17 –"; an English note books "admit tues 11/24" and hands over "for sat 28th".
// Only the French abbreviation before a day and a month was read.
describe("a weekday's abbreviation with a day number", () => {
  it('is a date opening a log line, before a dash, a colon or a time', async () => {
    expect(await dates('tournée ssiad\nlun 16 – mme roux, pansement\nmar 17 : mr faure, douche\njeu 19 8h10 - mme petit', 'fr')).toEqual(['lun 16', 'mar 17', 'jeu 19']);
  });

  it('is a date with an ordinal, or before an English month-first day', async () => {
    expect(await dates('handover to the night team for sat 28th.', 'en')).toEqual(['sat 28']);
    expect(await dates('bed 4 – empty, admit tues 11/24 from the ward.', 'en')).toEqual(['tues 11/24']);
  });

  it('leaves a month, a name or a count inside a sentence alone', async () => {
    expect(await dates('la tension de mar 17 patients a été prise', 'fr')).toEqual([]);
    expect(await dates('we saw sam 12 times this year', 'en')).toEqual([]);
  });
});

// Regression (holdout37, read): a Luxembourg chat and a post-covid log write the day and the month joined by a
// dot after the weekday ("Mon 23.11 18:04 —", "lun 23.11 mr huet"); no rule read "dd.mm" without a year.
describe('a weekday before a day and a month joined by a dot', () => {
  it('is a date, whole or abbreviated weekday', async () => {
    expect(await dates('Mon 23.11 18:04 — Jos: INR 2,4', 'en')).toEqual(['Mon 23.11']);
    expect(await dates('kine\nlun 23.11 mr huet : 8 min de marche\ncontrôle jeudi 26.11 au labo', 'fr')).toEqual(['lun 23.11', 'jeudi 26.11']);
  });

  it('not a value without a weekday, nor a day the month lacks', async () => {
    expect(await dates('Hb 12.11 g/dl, CRP 23.11', 'fr')).toEqual([]);
    expect(await dates('ven 31.02 rien', 'fr')).toEqual([]);
  });
});
