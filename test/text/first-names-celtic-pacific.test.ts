import { describe, expect, it } from 'vitest';
import { isFirstName } from '../../src/anonymize/text/gazetteers.js';
import { detect } from '../../src/anonymize/text/pipeline.js';

async function persons(text: string): Promise<string[]> {
  const { spans } = await detect(text, { lang: 'en' });
  return spans.filter((s) => s.label === 'PERSON').map((s) => text.slice(s.start, s.end));
}

// Regression (holdout48 miss class): Welsh, Irish, Breton, Basque, Quebec, Māori and Pacific given names ("Emyr",
// "Sioned", "Bleuenn", "Maialen", "Hinano", "Wiremu") were in no name list, so the rules that want a first name (a
// possessive, a lowercase name after a role, name propagation) let them out in clear.
describe('Celtic, Basque, Quebec, Māori and Pacific given names', () => {
  it('are first names, but not as a short word in capitals nor when a dictionary or a town list holds them', () => {
    for (const name of ['Emyr', 'Sioned', 'Niamh', 'Bleuenn', 'Maialen', 'Ghislaine', 'Wiremu', 'Hinano', 'Sione']) expect(isFirstName(name)).toBe(true);
    for (const word of ['SIONE', 'Lise', 'Moana', 'Caradog']) expect(isFirstName(word)).toBe(false);
  });

  it('are read where a first name is wanted', async () => {
    const found = await persons("Subject: Emyr's chest drain wound\nward round: nurse eilidh, hca wiremu");
    expect(found).toEqual(expect.arrayContaining(['Emyr', 'eilidh', 'wiremu']));
  });
});
