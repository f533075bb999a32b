import { describe, expect, it } from 'vitest';
import { detect } from '../../src/anonymize/text/pipeline.js';

async function dates(text: string, lang: 'fr' | 'en' = 'en'): Promise<string[]> {
  const { spans } = await detect(text, { lang });
  return spans.filter((s) => s.label === 'DATE').map((s) => text.slice(s.start, s.end));
}

// Regression (holdout12 and holdout13 miss class): two full dates joined by a dash are a range; each
// numeric scan refused a date with a dash and a digit beside it, so both dates were left as text (or
// the first one and two digits became a phone).
describe('a dash between two full dates', () => {
  it('gives both dates, en dash or hyphen, day-first, month-first or ISO', async () => {
    expect(await dates('Diary period 01/10/2026–31/10/2026 (export emailed)')).toEqual(['01/10/2026', '31/10/2026']);
    expect(await dates('Night of 11/24/2025-11/25/2025 — Supervisor on call')).toEqual(['11/24/2025', '11/25/2025']);
    expect(await dates('séjour du 12.03.2024 – 15.03.2024 en SSR', 'fr')).toEqual(['12.03.2024', '15.03.2024']);
    expect(await dates('admitted 2025-11-24–2025-11-27 then home')).toEqual(['2025-11-24', '2025-11-27']);
  });

  // Regression (holdout25, read): a clinic table wrote each admission as "12/08–30/08/2026", the year once;
  // the dash beside a digit made both scans refuse both dates.
  it('a day and month before a full date, the year written once', async () => {
    expect(await dates('| ANDERSON Fraser | 12/08–30/08/2026 | ICU-acquired weakness |')).toEqual(['12/08', '30/08/2026']);
    expect(await dates('hospitalisée du 3/9 - 11/09/2026 en SSR', 'fr')).toEqual(['3/9', '11/09/2026']);
  });

  it('a date glued to a number that is no date stays refused', async () => {
    expect(await dates('batch 12/03/2023-1 released')).toEqual([]);
  });

  // Regression (review of the eighth rule round): after an ISO date the range's back-reference to the
  // slash separator was unset and matched nothing, so any run of 4 to 8 digits passed for the second
  // date; the dash was blanked, the date alone was found and outranked the code, whose digits leaked.
  it('an ISO date opening a longer code is not cut from it', async () => {
    for (const [text, code] of [
      ['Lot 2025-11-24-123456 reçu.', '2025-11-24-123456'],
      ['échantillon 2024-03-05-7781 prélevé', '2024-03-05-7781'],
    ]) {
      const { spans } = await detect(text!, { lang: 'fr' });
      expect(spans.map((s) => text!.slice(s.start, s.end))).toEqual([code]);
    }
  });
});

// Regression (holdout7, holdout11, holdout12, holdout13): a day and month with no year and no word
// before ("synthèse : 04/12", "infusion due 02/12", a log line "09/11 – set 1") was read as a fraction.
describe('a zero-padded day or month with no year', () => {
  it('is a date: fractions and scores are never written with a leading zero', async () => {
    expect(await dates('Prochaine synthèse : 04/12.', 'fr')).toEqual(['04/12']);
    expect(await dates('crizanlizumab infusion due 02/12.')).toEqual(['02/12']);
    expect(await dates('home: 2 orchard way\n09/11 – set 1 (baseline): sacral ulcer')).toEqual(['09/11']);
  });

  it('scores, fractions and doses stay text', async () => {
    expect(await dates('EVA 03/10 au repos', 'fr')).toEqual([]);
    expect(await dates('took 3/4 of the dose')).toEqual([]);
    expect(await dates('power 4/5 in the left arm')).toEqual([]);
  });
});

// Regression (holdout26, read; 90 spans of every set): a sentence's full stop after a month written in full
// was taken into the date ("Saturday 21 November."), so the surrogate swallowed it.
describe('a full stop after a month written in full', () => {
  it('ends the sentence, not the date; an abbreviation keeps its dot', async () => {
    expect(await dates('Emergency discectomy Saturday 21 November.\n\nMrs Charlton presented')).toEqual(['Saturday 21 November']);
    expect(await dates('opérée le 19 mars.', 'fr')).toEqual(['19 mars']);
    expect(await dates('seen on 4 Dec. then discharged')).toEqual(['4 Dec.']);
  });
});
