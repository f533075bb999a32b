import { describe, expect, it } from 'vitest';
import { detect } from '../../src/anonymize/text/pipeline.js';

async function labelled(text: string, lang: 'fr' | 'en'): Promise<string[]> {
  const { spans } = await detect(text, { lang });
  return spans.filter((s) => s.label === 'HOSPITAL' || s.label === 'PERSON').map((s) => `${s.label} ${text.slice(s.start, s.end)}`);
}

// Regression (held-out miss class "facilities with no hospital head word, or named after a person"):
// practices, mental-health centres, laboratories, ambulance firms and schools were missed, or found
// as a PERSON when named after someone.
describe('facilities without a hospital word', () => {
  it('finds French practices, centres, labs, ambulance firms and schools, named after a person too', async () => {
    const text = 'Suivi au Cabinet infirmier des Acacias puis au CMP Victor Hugo, bilan au Laboratoire Biolyon, transport Ambulances Ricard.';
    expect(await labelled(text, 'fr')).toEqual(['HOSPITAL Cabinet infirmier des Acacias', 'HOSPITAL CMP Victor Hugo', 'HOSPITAL Laboratoire Biolyon', 'HOSPITAL Ambulances Ricard']);
    expect(await labelled('Scolarisée à l\'école maternelle Paul Bert, vue au Centre de santé communal Simone Veil.', 'fr')).toEqual([
      'HOSPITAL école maternelle Paul Bert',
      'HOSPITAL Centre de santé communal Simone Veil',
    ]);
    expect(await labelled('Résultats SYNLAB du 3 mars', 'fr')).toEqual(['HOSPITAL SYNLAB']);
  });

  it("keeps a practitioner's practice a person, and a lab named by its town that town", async () => {
    expect(await labelled('Pansement au cabinet de Mme Garnier.', 'fr')).toEqual(['PERSON Garnier']);
    expect((await labelled('Laboratoire de Quimper : NFS normale', 'fr')).filter((s) => s.startsWith('HOSPITAL'))).toEqual([]);
  });

  it('finds English practices, nursing facilities, centres and schools with a proper name', async () => {
    expect(await labelled('Registered with Meadowbank Family Practice; lives at Oakridge Skilled Nursing.', 'en')).toEqual([
      'HOSPITAL Meadowbank Family Practice',
      'HOSPITAL Oakridge Skilled Nursing',
    ]);
    expect(await labelled('Attends Whitcombe School and the Portman Centre weekly.', 'en')).toEqual(['HOSPITAL Whitcombe School', 'HOSPITAL Portman Centre']);
  });

  it('leaves generic centres and schools alone', async () => {
    expect(await labelled('Goes to a Day Centre; finished High School; seen in the Trauma Center.', 'en')).toEqual([]);
    expect(await labelled('le cabinet est fermé, labo ok, pharmacie de garde', 'fr')).toEqual([]);
  });
});
