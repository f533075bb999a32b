import { describe, expect, it } from 'vitest';
import { detect } from '../../src/anonymize/text/pipeline.js';

async function labelled(text: string): Promise<string[]> {
  const { spans } = await detect(text, { lang: 'en' });
  return spans.map((s) => `${text.slice(s.start, s.end)}:${s.label}`);
}

// Regression (holdout29): "Elliot Lake" and "Owen Sound" read as a first name and a surname, a PERSON; a
// listed town whose last word is a lake, a sound or a river is the town.
describe('a first name before a water word', () => {
  it('is a CITY when a list holds the two words', async () => {
    expect(await labelled('Her family doctor is Dr Naomi Bellerose in Elliot Lake (fax 705-848-2217).')).toContain('Elliot Lake:CITY');
    expect(await labelled('a CT on Monday at the Owen Sound site')).toContain('Owen Sound:CITY');
  });

  it('a person whose surname is a water word stays a person', async () => {
    expect(await labelled('Seen with Sarah Rivers and Tom Bay today.')).not.toContain('Sarah Rivers:CITY');
  });
});
