import { describe, expect, it } from 'vitest';
import { detect } from '../../src/anonymize/text/pipeline.js';
import { makeDoc } from '../../src/anonymize/text/normalize.js';
import { compoundStreetSpans } from '../../src/anonymize/text/recognizers/address-compound-street.js';

async function addresses(text: string): Promise<string[]> {
  const { spans } = await detect(text, { lang: 'en' });
  return spans.filter((s) => s.label === 'ADDRESS').map((s) => text.slice(s.start, s.end));
}

// Regression (holdout39 miss class): Nordic, Finnish and Dutch streets glue their kind to their name and put
// the number after it ("Godbyvägen 41", "Laarbeeklaan 101"); in a register's column no street word or field
// label announced them, and the street went out in clear.
describe('a street whose kind is glued to its name', () => {
  it('is the street part of an address in a table cell or after a dash', async () => {
    expect(await addresses('| Linnéa Karlsson | 030691-264S | Godbyvägen 41 | Finström |')).toContain('Godbyvägen 41');
    expect(await addresses('| Elsa Lindholm | 180118A4087 | Norra Esplanadgatan 9 B 14 | Mariehamn |')).toContain('Norra Esplanadgatan 9 B 14');
    expect(await addresses('| Gunnar Sjölund | 250955-119D | Storby byväg 12 | Eckerö |')).toContain('Storby byväg 12');
    expect(await addresses('compte rendu – UZ Brussel – Laarbeeklaan 101, 1090 Jette')).toContain('Laarbeeklaan 101');
  });

  it('needs its number, a capital, and takes no sentence word before it', () => {
    const streets = (text: string) => compoundStreetSpans(makeDoc(text, 'en')).map((s) => text.slice(s.start, s.end));
    expect(streets('the laan 4 and Kerkstraat without number, Katie 4 years, Brigade 3')).toEqual([]);
    expect(streets('Visited Kerkstraat 41 today')).toEqual(['Kerkstraat 41']);
  });
});
