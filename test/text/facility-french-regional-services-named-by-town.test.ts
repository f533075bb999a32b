import { describe, expect, it } from 'vitest';
import { detect } from '../../src/anonymize/text/pipeline.js';

async function labelled(text: string): Promise<string[]> {
  const { spans } = await detect(text, { lang: 'fr' });
  return spans.filter((s) => s.label === 'HOSPITAL' || s.label === 'CITY').map((s) => `${s.label} ${text.slice(s.start, s.end)}`);
}

// Regression (holdout7, holdout10, holdout11 misses): regional health services are named after their
// town ("CeGIDD de Bourges", "CECOS de Tours", "smur de perpignan"); only the town was found, as a CITY,
// where the gold marks the service whole.
describe('a regional health service named by its town', () => {
  it('is one facility, capitalised or lowercase', async () => {
    expect(await labelled('Fiche de liaison – CeGIDD de Bourges – 19/11/2025')).toEqual(['HOSPITAL CeGIDD de Bourges']);
    expect(await labelled('Demande de don d\'ovocytes – CECOS de Tours\nDonneuse : Mme X')).toEqual(['HOSPITAL CECOS de Tours']);
    expect(await labelled('fiche d\'intervention – smur de perpignan – mardi')).toEqual(['HOSPITAL smur de perpignan']);
    expect(await labelled('téléconsultation avec le CCMM de Toulouse pour douleur')).toEqual(['HOSPITAL CCMM de Toulouse']);
  });

  it('the same acronyms alone, or before an ordinary word, name no facility', async () => {
    expect(await labelled('le SMUR a été appelé à 3 h')).toEqual([]);
    expect(await labelled('SAMU SOCIAL — rapport de maraude')).toEqual([]);
  });
});
