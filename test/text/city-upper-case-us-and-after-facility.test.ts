import { describe, expect, it } from 'vitest';
import { detect } from '../../src/anonymize/text/pipeline.js';

async function found(text: string, lang: 'fr' | 'en'): Promise<string[]> {
  const { spans } = await detect(text, { lang });
  return spans.map((s) => `${s.label} ${text.slice(s.start, s.end)}`);
}

// Regression (held-out miss classes on towns): upper-case US addresses as faxes print them ("… RD
// SPENCERPORT NY 14559"), and a town alone on the rest of the line after a facility and a comma,
// known to no gazetteer ("… Hospital Central, Colorado Springs").
describe('towns in upper-case US addresses and after a facility', () => {
  it('finds the street and the town of an upper-case US address, the town after the street word', async () => {
    expect(await found('PT ADDR: 18 WILLOW BROOK RD CANANDAIGUA NY 14424', 'en')).toEqual(expect.arrayContaining(['ADDRESS 18 WILLOW BROOK RD', 'CITY CANANDAIGUA', 'ZIP 14424']));
    expect(await found('FROM: 9 HARBOR AVE, NEW BEDFORD, MA 02740', 'en')).toContain('CITY NEW BEDFORD');
    expect((await found('SEEN 2 DAYS AGO BY DR KHAN', 'en')).filter((s) => s.startsWith('ADDRESS'))).toEqual([]);
  });

  it('finds a town alone after a facility and a comma, not a department', async () => {
    expect(await found('Discharge summary – Mercy Regional Hospital East, Cedar Falls\nAdmitted 3/2/2024', 'en')).toContain('CITY Cedar Falls');
    expect((await found('Hôpital Nord, Pôle Cardiologie\nCompte rendu', 'fr')).filter((s) => s.startsWith('CITY'))).toEqual([]);
  });
});
