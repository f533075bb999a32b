import { describe, expect, it } from 'vitest';
import { detect } from '../../src/anonymize/text/pipeline.js';
import { shiftWrittenDate } from '../../src/anonymize/text/recognizers/dates.js';
import { fold } from '../../src/anonymize/text/normalize.js';

async function dates(text: string, lang: 'en' | 'fr' = 'en'): Promise<string[]> {
  const { spans } = await detect(text, { lang });
  return spans.filter((s) => s.label === 'DATE').map((s) => text.slice(s.start, s.end));
}

// Regression (holdout24..42 miss class, 27 spans): an English ward note writes the day it plans or tells in lower
// case shorthand after a word of the note, closing the clause ("rv mon.", "to call fam wed.", "condom broke sat
// night", "admission expected tue am", "Please still come Wed."), and "wed", "sat", "sun", "mon" were read only
// after a few cue words. Every example is invented.
describe('a weekday shorthand closing a clause of an English note', () => {
  it('is a date', async () => {
    expect(await dates('eye irrigated, chloramphenicol. rv mon.')).toEqual(['mon']);
    expect(await dates('sw to call fam wed. rn on shift: k. obi')).toEqual(['wed']);
    expect(await dates('transcranial doppler sat am. partner aware')).toEqual(['sat']);
    expect(await dates('Thanks. Please still come Wed. Call if unwell.')).toEqual(['Wed']);
  });

  it('not after an article, a pronoun or a saturation, and not inside a schedule', async () => {
    expect(await dates('he sat, then stood with help')).toEqual([]);
    expect(await dates('left out in the sun. burns to arms')).toEqual([]);
    expect(await dates('physio on the ward mon–fri only')).toEqual([]);
    expect(await dates('bus to the clinic only mon-thu')).toEqual([]);
  });

  it('French "mon" stays a word', async () => {
    expect(await dates('je cherche mon. dossier ?', 'fr')).toEqual([]);
  });

  it('moves as a weekday in the surrogate', () => {
    expect(shiftWrittenDate('mon', 3, { lang: 'en' }, fold)).toBe('thu');
    expect(shiftWrittenDate('Wed', 3, { lang: 'en' }, fold)).toBe('Sat');
  });
});
