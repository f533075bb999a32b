import { describe, expect, it } from 'vitest';
import { detect } from '../../src/anonymize/text/pipeline.js';

const cities = async (text: string) => (await detect(text, { lang: 'en' })).spans.filter((s) => s.label === 'CITY').map((s) => text.slice(s.start, s.end));

// Regression (miss class "where a relative is, or where someone came from"): "your maternal aunt in Cork", "by my sister
// in Fox Hill", "came from Hove overnight", "she's driving from St. Johnsbury", "no ride from kaikohe" left the town in
// clear: no list held it, or a dictionary did ("Petal", "Stow"), and nothing before "in" or "from" said a place came.
describe('the town of a relative or of a journey', () => {
  it('is a town after a relative and "in"', async () => {
    expect(await cities('We also talked about your maternal aunt in Cork, who had ovarian cancer at 52.')).toEqual(['Cork']);
    expect(await cities('Davon still sleeping by my sister in Fox Hill')).toEqual(['Fox Hill']);
    expect(await cities('yes at my moms in Petal. see you soon')).toEqual(['Petal']);
  });

  it('is a town after a journey and "from", capitalised or not', async () => {
    expect(await cities('She came from Hove overnight with a first seizure.')).toEqual(['Hove']);
    expect(await cities("Deb Gagnon, she's driving from St. Johnsbury")).toEqual(['St. Johnsbury']);
    expect(await cities('cant make it bro, no ride from kaikohe\nno worries')).toEqual(['kaikohe']);
  });

  it('is no town for a language, a country, a unit, a month or a facility', async () => {
    expect(await cities('Patient and relatives counselled in Tamil. Family from Yemen.')).toEqual([]);
    expect(await cities('Mother stable in HDU. Thank you. His sister in March.')).toEqual([]);
    expect(await cities('Transferred with his wife from St Mary\'s Hospital; team flying from Flying Cloud Airport')).toEqual([]);
  });
});
