import { describe, expect, it } from 'vitest';
import { detect } from '../../src/anonymize/text/pipeline.js';

async function dates(text: string, lang: 'fr' | 'en'): Promise<string[]> {
  const { spans } = await detect(text, { lang });
  return spans.filter((s) => s.label === 'DATE').map((s) => text.slice(s.start, s.end));
}

// Regression (holdout39 miss class): a dictated date with no year was taken only after "on", "le", "born" …;
// after the weekday that opens it ("Follow up Friday December fourth", "Revoir le lundi sept décembre") or a
// word that books a visit ("Return January twenty sixth") it went out in clear, and the British order
// without "of" ("seventh July nineteen sixty eight") was not read at all. The weekday joins the date's span.
describe('a dictated date after its weekday or a booking word', () => {
  it('reads it, with the weekday', async () => {
    expect(await dates('Follow up Friday December fourth in clinic.', 'en')).toEqual(['Friday December fourth']);
    expect(await dates('Revoir le lundi sept décembre. Le frère viendra.', 'fr')).toEqual(['lundi sept décembre']);
    expect(await dates('Return January twenty sixth with films.', 'en')).toEqual(['January twenty sixth']);
  });

  it('reads the day before the month without "of" when a year follows', async () => {
    expect(await dates('date of birth seventh July nineteen sixty eight, NIC number', 'en')).toEqual(['seventh July nineteen sixty eight']);
  });

  it('leaves a month word and a rank with no cue alone', async () => {
    expect(await dates('we march third in line', 'en')).toEqual([]);
  });
});
