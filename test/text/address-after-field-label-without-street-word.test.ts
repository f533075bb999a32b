import { describe, expect, it } from 'vitest';
import { detect } from '../../src/anonymize/text/pipeline.js';

async function addresses(text: string, lang: 'en' | 'fr' = 'en'): Promise<string[]> {
  const { spans } = await detect(text, { lang });
  return spans.filter((s) => s.label === 'ADDRESS').map((s) => text.slice(s.start, s.end));
}

// Regression (holdout9/holdout10 miss class "street part with no street word"): after an address
// label, a farm, a townland, a lieu-dit or a district's lot was left because no street word named it.
describe('the street part after an address label, with no street word', () => {
  it('the parts before the town and its postcode', async () => {
    expect(await addresses('Address: Braes of Kinord, Aboyne AB34 5HT\nSeen today')).toEqual(['Braes of Kinord']);
    expect(await addresses('Demeurant Les Hautes Brandes, 79200 Parthenay\nProfession', 'fr')).toEqual(['Les Hautes Brandes']);
    expect(await addresses('Domicile : Treichville Zone 3, îlot 12, Bouaké\nDiagnostic', 'fr')).toEqual(['Treichville Zone 3, îlot 12']);
  });

  it('the town before an Irish county or a state and its ZIP', async () => {
    expect(await addresses('Address: Gort na Móna, Kilmichael, Co. Cork P14 X2Y3\nDOB')).toEqual(['Gort na Móna']);
  });

  it('no address from prose, an e-mail field, a stated absence or a single value', async () => {
    expect(await addresses('We will address this, Dr Moss, at clinic.')).toEqual([]);
    expect(await addresses('Email address: j.lane@example.org, work')).toEqual([]);
    expect(await addresses('Address: NFA, Leeds')).toEqual([]);
    expect(await addresses('Address: Inverurie\nDOB')).toEqual([]);
  });
});

describe('what the street part after an address label leaves to other labels', () => {
  it('a district of one word before the town, and a town before its province', async () => {
    expect(await addresses('Résidence : Biyem-Assi, Yaoundé ; téléphone', 'fr')).toEqual([]);
    const { spans } = await detect('Address: Purok 5, Brgy. Lahug, Minglanilla, Cebu\nAdmitted', { lang: 'en' });
    const text = 'Address: Purok 5, Brgy. Lahug, Minglanilla, Cebu\nAdmitted';
    expect(spans.filter((s) => s.label === 'ADDRESS').map((s) => text.slice(s.start, s.end))).toEqual(['Purok 5, Brgy. Lahug']);
  });

  it('"à domicile" in a sentence is no field label', async () => {
    expect(await addresses('RÉÉDUCATION À DOMICILE CHEZ MME LUCIE MARTY, ORTHOPHONISTE À LIBOURNE.', 'fr')).toEqual([]);
  });
});
