import { describe, expect, it } from 'vitest';
import { detect } from '../../src/anonymize/text/pipeline.js';

async function persons(text: string, lang: 'fr' | 'en' = 'en'): Promise<string[]> {
  const { spans } = await detect(text, { lang });
  return spans.filter((s) => s.label === 'PERSON').map((s) => text.slice(s.start, s.end));
}

// Regression (holdout9, holdout16, holdout18 and holdout19): "Passenger:", "Conjoint :", "Donor:",
// "Soldier:", "Runner:" fields named people the field rule did not read.
describe('a person field of transport, family and donation forms', () => {
  it('names the person after the label', async () => {
    expect(await persons('Incident report, Nov 21\nPassenger: Ingrid Halvorsen, age 71, seat 14C')).toContain('Ingrid Halvorsen');
    expect(await persons('Conjoint : Amadou Keïta, 07 52 11 40 98.', 'fr')).toContain('Amadou Keïta');
    expect(await persons('Living donor work-up\nDonor: Priyanka Sethi (sister), DOB 03/05/1979')).toContain('Priyanka Sethi');
  });

  it('does not take an answer or an acronym for a name', async () => {
    expect(await persons('Driver licence shows donor = YES.')).toEqual([]);
    expect(await persons('Donor: DCD, ODT donor number 318822')).toEqual([]);
    expect(await persons('| Patient | NHI | Prescriber |')).toEqual([]);
  });
});
