import { afterAll, describe, expect, it } from 'vitest';
import { createTextDeidentifier } from '../../src/anonymize/text/deidentifier.js';
import { detect } from '../../src/anonymize/text/pipeline.js';
import { testIdentity } from './helpers.js';

async function dates(text: string, lang: 'fr' | 'en'): Promise<string[]> {
  const { spans } = await detect(text, { lang });
  return spans.filter((s) => s.label === 'DATE').map((s) => text.slice(s.start, s.end));
}

// Regression: a month or a weekday written without a number ("depuis octobre", "since Monday",
// "sortie prévue vendredi") stayed in clear beside shifted dates, and so told the shift.
describe('a month named alone after a word of time', () => {
  it('is a date in French and English', async () => {
    expect(await dates('Scarifications, déscolarisation depuis octobre.', 'fr')).toEqual(['octobre']);
    expect(await dates('Anxieux depuis la rentrée de septembre.', 'fr')).toEqual(['septembre']);
    expect(await dates('TSH à faire mi-janvier.', 'fr')).toEqual(['mi-janvier']);
    expect(await dates("Low mood since her grandfather's death in June, self-harm.", 'en')).toEqual(['June']);
    expect(await dates('No flares since oct. Taking it most days.', 'en')).toEqual(['oct']);
    expect(await dates('No work until January.', 'en')).toEqual(['January']);
    // holdout24 (read): after "for" and "review"; a season with its year.
    expect(await dates('Return to work planned for January; dietetic review February.', 'en')).toEqual(['January', 'February']);
    expect(await dates("Incontinence mixte depuis l'été 2024, 3 protections/jour.", 'fr')).toEqual(['été 2024']);
  });

  it('is not a date without a word of time, as a verb, an examination or a title', async () => {
    expect(await dates('He missed May.', 'en')).toEqual([]);
    expect(await dates('She may come by may.', 'en')).toEqual([]);
    expect(await dates('OCT : œdème maculaire.', 'fr')).toEqual([]);
    expect(await dates('Tournage « LES ORAGES DE NOVEMBRE ».', 'fr')).toEqual([]);
  });
});

describe('a weekday named alone', () => {
  it('is a date when it names one day', async () => {
    expect(await dates('Sortie prévue vendredi si calcémie ok.', 'fr')).toEqual(['vendredi']);
    expect(await dates('Synthèse jeudi 14h avec le Dr Bastian.', 'fr')).toEqual(['jeudi']);
    expect(await dates('Leaking through the prosthesis since Monday.', 'en')).toEqual(['Monday']);
    expect(await dates('Plan: f/u thurs with the CPN.', 'en')).toEqual(['thurs']);
    // holdout24 (read 2026-11-30): "tues" and "fri" need no cue; a measure after a comma is no day number.
    expect(await dates('TLH + BSO fri, mobilising. plan home tues if bo.', 'en')).toEqual(['fri', 'tues']);
    expect(await dates('Paracentesis PRN — last Saturday, 5.2 L removed.', 'en')).toEqual(['Saturday']);
  });

  it('is not a date in a schedule, a habit or a roster label', async () => {
    expect(await dates('Kiné mardi et vendredi, aide à domicile.', 'fr')).toEqual([]);
    expect(await dates('Séances : lundi/mercredi/vendredi.', 'fr')).toEqual([]);
    expect(await dates('Sa fille passe le dimanche.', 'fr')).toEqual([]);
    expect(await dates('Le groupe se réunit le premier jeudi de chaque mois.', 'fr')).toEqual([]);
    expect(await dates('Mardi : Dr Ouédraogo', 'fr')).toEqual([]);
    expect(await dates('Twice weekly (Mon/Thu) at the ECT suite, every Friday otherwise.', 'en')).toEqual([]);
    expect(await dates('Former roofer, always out in the sun, sat on the wall.', 'en')).toEqual([]);
    expect(await dates('Education session every second Wednesday; done on our Tuesday lists.', 'en')).toEqual([]);
    expect(await dates('Les RCP ont lieu un mercredi sur deux.', 'fr')).toEqual([]);
    expect(await dates('Mère : Mme Thi Thu Hà Nguyễn', 'fr')).toEqual([]);
  });
});

describe('their surrogates move with the patient shift', () => {
  const identity = testIdentity();
  const deid = createTextDeidentifier({ identity, mode: 'realistic', ner: false });
  afterAll(() => deid.close());
  const days = identity.dateShiftDays('p1');
  const frMonths = ['janvier', 'février', 'mars', 'avril', 'mai', 'juin', 'juillet', 'août', 'septembre', 'octobre', 'novembre', 'décembre'];
  const frDays = ['dimanche', 'lundi', 'mardi', 'mercredi', 'jeudi', 'vendredi', 'samedi'];
  const enDays = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

  it('a month moves as its 15th would, a weekday by the shift mod 7', async () => {
    const fr = (await deid.deidentify('Déscolarisation depuis octobre ; sortie prévue vendredi.', { format: 'plain', patientId: 'p1', lang: 'fr' }))!;
    const month = new Date(Date.UTC(2001, 9, 15) + days * 86_400_000).getUTCMonth();
    expect(fr).toBe(`Déscolarisation depuis ${frMonths[month]} ; sortie prévue ${frDays[(((5 + days) % 7) + 7) % 7]}.`);
    const en = (await deid.deidentify('Red and oozing since Tuesday.', { format: 'plain', patientId: 'p1', lang: 'en' }))!;
    expect(en).toBe(`Red and oozing since ${enDays[(((2 + days) % 7) + 7) % 7]}.`);
    const season = (await deid.deidentify("Fuites depuis l'été 2024.", { format: 'plain', patientId: 'p1', lang: 'fr' }))!;
    expect(season).toBe(`Fuites depuis l'été ${2024 + Math.round(days / 365.25)}.`);
  });
});
