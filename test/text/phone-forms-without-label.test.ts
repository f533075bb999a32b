import { describe, expect, it } from 'vitest';
import { detect } from '../../src/anonymize/text/pipeline.js';

async function found(text: string, lang: 'fr' | 'en'): Promise<string[]> {
  const { spans } = await detect(text, { lang });
  return spans.map((s) => `${s.label} ${text.slice(s.start, s.end)}`);
}

// Regression (held-out miss classes "a spaced North American number with no phone word" — taken for
// an ID —, "extensions and pagers", "a number dictated digit by digit").
describe('phone numbers without a phone word before them', () => {
  it('reads a spaced North American number as a phone, but an identifier context or column still wins', async () => {
    expect(await found('Mother could not be reached at 720 555 0148 this morning.', 'en')).toContain('PHONE 720 555 0148');
    expect(await found('MRN 720 555 0148 checked at the desk.', 'en')).toContain('ID 720 555 0148');
  });

  it('finds extensions and pager numbers', async () => {
    expect(await found('Cardiology fellow on call, pager 6620, ext. 3345.', 'en')).toEqual(expect.arrayContaining(['PHONE 6620', 'PHONE 3345']));
    expect(await found('Joindre la diététicienne au poste 52 118.', 'fr')).toContain('PHONE 52 118');
    expect((await found('Retour au poste de soins 3 fois.', 'fr')).filter((s) => s.startsWith('PHONE'))).toEqual([]);
  });

  it('finds a number dictated one digit per word, not a short count', async () => {
    expect(await found('call me back at six one seven five five five two two nine oh thanks', 'en')).toContain('PHONE six one seven five five five two two nine oh');
    expect((await found('she had two or three falls, one in May', 'en')).filter((s) => s.startsWith('PHONE'))).toEqual([]);
  });
});
