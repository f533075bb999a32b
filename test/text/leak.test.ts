import { afterAll, describe, expect, it } from 'vitest';
import { createTextDeidentifier } from '../../src/anonymize/text/deidentifier.js';
import { testIdentity } from './helpers.js';

/**
 * Notes written for this test (not in the dev set nor the training templates), each with the PHI
 * it contains. After de-identification none of these strings may remain, in either mode.
 */
const NOTES: { lang: 'fr' | 'en'; text: string; phi: string[] }[] = [
  {
    lang: 'fr',
    text:
      'CHU de Poitiers – Service de pneumologie\nPoitiers, le 3 avril 2024\n\nCher confrère,\nJ’ai vu Mme Ghislaine Bourdeau, née le 17/09/1951, domiciliée 8 rue Carnot, 86000 Poitiers (tél. 05 49 44 44 44, ghislaine.bourdeau@free.fr), IPP 4410298831, pour une BPCO. Son fils Thierry Bourdeau l’accompagnait.\nBien confraternellement,\nDr Étienne Rochereau',
    phi: ['Poitiers', '3 avril 2024', 'Ghislaine', 'Bourdeau', '17/09/1951', '8 rue Carnot', '86000', '05 49 44 44 44', 'ghislaine.bourdeau@free.fr', '4410298831', 'Thierry', 'Rochereau'],
  },
  {
    lang: 'en',
    text:
      'Dear Dr. Whitcombe,\nI saw Mr. Desmond Pryce (MRN 77310452, DOB 02/14/1947) at Riverside General Hospital on March 3, 2024. He lives at 18 Willow Street, Springfield, IL 62704; phone (217) 555-0123; email dpryce47@gmail.com. He is 93 years old. SSN 212-45-6789.\nSincerely,\nHannah Kessler, MD',
    phi: ['Whitcombe', 'Desmond', 'Pryce', '77310452', '02/14/1947', 'Riverside General Hospital', 'March 3, 2024', '18 Willow Street', 'Springfield', '62704', '(217) 555-0123', 'dpryce47@gmail.com', '93', '212-45-6789', 'Kessler'],
  },
];

const identity = testIdentity(3);
const realistic = createTextDeidentifier({ identity, mode: 'realistic' });
const tags = createTextDeidentifier({ identity, mode: 'tags' });
afterAll(async () => {
  await realistic.close();
  await tags.close();
});

describe('no known PHI survives de-identification', () => {
  for (const note of NOTES) {
    for (const [name, deid] of [['tags', tags], ['realistic', realistic]] as const) {
      it(`${note.lang} note, ${name} mode`, async () => {
        const out = (await deid.deidentify(note.text, { format: 'plain', lang: note.lang, patientId: 'leak-1' }))!;
        const leaked = note.phi.filter((p) => new RegExp(`(?<![\\p{L}\\p{N}])${p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\p{L}\\p{N}])`, 'u').test(out));
        expect(leaked).toEqual([]);
      });
    }
  }

  it('leaves the clinical content readable', async () => {
    const out = (await tags.deidentify(NOTES[0]!.text, { format: 'plain', lang: 'fr' }))!;
    expect(out).toContain('pour une BPCO');
    expect(out).toContain('Service de pneumologie');
  });
});
