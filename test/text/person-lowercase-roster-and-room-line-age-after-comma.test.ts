import { describe, expect, it } from 'vitest';
import { detect } from '../../src/anonymize/text/pipeline.js';

async function persons(text: string, lang: 'en' | 'fr' = 'en'): Promise<string[]> {
  const { spans } = await detect(text, { lang });
  return spans.filter((s) => s.label === 'PERSON').map((s) => text.slice(s.start, s.end));
}

// Regression (holdout29 miss class): lowercase handover rosters ("nurse in charge: becky / hca sam", "ide :
// mélanie / aurore") named only the first carer, and a room line whose two unknown names are followed by a
// comma and the age ("bed 2 – alfie penrose, 12,") named nobody.
describe('lowercase rosters', () => {
  it('"nurse in charge", "hca", and the next name after a slash', async () => {
    expect(await persons('nurse in charge: becky / hca sam / on call surgeon: mr ogundipe')).toEqual(expect.arrayContaining(['becky', 'sam']));
    expect(await persons('pharmacie upco. ide : mélanie / aurore.', 'fr')).toEqual(expect.arrayContaining(['mélanie', 'aurore']));
  });

  it('an ordinary word after the slash is no carer', async () => {
    expect(await persons('nurse in charge: becky / bleep 2210')).toEqual(['becky']);
  });
});

describe('a room line with the age after a comma', () => {
  it('names the patient even when no list knows the names', async () => {
    expect(await persons('home in redruth with twins.\nbed 2 – alfie penrose, 12, torsion r testis')).toContain('alfie penrose');
  });
});

// Regression (holdout30 miss class): a theatre or lab list opens each line on its case code and a dash ("G26-55022 –
// fitzpatrick, desmond 58y – appendix"); the lowercase surname-first name after it was left in clear.
describe('a lowercase surname-first line after a case code and a dash', () => {
  it('names the surname and the given name', async () => {
    expect(await persons('bairnsdale.\nG26-55022 – kilpatrick, desmond 58y – appendix, perforated')).toEqual(expect.arrayContaining(['kilpatrick', 'desmond']));
  });
});
