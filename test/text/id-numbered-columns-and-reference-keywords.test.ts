import { describe, expect, it } from 'vitest';
import { detect } from '../../src/anonymize/text/pipeline.js';

async function ids(text: string, lang: 'en' | 'fr' = 'en'): Promise<string[]> {
  const { spans } = await detect(text, { lang });
  return spans.filter((s) => s.label === 'ID').map((s) => text.slice(s.start, s.end));
}

// Regression (holdout11/holdout12 miss classes): a table column headed by a numbered thing ("N° XXX",
// a prison register "écrou", a porter's "task", a "client_id") left its bare numbers as text, and the
// numbers of a dental or optical register (GDC, GOC), a matter or case reference and an anonymity code
// had no keyword before them.
describe('numbered table columns and reference keywords', () => {
  it('a "N° <word>" or "écrou" column holds identifiers', async () => {
    const triage = 'N° PLAN | Nom | Prénom | Âge\n31-0512-0004 | MARTIN | Lucie | 52\n31-0512-0005 | DURAND | Paul | 40\n';
    expect(await ids(triage, 'fr')).toEqual(['31-0512-0004', '31-0512-0005']);
    const register = 'écrou;nom;prénom;traitement\n20417;LEROY;Marc;méthadone 40 mg\n20533;PETIT;Ali;insuline\n';
    expect(await ids(register, 'fr')).toEqual(['20417', '20533']);
  });

  it('a porter task or a client_id column holds identifiers', async () => {
    const log = 'task   | time  | from   | to\n40127  | 21:05 | ED     | CT\n40133  | 21:30 | AMU    | Ward 9\n';
    expect(await ids(log)).toEqual(['40127', '40133']);
  });

  it('a time or ward column beside it stays text', async () => {
    const log = 'task   | time  | from   | to\n40127  | 21:05 | ED     | Ward 12\n';
    expect(await ids(log)).toEqual(['40127']);
  });

  it('a register number, a matter reference and an anonymity code', async () => {
    expect(await ids('Dentist: Dr Owen Price, GDC 309915')).toEqual(['309915']);
    expect(await ids('Our matter ref LIT-20417 applies.')).toEqual(['LIT-20417']);
    expect(await ids("déclaration obligatoire — code d'anonymat 7B2E91C04F", 'fr')).toEqual(['7B2E91C04F']);
  });

  it('"case" or "ref" alone before a count stays text', async () => {
    expect(await ids('See case 2 above; ref 3 in the list.')).toEqual([]);
  });
});
