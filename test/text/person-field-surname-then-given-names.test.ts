import { describe, expect, it } from 'vitest';
import { detect } from '../../src/anonymize/text/pipeline.js';

async function persons(text: string): Promise<string[]> {
  const { spans } = await detect(text, { lang: 'en' });
  return spans.filter((s) => s.label === 'PERSON').map((s) => text.slice(s.start, s.end));
}

// Regression (held-out miss class "a patient field with the surname, a comma and the given names"):
// the field rule took the surname and left the given names after the comma.
describe('a field with the surname first, then a comma and the given names', () => {
  it('takes the given names on', async () => {
    expect(await persons('Pt: WOJCIECHOWSKA, Halina / bed 12 / chair 3')).toEqual(['WOJCIECHOWSKA, Halina']);
    expect(await persons('PATIENT: OKONKWO, CHIDERA ADAEZE  DOB 01/02/1990')).toEqual(['OKONKWO, CHIDERA ADAEZE']);
  });

  it('not an ordinary word, nor a town after a full name', async () => {
    expect(await persons('Patient: Haverford, Diabetic review')).toEqual(['Haverford']);
    expect((await persons('PCP: Dr. Ines Valcourt, Hoboken')).join()).not.toMatch(/Hoboken/);
  });
});
