import { describe, expect, it } from 'vitest';
import { detect } from '../../src/anonymize/text/pipeline.js';
import { frenchNumberValue } from '../../src/anonymize/text/recognizers/postcode-said-in-french.js';

async function found(text: string, label: string): Promise<string[]> {
  const { spans } = await detect(text, { lang: 'fr' });
  return spans.filter((s) => s.label === label).map((s) => text.slice(s.start, s.end));
}

describe('French number words', () => {
  it('read as speech-to-text writes them', () => {
    expect(frenchNumberValue(['quatre-vingt-dix-neuf'])).toBe(99);
    expect(frenchNumberValue(['deux', 'cent', 'quatre-vingt-dix'])).toBe(290);
    expect(frenchNumberValue(['quatre', 'mille', 'deux', 'cents'])).toBe(4200);
    expect(frenchNumberValue(['vingt', 'et', 'un'])).toBe(21);
    expect(frenchNumberValue(['rue'])).toBeUndefined();
  });
});

// Regression (holdout27/29/31, read; +5 postcodes across the read sets): a postal code said in words between a dictated
// street and its commune ("rue de la froidiere vingt-cinq deux cent quatre-vingt-dix ornans") was read as the street's
// name, and the street swallowed a code said after "code postal".
describe('a postal code said in words in a dictated address', () => {
  it('between the street and the commune that owns it', async () => {
    const text = 'adresse dix-sept rue de la froidiere vingt-cinq deux cent quatre-vingt-dix ornans telephone zero six';
    expect(await found(text, 'ZIP')).toEqual(['vingt-cinq deux cent quatre-vingt-dix']);
    expect(await found(text, 'ADDRESS')).toEqual(['rue de la froidiere']);
  });

  it('after "code postal", the street ending before it', async () => {
    const text = 'adresse 4 rue des Sauniers code postal un sept deux zéro zéro Royan point';
    expect(await found(text, 'ADDRESS')).toEqual(['4 rue des Sauniers']);
    expect(await found(text, 'ZIP')).toEqual(['un sept deux zéro zéro']);
  });

  it('not number words the commune does not own', async () => {
    expect(await found('adresse 3 rue du moulin vingt-cinq deux cents lacaune telephone', 'ZIP')).toEqual([]);
  });
});
