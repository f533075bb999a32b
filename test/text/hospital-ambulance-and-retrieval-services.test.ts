import { describe, expect, it } from 'vitest';
import { detect } from '../../src/anonymize/text/pipeline.js';

async function hospitals(text: string): Promise<string[]> {
  const { spans } = await detect(text, { lang: 'en' });
  return spans.filter((s) => s.label === 'HOSPITAL').map((s) => text.slice(s.start, s.end));
}

// Regression (holdout49, read; holdout14 to holdout48 hold more): ambulance, retrieval and patient-transport services
// named by a place or an owner ("allamakee county ems", "sunraysia patient transport", "Clallam County Fire District 3")
// stayed in clear, or only their town was found.
describe('an ambulance, retrieval or patient-transport service named by a place', () => {
  it('is a HOSPITAL, lowercase or capitalised', async () => {
    expect(await hospitals('11/28 2215 — arrived by allamakee county ems. states took')).toEqual(['allamakee county ems']);
    expect(await hospitals('transferred by sunraysia patient transport + piper team.')).toEqual(['sunraysia patient transport']);
    expect(await hospitals('1900 – burnett air retrieval flight diverted.')).toEqual(['burnett air retrieval']);
    expect(await hospitals('Arrival via Clallam County Fire District 3 medic unit.')).toEqual(['Clallam County Fire District 3']);
    expect(await hospitals('the uncle, a driver with Bo Medical Transport Unit.')).toEqual(['Bo Medical Transport Unit']);
  });

  it('is no place after an ordinary or a possessive word, nor across a sentence', async () => {
    expect(await hospitals('no road ambulance in town; called the air ambulance, private ambulance booked.')).toEqual([]);
    expect(await hospitals('Our ambulance was stopped. Départ en ambulance demain.')).toEqual([]);
    expect(await hospitals('Recommendation: 911 now. EMS transported him.')).toEqual([]);
  });
});
