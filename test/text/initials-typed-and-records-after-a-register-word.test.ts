import { describe, expect, it } from 'vitest';
import { detect } from '../../src/anonymize/text/pipeline.js';

async function found(text: string, label: string, lang: 'en' | 'fr' = 'en'): Promise<string[]> {
  const { spans } = await detect(text, { lang });
  return spans.filter((s) => s.label === label).map((s) => text.slice(s.start, s.end));
}

// Regression (holdout50, read): the typist's initials after "typed" without "by", before the typing date ("frappé par
// CL le 24/11/2026") or closed by a bracket were left in clear; a method after "detected by" was taken for initials.
describe("a typist's initials", () => {
  it('after the typing word, before the date or a bracket', async () => {
    expect(await found('Dictated 17/11/2026, typed RP 18/11/2026.', 'PERSON')).toEqual(['RP']);
    expect(await found('Dicté le 23/11/2026, frappé par CL le 24/11/2026', 'PERSON', 'fr')).toEqual(['CL']);
    expect(await found('End of dictation.\n[Typed 01/12/2026 by NM]', 'PERSON')).toEqual(['NM']);
  });

  it('not a method after "detected by" or "confirmé par"', async () => {
    expect(await found('C. difficile present; toxin not detected by EIA. Result consistent.', 'PERSON')).toEqual([]);
    expect(await found('Diagnostic confirmé par PCR.', 'PERSON', 'fr')).toEqual([]);
  });
});

// Regression (holdout50, read): a stay number with letters in it ("séjour 72S26-08871"), a register number after
// "INAMI du service" and an Irish "Medical Council No" were left in clear.
describe('identifiers after a register or stay word', () => {
  it('reads them', async () => {
    expect(await found('IPP 72-3390154 – séjour 72S26-08871 – domicile : 5 impasse du Lavoir', 'ID', 'fr')).toContain('72S26-08871');
    expect(await found('né le 22/05/1939, INAMI du service : 1-48213-57-004.', 'ID', 'fr')).toEqual(['1-48213-57-004']);
    expect(await found('Dr Úna Moylan, MICGP – Medical Council No 418832\nShinrone', 'ID')).toEqual(['418832']);
  });

  it('not a length of stay', async () => {
    expect(await found('séjour 12 jours en réanimation', 'ID', 'fr')).toEqual([]);
  });
});

// Regression (holdout50, read): an Australian nurse's "sat 14/11" was read month first only, an impossible date, and lost.
describe('a weekday and a day-month in English', () => {
  it('falls back to day first when month first is no date', async () => {
    expect(await found('gp: dr x\n\nsat 14/11 day 2: visited 1030.', 'DATE')).toEqual(['14/11']);
  });
});
