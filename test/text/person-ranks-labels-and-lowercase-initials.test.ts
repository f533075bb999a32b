import { describe, expect, it } from 'vitest';
import { detect } from '../../src/anonymize/text/pipeline.js';

const persons = async (text: string, lang: 'fr' | 'en') =>
  (await detect(text, { lang })).spans.filter((s) => s.label === 'PERSON').map((s) => text.slice(s.start, s.end));

// Regression (2026-11-30, PERSON recall): officers named after their rank ("ADJ. FOUCHER", "sgt Pellow"),
// names after the labels of call logs and pharmacy records ("STANDARDISTE :", "Traité par :"), and an
// initial with a lowercase surname after a role or "dr" ("pharmacist: h. de vries", "dr e. woodward":
// a surname that is also an English word was dropped as a duty, "Dr de garde").
describe('names after ranks, record labels and lowercase initials', () => {
  it('are found', async () => {
    expect(await persons('APPEL GENDARMERIE (ADJ. FOUCHER) : recherche personne disparue', 'fr')).toEqual(['FOUCHER']);
    expect(await persons('hcp notes: custody sgt Pellow on duty', 'en')).toEqual(['Pellow']);
    expect(await persons('STANDARDISTE : J. ROUSSELOT', 'fr')).toEqual(['J. ROUSSELOT']);
    expect(await persons('Traité par : Florian, préparateur – le 26/11/2026', 'fr')).toEqual(['Florian']);
    expect(await persons('community health. pharmacist: h. de vries', 'en')).toEqual(['h. de vries']);
    expect(await persons('operators: dr r. chauhan / dr e. woodward.', 'en')).toEqual(['r. chauhan', 'e. woodward']);
  });

  it('leave a rank used as a noun alone', async () => {
    expect(await persons('See the Commandant Report attached.', 'en')).toEqual([]);
    expect(await persons('le médecin de garde et le Dr de garde', 'fr')).toEqual([]);
  });
});
