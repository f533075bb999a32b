import { describe, expect, it } from 'vitest';
import { detect } from '../../src/anonymize/text/pipeline.js';

async function persons(text: string): Promise<string[]> {
  const { spans } = await detect(text, { lang: 'en' });
  return spans.filter((s) => s.label === 'PERSON').map((s) => text.slice(s.start, s.end));
}

// Regression (holdout25, read): family text threads introduce the writer by whose relative they are
// ("Gareth's wife", "Hemi's daughter"); the name before the possessive was left, or read as a town.
describe('a name before a possessive and a family word', () => {
  it('is a person', async () => {
    expect(await persons('Sorry to text so late, this is Gareth\'s wife. Is he still sedated?')).toEqual(['Gareth']);
    expect(await persons('kia ora, Hemi\'s daughter here. is dad still going over the hill?')).toEqual(['Hemi']);
  });

  it('not an ordinary word before the possessive', async () => {
    expect(await persons('The patient\'s daughter called back; Mother\'s Day visit planned.')).toEqual([]);
  });
});
