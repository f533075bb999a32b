import { describe, expect, it } from 'vitest';
import { detect } from '../../src/anonymize/text/pipeline.js';

async function persons(text: string, lang: 'en' | 'fr'): Promise<string[]> {
  const { spans } = await detect(text, { lang });
  return spans.filter((s) => s.label === 'PERSON').map((s) => text.slice(s.start, s.end));
}

// Regression (held-out miss class "the sender of a line in an exported chat"): WhatsApp-style
// exports put the sender between the timestamp and the colon; names no list knows, or known ones
// with no title, were left there.
describe('the speaker of an exported chat line', () => {
  it('after a bracketed date and time, in French', async () => {
    expect(await persons('[05/03/2025 09:14] Maelys : je passe chez elle à 10h', 'fr')).toEqual(['Maelys']);
  });

  it('with an initial and a role in brackets, in English', async () => {
    expect(await persons('[2025-03-05, 09:15] Ewan T (night porter): on my way to bay 4', 'en')).toEqual(['Ewan T']);
  });

  it('after a bare date-time and a dash', async () => {
    expect(await persons('05/03/2025, 09:16 - Oriane: ok pour moi', 'fr')).toEqual(['Oriane']);
  });

  it('not an ordinary word in that place, nor a colon elsewhere', async () => {
    expect(await persons('[05/03/2025 09:17] Rappel : bilan sanguin à jeun', 'fr')).toEqual([]);
    expect(await persons('Objet : bilan 09:30 demain', 'fr')).toEqual([]);
  });
});

// Regression (holdout25, read 2026-11-30): an SMS thread copied into a note puts the name first and the
// time after it in brackets ("Orla [Mon 23/11 09:53]:"); the model read such names as towns or facilities.
describe('the sender of an SMS line written name first', () => {
  it('is a person before a bracketed date and time and a colon', async () => {
    expect(await persons('Orla [Mon 23/11 09:05]: Morning, how is the breathing?\nAmira (25/11 10:33): Yes no problem', 'en')).toEqual(['Orla', 'Amira']);
  });

  it('is nobody before a bracket that holds no time', async () => {
    expect(await persons('Diagnosis [23/11]: pneumonia\nPlan (24/11): antibiotics', 'en')).toEqual([]);
  });
});
