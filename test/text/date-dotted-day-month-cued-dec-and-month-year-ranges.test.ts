import { describe, expect, it } from 'vitest';
import { createTextDeidentifier } from '../../src/anonymize/text/deidentifier.js';
import { detect } from '../../src/anonymize/text/pipeline.js';
import { testIdentity } from './helpers.js';

async function dates(text: string, lang: 'fr' | 'en'): Promise<string[]> {
  const { spans } = await detect(text, { lang });
  return spans.filter((s) => s.label === 'DATE').map((s) => text.slice(s.start, s.end));
}

// Regression (holdout30/32/48, read): a dotted day and month as Switzerland writes it ("Colloque sein du 25.11",
// "jusqu'au 30.11") was no date.
describe('a dotted day and month after a word that says a day comes', () => {
  it('is a date, shifted in its own format', async () => {
    expect(await dates('Objet : Colloque sein du 25.11 – décisions', 'fr')).toEqual(['25.11']);
    expect(await dates("est en vacances jusqu'au 30.11. Sa fille", 'fr')).toEqual(['30.11']);
    const identity = testIdentity();
    const deid = createTextDeidentifier({ identity, mode: 'realistic', ner: false });
    try {
      const out = (await deid.deidentify('Colloque sein du 25.11 – décisions', { format: 'plain', patientId: 'p1', lang: 'fr' }))!;
      const shifted = new Date(Date.UTC(2001, 10, 25) + identity.dateShiftDays('p1') * 86_400_000);
      const pad = (n: number) => String(n).padStart(2, '0');
      expect(out).toBe(`Colloque sein du ${pad(shifted.getUTCDate())}.${pad(shifted.getUTCMonth() + 1)} – décisions`);
    } finally {
      await deid.close();
    }
  });

  it('not a dose', async () => {
    expect(await dates('passage du 2.5 au 5 mg, puis du 12.50 mg', 'fr')).toEqual([]);
  });
});

// Regression (holdout33/34/37/42, read): a lowercase "dec" after a weekday or a word that says a day comes ("next visit
// dec 4", "thu 3 dec") was taken for a decrease.
describe('a lowercase "dec" or "sep" with a day', () => {
  it('is the month after a weekday or a day cue', async () => {
    expect(await dates('ok. next visit dec 4. brother-in-law', 'en')).toEqual(['dec 4']);
    expect(await dates('next: group session thu 3 dec at the hall', 'en')).toEqual(['thu 3 dec']);
  });

  it('is a decrease elsewhere', async () => {
    expect(await dates('insulin dec 2 units today', 'en')).toEqual([]);
  });

  it('a month in capitals that no acronym shares, in a form written in capitals', async () => {
    expect(await dates('STUMP: HEALING, SUTURES OUT NOV 10. SHRINKER SIZE 3.', 'en')).toEqual(['NOV 10']);
    expect(await dates('OCT 3 MM THICKNESS. MAR 2 DOSES.', 'en')).toEqual([]);
  });
});

// Regression (holdout39, read): two months and years joined by a dash with no blank ("(03.2025–06.2025)") were no dates.
describe('a range of two months and years', () => {
  it('is two dates', async () => {
    expect(await dates('ciclosporine (03.2025–06.2025), méthotrexate (07/2025-08/2026, arrêt)', 'fr')).toEqual(['03.2025', '06.2025', '07/2025', '08/2026']);
  });
});
