import { describe, expect, it } from 'vitest';
import { detect } from '../../src/anonymize/text/pipeline.js';

const hospitals = async (text: string) =>
  (await detect(text, { lang: 'en' })).spans.filter((s) => s.label === 'HOSPITAL').map((s) => text.slice(s.start, s.end));

// The emergency services that bring a patient in are named after their place and were read as a person or a town
// (32 of 36 such names in the read sets are marked as facilities).
describe('an emergency service named after its place', () => {
  it('is a facility: EMS, emergency services, a fire department, a rescue', async () => {
    expect(await hospitals('Note: Mr. Crisp transported by Franklin County EMS from Rocky Mount.')).toContain('Franklin County EMS');
    expect(await hospitals('Transport standby: Cooper Landing Emergency Services. Medical radio')).toContain('Cooper Landing Emergency Services');
    expect(await hospitals('EMS (Gallup Fire Department) transported him.')).toContain('Gallup Fire Department');
    expect(await hospitals('gentleman brought in by Island Pond Rescue from his home')).toContain('Island Pond Rescue');
  });

  it('is a facility after "Ambulance" too, in English and in French', async () => {
    expect(await hospitals("I've held the methotrexate. Ambulance Victoria case number A V two six")).toContain('Ambulance Victoria');
    const fr = (await detect("s'est présentée à l'urgence par ambulance Dessercom pour vomissements", { lang: 'fr' })).spans;
    expect(fr.filter((s) => s.label === 'HOSPITAL').length).toBe(1);
  });

  // The same heads' neighbours: aged-care homes and home-care firms ("Hillview Aged Care", "Linde Homecare").
  it('is a facility before "Aged Care" or "Homecare"', async () => {
    expect(await hospitals('94yo, NH resident Hillview Aged Care, Cessnock; daughter Linh')).toContain('Hillview Aged Care');
    expect(await hospitals('doreen says carer from Peak Homecare missed tea visit')).toContain('Peak Homecare');
  });

  it('leaves a generic service alone', async () => {
    expect(await hospitals('Call the Emergency Services if it happens again.')).toEqual([]);
  });
});
