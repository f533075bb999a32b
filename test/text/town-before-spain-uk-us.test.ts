import { describe, expect, it } from 'vitest';
import { makeDoc } from '../../src/anonymize/text/normalize.js';
import { detect } from '../../src/anonymize/text/pipeline.js';
import { townBeforeCountrySpans } from '../../src/anonymize/text/recognizers/town-before-country.js';
import type { Doc, Span } from '../../src/anonymize/text/types.js';

async function cities(text: string, lang: 'fr' | 'en' = 'en'): Promise<string[]> {
  const { spans } = await detect(text, { lang });
  return spans.filter((s) => s.label === 'CITY').map((s) => text.slice(s.start, s.end));
}

// Regression (review of the eighth rule round): the country list of the town-before-country rule
// lacked Spain, the United Kingdom and the United States in both languages, so the town before them
// was left in clear ("Xàtiva, Espagne") or read as a person ("sister, Bozeman, United States").
describe('the town before Spain, the United Kingdom or the United States', () => {
  it('is a CITY, whichever way the country is written', async () => {
    expect(await cities('Réside à Xàtiva, Espagne, depuis 2010.', 'fr')).toEqual(['Xàtiva']);
    expect(await cities('Père né à Ourense (España), mère née à Kirkcaldy (Royaume-Uni).', 'fr')).toEqual(['Ourense', 'Kirkcaldy']);
    expect(await cities('Famille installée à Keswick (Grande-Bretagne) puis à Bozeman (États-Unis).', 'fr')).toEqual(['Keswick', 'Bozeman']);
    expect(await cities('Emergency contact: sister, Bozeman, United States.')).toEqual(['Bozeman']);
    expect(await cities("Family: father's side Keswick, Great Britain; mother's side Dundalk, United States of America.")).toEqual(['Keswick', 'Dundalk']);
    expect(await cities('Previous GP: Ystradowen, U.K. (records requested)')).toEqual(['Ystradowen']);
    // Closing an address, a bare "UK" or "US" is a country: the rule finds the town by itself there.
    for (const text of ['Home: 14 Mill Lane, Ystradowen, UK\nSeen today.', '9b Kirkgate, Flat 2, Ystradowen, US']) {
      expect(townBeforeCountrySpans(makeDoc(text, 'en')).map((s) => text.slice(s.start, s.end))).toEqual(['Ystradowen']);
    }
  });

  it('is a country, not a town, when the model calls it one', async () => {
    const text = 'Vit entre la Grande-Bretagne et España ; né en Arménie, a travaillé au United Kingdom.';
    const model = async (doc: Doc): Promise<Span[]> =>
      ['Grande-Bretagne', 'España', 'Arménie', 'United Kingdom'].map((name) => {
        const start = doc.text.indexOf(name);
        return { start, end: start + name.length, label: 'CITY', score: 0.95, priority: 40, source: 'ner' };
      });
    const { spans } = await detect(text, { lang: 'fr', model });
    expect(spans.filter((s) => s.label === 'CITY')).toEqual([]);
  });

  // Found by the eval on holdout14 while the list grew: a form's heading is no town.
  it('not the heading before a bracket the country does not close', async () => {
    expect(await cities('STATEMENT OF FITNESS FOR WORK (Northern Ireland, Med 3) – practice copy')).toEqual([]);
  });
});

// "US" is ultrasound in French and English notes, "UK" a part of codes: they close an address only.
describe('US and UK outside an address', () => {
  it('leave the word before them alone', async () => {
    expect(await cities('Examens demandés : Radio, US.', 'fr')).toEqual([]);
    expect(await cities('Bilan : Biologie, Scanner, US\nÉchographie/US abdominale normale.', 'fr')).toEqual([]);
    expect(await cities('Imaging: Xray, US\nPlan: review in clinic')).toEqual([]);
    expect(await cities('Kit lot: Alpha, UK\nExpiry 2027')).toEqual([]);
  });
});
