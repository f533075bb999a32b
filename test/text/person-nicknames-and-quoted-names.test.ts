import { describe, expect, it } from 'vitest';
import { detect } from '../../src/anonymize/text/pipeline.js';

async function persons(text: string, lang: 'en' | 'fr'): Promise<string[]> {
  const { spans } = await detect(text, { lang });
  return spans.filter((s) => s.label === 'PERSON').map((s) => text.slice(s.start, s.end));
}

// Regression (held-out miss class "nicknames and names in quotes"): the name was found but its
// nickname ("aka", "dit", "prénom d'usage", between the first name and the surname) or the name on
// an intercom was left, though it identifies the person as well.
describe('nicknames and quoted names', () => {
  it('after a word that announces one', async () => {
    expect(await persons('Client: Tobias Wren (aka "Tobs"), seen today', 'en')).toContain('Tobs');
    expect(await persons('M. Lucien Arnaud, dit « Pilou », sans domicile', 'fr')).toContain('Pilou');
    expect(await persons("consultant : prénom d'usage « sacha », 24 ans", 'fr')).toEqual(['sacha']);
  });

  it('the name on an intercom', async () => {
    expect(await persons('code 4471B, interphone « LEBRETON-DIAS », 2e étage', 'fr')).toEqual(['LEBRETON-DIAS']);
  });

  it('between a first name and a surname, or in brackets after the name', async () => {
    expect(await persons('Patient: Margaret "Bunny" Ashworth   DOB 02/02/1950', 'en')).toContain('Bunny');
    expect(await persons('Client: Pham Thi Lan ("Lan") UR 55120', 'en')).toContain('Lan');
  });

  // Regression (holdout46, lowercase nursing notes): the bracketed nickname after a lowercase name was left in clear.
  it('in brackets after a name written in lowercase', async () => {
    expect(await persons('1040 - mr pidgeon kenneth ("ken"), 90, lives alone goodooga.', 'en')).toContain('ken');
    expect(await persons('bed 4 - giuseppe lamattina ("joe"), 78, from loxton.', 'en')).toContain('joe');
    expect(await persons('he said the pain was ("sharp") today', 'en')).toEqual([]);
  });

  it('not a quoted term', async () => {
    expect(await persons('the "good" knee is worse; called "urgent" by triage', 'en')).toEqual([]);
    expect(await persons('Device ("Standard") fitted', 'en')).toEqual([]);
  });
});
