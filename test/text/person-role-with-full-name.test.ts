import { describe, expect, it } from 'vitest';
import { detect } from '../../src/anonymize/text/pipeline.js';

async function persons(text: string, lang: 'en' | 'fr'): Promise<string[]> {
  const { spans } = await detect(text, { lang });
  return spans.filter((s) => s.label === 'PERSON').map((s) => text.slice(s.start, s.end));
}

// Regression (held-out miss class "a care or service role before a full name"): the role rule took
// one capitalised word and knew no nurse, audiologist, chaplain, medic, ambulance crew, night
// watch, police officer (OPJ) or Sister, so "Nurse: <first> <last>" and "ambulancier <first> <last>"
// were left or cut to one word.
describe('a role before a first name and a surname', () => {
  it('English roles', async () => {
    expect(await persons('Nurse: Ailsa Drummond RGN, NMC PIN 01A2345B', 'en')).toEqual(['Ailsa Drummond']);
    // The title may join the name: what matters is that both words are inside one span.
    expect((await persons('Chaplain: Revd Tomasz Wierzbicki, ext. 4410', 'en')).join()).toMatch(/Tomasz Wierzbicki$/);
    expect(await persons('Handover to Sr Blessing Adeyemi at 22:10.', 'en')).toEqual(['Blessing Adeyemi']);
  });

  it('French roles', async () => {
    expect(await persons('équipage : ambulancier Goulven Tanguy, 2 patients', 'fr')).toEqual(['Goulven Tanguy']);
    expect(await persons("sur réquisition de l'OPJ Karim Belkacem, commissariat", 'fr')).toEqual(['Karim Belkacem']);
  });

  it('stops at a word that is no name, and leaves a service alone', async () => {
    expect(await persons('Audiologist: Priya Lundqvist Report attached', 'en')).toEqual(['Priya Lundqvist']);
    expect(await persons('Nurse: Triage pending', 'en')).toEqual([]);
  });
});
