import { describe, expect, it } from 'vitest';
import { detect } from '../../src/anonymize/text/pipeline.js';

async function labelled(text: string, label: string, lang: 'en' | 'fr' = 'en'): Promise<string[]> {
  const { spans } = await detect(text, { lang });
  return spans.filter((s) => s.label === label).map((s) => text.slice(s.start, s.end));
}

// Regression (held-out miss class "towns and postcodes in JSON or XML pasted into a note"): a
// quoted or camel-case key ("city":"…", "postalCode":"…", "lieuNaissance":"…") is no "City:" field,
// so the value was left unless a gazetteer knew it.
describe('towns and postcodes in structured exports', () => {
  it('JSON address fields, a town no list knows', async () => {
    const text = '{"address":[{"line":["9 Harbour Rd"],"city":"Wollongbar","postalCode":"2477"}]}';
    expect(await labelled(text, 'CITY')).toEqual(['Wollongbar']);
    expect(await labelled(text, 'ZIP')).toEqual(['2477']);
  });

  it('a French export in camel case', async () => {
    const text = '{"nom":"X","lieuNaissance":"Pointe-Noire","codePostal":"97110"}';
    expect(await labelled(text, 'CITY', 'fr')).toEqual(['Pointe-Noire']);
    expect(await labelled(text, 'ZIP', 'fr')).toEqual(['97110']);
  });

  it('XML elements', async () => {
    const text = '<Patient><City>Ketchikan</City><PostalCode>99901</PostalCode></Patient>';
    expect(await labelled(text, 'CITY')).toEqual(['Ketchikan']);
    expect(await labelled(text, 'ZIP')).toEqual(['99901']);
  });

  it('other keys are left alone', async () => {
    expect(await labelled('{"status":"final","code":"12345","unit":"Leeward"}', 'CITY')).toEqual([]);
    expect(await labelled('{"status":"final","code":"12345","unit":"Leeward"}', 'ZIP')).toEqual([]);
  });
});
