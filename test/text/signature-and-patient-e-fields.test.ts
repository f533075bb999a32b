import { describe, expect, it } from 'vitest';
import { detect } from '../../src/anonymize/text/pipeline.js';

const persons = async (text: string, lang: 'en' | 'fr' = 'fr') => (await detect(text, { lang })).spans.filter((s) => s.label === 'PERSON').map((s) => text.slice(s.start, s.end));

// Regression (miss class "a form's signer after SIGNATURE, and a patient after PATIENT(E)"): "SIGNATURE : P. VERGNE"
// and "PATIENT(E) : ALCARAZ NEE PUIG" went out in clear: neither label was a name field's.
describe('a signature field and a PATIENT(E) field', () => {
  it("reads the signer after SIGNATURE, up to a wide gap", async () => {
    expect(await persons('FAIT LE 25/11/2026    SIGNATURE : P. VERGNE')).toEqual(['P. VERGNE']);
    expect(await persons('Signature: A. Qureshi   MSP #3K418', 'en')).toEqual(['A. Qureshi']);
  });

  it('reads no signer where the form asks for the place and the date', async () => {
    expect(await persons('Lieu, date et signature : Avenches, le 27.11.2026')).toEqual([]);
  });

  it('reads a patient after PATIENT(E)', async () => {
    const covered = (await persons('PATIENT(E) : ALCARAZ NEE PUIG MONTSERRAT   NE(E) LE 03/11/1938')).join(' ');
    for (const part of ['ALCARAZ', 'PUIG', 'MONTSERRAT']) expect(covered).toContain(part);
  });

  it('reads no given name in a credential glued to a slash', async () => {
    expect(await persons('Evaluating OT: Kristen Albrecht, OTR/L (NM license OT-4471)', 'en')).toEqual(['Kristen Albrecht']);
  });
});
