import { describe, expect, it } from 'vitest';
import { detect } from '../../src/anonymize/text/pipeline.js';

async function found(text: string, lang: 'fr' | 'en'): Promise<string[]> {
  const { spans } = await detect(text, { lang });
  return spans.map((s) => `${s.label} ${text.slice(s.start, s.end)}`);
}

// Regression (miss classes of lowercase notes and forms): a lowercase known first name right after "pt"
// / "patient" (and the surname after it when it is no ordinary word); a town given in a form field
// ("Ville :", "Place of birth:"), known to a gazetteer or capitalised.
describe('names after "pt", towns in form fields', () => {
  it('finds a lowercase patient name after pt, not a verb', async () => {
    expect(await found('pt chloe (4yo) afebrile overnight', 'en')).toContain('PERSON chloe');
    expect(await found('pt maria gonzalez, 52f, chest pain', 'en')).toContain('PERSON maria gonzalez');
    expect((await found('pt will call back, patient states pain', 'en')).filter((s) => s.startsWith('PERSON'))).toEqual([]);
  });

  it('finds a town in a form field', async () => {
    expect(await found('Ville : Lannion\nTél : 02 96 00 00 00', 'fr')).toContain('CITY Lannion');
    expect(await found('Place of birth: Sligo, Ireland', 'en')).toContain('CITY Sligo');
    expect((await found('commune : inconnue', 'fr')).filter((s) => s.startsWith('CITY'))).toEqual([]);
  });
});
