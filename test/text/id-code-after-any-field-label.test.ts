import { describe, expect, it } from 'vitest';
import { detect } from '../../src/anonymize/text/pipeline.js';

async function ids(text: string): Promise<string[]> {
  const { spans } = await detect(text, { lang: 'auto' });
  return spans.filter((s) => s.label === 'ID').map((s) => text.slice(s.start, s.end));
}

// Regression (holdout48 and read-set miss class): codes after a field label no keyword list holds ("Séjour :
// 26H0338154", "RiO: 1184402", "Registration (MCNZ): 62874", "Ref: ND/ENT/OG/6621") went out in clear.
describe('a code after any field label', () => {
  it('is an identifier', async () => {
    const found = await ids('IPP : 850472291 – Séjour : 26H0338154\nTyped: 12/11/2026   Ref: ND/ENT/OG/6621\nRiO: 1184402\nRegistration (MCNZ): 62874\n');
    expect(found).toEqual(expect.arrayContaining(['26H0338154', 'ND/ENT/OG/6621', '1184402', '62874']));
  });

  it('leaves measures, pressures, counts, dates and a plain word label before digits', async () => {
    expect(await ids('Poids : 72500\nREADING: 162/108, pulse 96\nLeucocytes : 12000/mm3\nDate: 2026-11-12\nTotal: 125000\n')).toEqual([]);
  });
});
