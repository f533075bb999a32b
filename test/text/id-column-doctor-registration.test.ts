import { describe, expect, it } from 'vitest';
import { detect } from '../../src/anonymize/text/pipeline.js';

// A theatre list's "gmc" column held the surgeons' registration numbers with no word before them: left in clear.
describe("a doctor's registration column", () => {
  it('reads the numbers under a "gmc" header as identifiers', async () => {
    const text =
      'date,urgency,nhs,surname,first,consultant,gmc\n' +
      '2026-11-23,CEPOD,402 618 3394,PREECE,Gwendoline,Mr Tobias Wyn-Hartley,4418207\n' +
      '2026-11-24,CEPOD,458 116 7205,BRADSTOCK,Liam,Ms Aisha Lateef,6092713\n';
    const ids = (await detect(text, { lang: 'auto' })).spans.filter((s) => s.label === 'ID').map((s) => text.slice(s.start, s.end));
    expect(ids).toEqual(expect.arrayContaining(['4418207', '6092713']));
  });

  it('reads an "RPPS" column of a semicolon export the same way', async () => {
    const text = 'NOM;Prénom;Médecin;RPPS;Date\nMARTIN;Paul;Dr CLAUDEL Mathieu;10083452614;03/11/2026\nDURAND;Léa;Dr FLEURENT Anne;10041203968;05/11/2026\n';
    const ids = (await detect(text, { lang: 'auto' })).spans.filter((s) => s.label === 'ID').map((s) => text.slice(s.start, s.end));
    expect(ids).toEqual(expect.arrayContaining(['10083452614', '10041203968']));
  });
});
