import { describe, expect, it } from 'vitest';
import { createTextDeidentifier } from '../../src/anonymize/text/deidentifier.js';
import { detect } from '../../src/anonymize/text/pipeline.js';
import { testIdentity } from './helpers.js';

async function dates(text: string, lang: 'fr' | 'en'): Promise<string[]> {
  const { spans } = await detect(text, { lang });
  return spans.filter((s) => s.label === 'DATE').map((s) => text.slice(s.start, s.end));
}

// Regression (holdout20, 23, 24, read): a night's two days before one month ("nuit 24-25/11") and two
// English month-first days joined by a dash ("12/1–12/6") stayed in clear: each scan refused a digit and
// a dash beside a date.
describe('date ranges written with a dash', () => {
  it('are dates: a night, and two month-first days of one month', async () => {
    expect(await dates('transmissions nuit 24-25/11 - box 3', 'fr')).toEqual(['24-25/11']);
    expect(await dates('We booked him in Bismarck 12/1–12/6 for the apheresis.', 'en')).toEqual(['12/1', '12/6']);
  });

  it('are not scores or fractions', async () => {
    expect(await dates('douleur EVA 3-4/10 ce soir', 'fr')).toEqual([]);
    expect(await dates('Pain 3-4/10, power 4/5-5/5 in both legs.', 'en')).toEqual([]);
  });

  it('a night moves as its second day, the first one the day before', async () => {
    const identity = testIdentity();
    const deid = createTextDeidentifier({ identity, mode: 'realistic', ner: false });
    try {
      const out = (await deid.deidentify('transmissions nuit 24-25/11 - box 3', { format: 'plain', patientId: 'p1', lang: 'fr' }))!;
      const second = new Date(Date.UTC(2001, 10, 25) + identity.dateShiftDays('p1') * 86_400_000);
      const first = new Date(second.getTime() - 86_400_000);
      const pad = (n: number) => String(n).padStart(2, '0');
      expect(out).toBe(`transmissions nuit ${pad(first.getUTCDate())}-${pad(second.getUTCDate())}/${pad(second.getUTCMonth() + 1)} - box 3`);
    } finally {
      await deid.close();
    }
  });
});
