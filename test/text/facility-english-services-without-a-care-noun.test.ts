import { describe, expect, it } from 'vitest';
import { detect } from '../../src/anonymize/text/pipeline.js';

async function facilities(text: string): Promise<string[]> {
  const { spans } = await detect(text, { lang: 'en' });
  return spans.filter((s) => s.label === 'HOSPITAL').map((s) => text.slice(s.start, s.end));
}

// Regression: services named by a specialty or a kind of care with no "Clinic" or "Centre" word stayed in
// clear or were read as a person ("Harmony Adult").
describe('an English service named by its kind of care', () => {
  it('is a facility', async () => {
    expect(await facilities('Clinic: Darling Downs Allergy, 14 Margaret St')).toEqual(['Darling Downs Allergy']);
    expect(await facilities("I'm the program coordinator at Harmony Adult Day Program.")).toEqual(['Harmony Adult Day Program']);
    expect(await facilities('Signed, NP, Teche Occupational Medicine')).toEqual(['Teche Occupational Medicine']);
    expect(await facilities("ok I'll ring the Safetynet Primary Care van")).toEqual(['Safetynet Primary Care']);
    expect(await facilities('shelter nurse log — Crossroads Shelter, Kalispell MT')).toContain('Crossroads Shelter');
  });

  it('does not cut a joined name and needs a name word that is not generic', async () => {
    // "Allergy" before "& …" is not the head: the name goes on (the model reads it whole).
    expect(await facilities('Prescriber: Hamid Rostami, MD — Las Cruces Allergy & Asthma Associates')).not.toContain('Las Cruces Allergy');
    expect(await facilities('Referred to the Primary Care team and a Day Program.')).toEqual([]);
  });
});
