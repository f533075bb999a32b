import { describe, expect, it } from 'vitest';
import { detect } from '../../src/anonymize/text/pipeline.js';

async function cities(text: string): Promise<string[]> {
  const { spans } = await detect(text, { lang: 'en' });
  return spans.filter((s) => s.label === 'CITY').map((s) => text.slice(s.start, s.end));
}

// Regression (held-out miss class "town written just before a UK or Canadian postcode"): the
// postcode was found but the town before it was left, or taken by the model for a name, when no
// gazetteer knew it.
describe('the town before a UK or Canadian postcode', () => {
  it('after a comma', async () => {
    expect(await cities('Home: 4 Quarry Bank, Morpeth NE61 2QX')).toEqual(['Morpeth']);
  });

  it('after a street word with no comma, the street words left out', async () => {
    expect(await cities('moved to 9 Orchard Close Tewkesbury GL20 5PW last month')).toEqual(['Tewkesbury']);
  });

  it('a town in several words and a Canadian postcode', async () => {
    expect(await cities('Lives at 12, rue des Érables, app. 2, Trois-Rivières G8Z 1X4')).toEqual(['Trois-Rivières']);
    expect(await cities('Clinic, Stratford upon Avon CV37 6NX')).toEqual(['Stratford upon Avon']);
  });

  it('not a title, a label or a postal box before the postcode', async () => {
    expect(await cities('Postcode SW1A 1AA')).toEqual([]);
    expect(await cities('PO Box 12, EH1 1YZ')).toEqual([]);
  });
});
