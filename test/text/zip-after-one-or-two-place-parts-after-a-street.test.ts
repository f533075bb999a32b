import { describe, expect, it } from 'vitest';
import { detect } from '../../src/anonymize/text/pipeline.js';

async function labelled(text: string): Promise<[string, string][]> {
  const { spans } = await detect(text, { lang: 'en' });
  return spans.map((s) => [s.label, text.slice(s.start, s.end)]);
}

// Regression (15 postcodes in clear over the read sets): after a street, a suburb and a town, or a town followed by
// prose, hid the four-digit postcode ("41 Campbell Street, Karori, Wellington 6012 · Mob …", "27 Taupiri Street, Te
// Kūiti 3910 on Monday").
describe('a postcode after one or two place parts after a street', () => {
  it('is a postcode, and the second part a town', async () => {
    const found = await labelled('41 Campbell Street, Karori, Wellington 6012 · Mob 021 448 3917\nhome visit to 27 Taupiri Street, Te Kūiti 3910 on Monday.\nlives 64 diamond st cooroy 4563, mob 0412 889 305');
    for (const zip of ['6012', '3910', '4563']) expect(found).toContainEqual(['ZIP', zip]);
    expect(found).toContainEqual(['CITY', 'Wellington']);
  });

  // Regression (holdout48 miss class): one lowercase part alone between the street and the postcode is the town.
  it('reads one part alone as the town, without the street\'s compass point', async () => {
    const found = await labelled('mum 0438 217 559, lives 14 orr st zeehan 7469\nhome 1204 1st ave nw waukon 52172');
    expect(found).toContainEqual(['CITY', 'zeehan']);
    expect(found).toContainEqual(['CITY', 'waukon']);
    expect(found).not.toContainEqual(['CITY', 'nw waukon']);
  });

  it('leaves a room number, a year, a phone and a US state code', async () => {
    const found = await labelled('12 High Street, Room 1234 today. 4 Mill Lane, Tadley, mobile 07911 226 508. 55 Fruit Street, Boston, MA 02114.');
    expect(found.filter(([label, text]) => label === 'ZIP' && text !== '02114')).toEqual([]);
    expect(found).not.toContainEqual(['CITY', 'MA']);
    expect(found).not.toContainEqual(['CITY', 'mobile']);
  });
});
