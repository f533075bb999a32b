import { describe, expect, it } from 'vitest';
import { detect } from '../../src/anonymize/text/pipeline.js';

async function employers(text: string, lang: 'fr' | 'en' = 'en'): Promise<string[]> {
  const { spans } = await detect(text, { lang });
  return spans.filter((s) => s.label === 'HOSPITAL').map((s) => text.slice(s.start, s.end));
}

// Regression (holdout14..37, read: 48 employers in clear): a job and "at" / "for" / "with" ("forklift driver at Tata
// Steel", "primary teacher at dunblane primary", "deckhand with magnolia marine transport", "chauffeur à la société
// …", "ouvrier chez somfy cluses") named the employer without "works at"; and a lowercase name after "works at" was
// lost when the sentence went on with no punctuation ("works at kaptumo tea factory consented phone …").
describe('an employer after a job noun, and a lowercase employer that the sentence runs on from', () => {
  it('is an employer after a job and at / for / with, in English and in French', async () => {
    expect(await employers('a 47-year-old forklift driver at Tata Steel Corby Tube Works. He had')).toEqual(['Tata Steel Corby Tube Works']);
    expect(await employers('ms eilish tait, 29, primary teacher at dunblane primary (off since may)')).toEqual(['dunblane primary']);
    expect(await employers('he works as a driver for kilimanjaro safari tours, so no driving')).toEqual(['kilimanjaro safari tours']);
    expect(await employers('ancien chauffeur a la societe sotraco transports point', 'fr')).toEqual(['societe sotraco transports']);
  });

  it('ends at a workplace word, a dash or a dictation word', async () => {
    expect(await employers('husband daniel kipchumba works at kaptumo tea factory consented phone zero seven')).toEqual(['kaptumo tea factory']);
    expect(await employers('came on the bus. works at loch fyne oysters – wants note.')).toEqual(['loch fyne oysters']);
    expect(await employers('enseignant au lycee pardon employe a la sonatrach a hassi messaoud', 'fr')).toEqual(['sonatrach']);
  });

  it('not ordinary words or a town after a job', async () => {
    expect(await employers('the nurse at the ward said she was fine')).toEqual([]);
    expect(await employers('She is a teacher at Harlow now.')).toEqual([]);
  });
});
