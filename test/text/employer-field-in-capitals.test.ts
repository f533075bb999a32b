import { describe, expect, it } from 'vitest';
import { detect } from '../../src/anonymize/text/pipeline.js';

async function facilities(text: string): Promise<string[]> {
  const { spans } = await detect(text, { lang: 'fr' });
  return spans.filter((s) => s.label === 'HOSPITAL').map((s) => text.slice(s.start, s.end));
}

// Regression (holdout39 miss class): forms printed in capitals give the employer as "EMPLOYEUR : …" or
// "EMPLOYEUR DE L'ASSURÉ : …"; the employer rule read the label only as written in lowercase, so the firm went
// out in clear or was taken for a person.
describe('an employer field in capitals', () => {
  it('makes the name in capitals after it an employer', async () => {
    expect(await facilities('TÉLÉPHONE : +41 79 402 18 66\nEMPLOYEUR : TÉLÉCABINE DE CHAMPÉRY-PLANACHAUX SA, CHAMPÉRY')).toContain('TÉLÉCABINE DE CHAMPÉRY-PLANACHAUX SA');
    expect(await facilities("EMPLOYEUR DE L'ASSURÉ : COOPÉRATIVE AGRICOLE ARTERRIS, SITE DE MAZÈRES")).toContain('COOPÉRATIVE AGRICOLE ARTERRIS');
    expect(await facilities('PT INTUBATED, GCS 15\nEMPLOYER: DIAVIK DIAMOND MINE\nNEXT OF KIN: WIFE')).toContain('DIAVIK DIAMOND MINE');
  });

  it('needs the colon and a name that opens on a letter', async () => {
    expect(await facilities('MOY PARK COOKSTOWN; EMPLOYER INFORMED BY WIFE')).not.toContain('INFORMED BY WIFE');
    expect(await facilities('N° SIRET EMPLOYEUR : 260 700 021 00013')).toEqual([]);
  });
});
