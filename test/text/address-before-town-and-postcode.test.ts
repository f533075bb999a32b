import { describe, expect, it } from 'vitest';
import { detect } from '../../src/anonymize/text/pipeline.js';

async function addresses(text: string, lang: 'en' | 'fr' = 'en'): Promise<string[]> {
  const { spans } = await detect(text, { lang });
  return spans.filter((s) => s.label === 'ADDRESS').map((s) => text.slice(s.start, s.end));
}

// Regression (holdout11/holdout12 miss classes): an address line with no label, no number and no street
// word ("…, Bretton Gate, Peterborough PE3 9GZ") kept its street part as text.
describe('street part before a town and its postcode', () => {
  it('a lane or an estate before a UK town and postcode', async () => {
    expect(await addresses('Westfield General Hospital, Oakmoor Gate, Harrogate HG2 7XY, tel 01423 555 000')).toEqual(['Oakmoor Gate']);
    expect(await addresses('Institute of Skin Studies\nPrimrose Hill, London NW3 2QT\n')).toEqual(['Primrose Hill']);
  });

  it('a farm before a French postcode and town', async () => {
    expect(await addresses('| ROUX Marcel | Le Mas de Brunet, 46100 Figeac | pansement |', 'fr')).toEqual(['Le Mas de Brunet']);
  });

  it('a facility, a titled person or a town before the town stays theirs', async () => {
    expect(await addresses('Airedale Royal Infirmary, Keighley BD20 6TD')).toEqual([]);
    expect(await addresses('Dr Owen Price, Lincoln LN1 3DF')).toEqual([]);
  });
});

describe('a district after a street is no street part', () => {
  it('the part after a numbered or named street stays for the town rules', async () => {
    expect(await addresses('12 Heol Fach, Rhiwbina, Cardiff CF14 6AA')).not.toContain('Rhiwbina');
    expect(await addresses('Mill Lane, Broadclyst, Exeter EX5 3AB')).not.toContain('Broadclyst');
  });
});
