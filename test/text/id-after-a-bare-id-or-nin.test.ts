import { describe, expect, it } from 'vitest';
import { detect } from '../../src/anonymize/text/pipeline.js';

async function labelled(text: string): Promise<[string, string][]> {
  const { spans } = await detect(text, { lang: 'en' });
  return spans.map((s) => [s.label, text.slice(s.start, s.end)]);
}

// Regression (5 identifiers in clear over the read sets): "ID" after a word ("Salvu Borg, ID 0241571M", "MaineCare ID
// AB4417093K"), a Seychelles "NIN", and "still" between the word and its number ("Is her Medicaid still WV-…").
describe('an identifier after a bare "ID", a NIN, or "still"', () => {
  it('is an identifier', async () => {
    const found = await labelled('daughter of Salvu Borg, ID 0241571M. Insurance: MaineCare ID AB4417093K\nHis NIN is still 977-0415-1-3-72?\nIs her Medicaid still WV-0448173926?');
    for (const id of ['0241571M', 'AB4417093K', '977-0415-1-3-72', 'WV-0448173926']) expect(found).toContainEqual(['ID', id]);
  });

  // Regression: the Idaho exception first read every match opening on "id", so "ID patient 83712" went out in clear.
  it('still reads five digits after "ID patient" as an identifier', async () => {
    expect(await labelled('Identifiant : ID patient 83712 admis ce jour.')).toContainEqual(['ID', '83712']);
  });

  it('leaves Idaho and its ZIP code, and a tray', async () => {
    const found = await labelled('190 E. Bannock St., Boise, ID 83712\nminor set (tray id 00412-B) returned');
    expect(found).toContainEqual(['ZIP', '83712']);
    expect(found.filter(([label]) => label === 'ID')).toEqual([]);
  });
});
