import { describe, expect, it } from 'vitest';
import { detect } from '../../src/anonymize/text/pipeline.js';

async function persons(text: string, lang: 'fr' | 'en' = 'en'): Promise<string[]> {
  const { spans } = await detect(text, { lang });
  return spans.filter((s) => s.label === 'PERSON').map((s) => text.slice(s.start, s.end));
}

// Regression (holdout18 and holdout19, first scored 2026-11-30): a unit's quick log names its soldiers
// after their rank in lowercase ("sdt …", "mdl …", "cal f. …"), English notes after "Pte", "WO2",
// "LCpl", crews and casts after "matelot", "Actor", "Comédienne"; those names went out in clear.
describe('a name after a rank or an occupation', () => {
  it('is a person in a lowercase French military log', async () => {
    const log = "infirmerie du 8e RPIMa, saisie rapide\n- sdt julien marchetti entorse cheville\n- mdl claire rouzaud coup de chaleur\n- cal p. dubreuil conjonctivite\n- brigadier yannick morvan plaie main";
    expect(await persons(log, 'fr')).toEqual(expect.arrayContaining(['julien marchetti', 'claire rouzaud', 'p. dubreuil', 'yannick morvan']));
  });

  it('is a person after English ranks and after a crew or cast role', async () => {
    expect(await persons('Casualty: LCpl Owen Tregarthen, Service No 2519944')).toContain('Owen Tregarthen');
    expect(await persons('Cheers, WO2 Tamsin Fairweather, 1st Battalion')).toContain('Tamsin Fairweather');
    expect(await persons('Pte Rewi Taufa still shows a medical hold.')).toContain('Rewi Taufa');
    expect(await persons('2. Actor Colm Breathnach: cold water exposure.')).toContain('Colm Breathnach');
    expect(await persons('1) Comédienne Léonie Marchand : brûlure de la main.', 'fr')).toContain('Léonie Marchand');
    expect(await persons('paramedic r. oduya on scene first')).toContain('r. oduya');
  });

  it('leaves the rank out of the name of a person field', async () => {
    const names = await persons('Soldier: Pte Rhodri Gwynfor, Army No 30118842');
    expect(names).toContain('Rhodri Gwynfor');
    expect(names.some((n) => n.includes('Pte'))).toBe(false);
    expect((await persons('Patient : Caporal-chef FERRAND-NDIAYE Jules, 1er RCP', 'fr')).some((n) => n.includes('Caporal'))).toBe(false);
  });

  it('is not a job and its employer, a form label, a word that starts with a rank, or a calf', async () => {
    expect(await persons('Occupation: driver, Northern Haulage Company, shifts nights.')).toEqual([]);
    expect(await persons('Rank: LCpl   Name: O\'DRISCOLL, Fionn')).not.toContain('Name');
    expect(await persons('Follow-up at Foothills Centre, Calgary AB next week.')).toEqual([]);
    expect(await persons('Tender calf. swelling noted on the left, no erythema.')).toEqual([]);
  });
});
