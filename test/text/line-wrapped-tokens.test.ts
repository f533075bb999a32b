import { describe, expect, it } from 'vitest';
import { detect } from '../../src/anonymize/text/pipeline.js';

async function found(text: string, lang: 'fr' | 'en'): Promise<string[]> {
  const { spans } = await detect(text, { lang });
  return spans.map((s) => `${s.label} ${text.slice(s.start, s.end)}`);
}

// Regression (held-out miss class "words broken across lines"): phones, identifiers, postcodes and
// facility names cut by a line break (OCR, fax wrapping) were not found. The spans found across the
// break must point at the original text, break included.
describe('tokens broken across a line break', () => {
  it('finds a phone number and an identifier cut by a line break, offsets in the original', async () => {
    const text = 'Secrétariat joignable au 04.72.\n11.38.90 en semaine.';
    const { spans } = await detect(text, { lang: 'fr' });
    const phone = spans.find((s) => s.label === 'PHONE')!;
    expect(text.slice(phone.start, phone.end)).toBe('04.72.\n11.38.90');
    expect(await found('N° IPP : 80 33 1\n7 45 20\nSortie', 'fr')).toContain('ID 80 33 1\n7 45 20');
  });

  it('finds a UK postcode and an e-mail cut by a line break', async () => {
    expect(await found('Home address: 14 Mill Lane, Leeds LS6\n2QT', 'en')).toContain('ZIP LS6\n2QT');
    expect(await found('Contact: r.hallam@nhs\n.net for results', 'en')).toContain('EMAIL r.hallam@nhs\n.net');
  });

  it('finds a facility name that goes on on the next line', async () => {
    expect(await found('Transfert vers le Centre hospitalier de\nMontélimar demain.', 'fr')).toContain('HOSPITAL Centre hospitalier de\nMontélimar');
    expect(await found('Discharged to NORTH TYNESIDE\nGENERAL HOSPITAL on foot.', 'en')).toContain('HOSPITAL NORTH TYNESIDE\nGENERAL HOSPITAL');
  });

  it('does not join a heading and the next line into one name, nor numbers of two table rows', async () => {
    expect((await found('Maternité\nBOYER Lucie, sage-femme', 'fr')).filter((s) => s.startsWith('HOSPITAL'))).toEqual([]);
    expect((await found('OPERATIVE REPORT\nWestbrook Memorial Hospital', 'en')).filter((s) => s.startsWith('HOSPITAL'))).toEqual(['HOSPITAL Westbrook Memorial Hospital']);
    expect((await found('Poids 72\nTaille 168', 'fr')).filter((s) => /^(?:ID|PHONE)/.test(s))).toEqual([]);
  });
});
