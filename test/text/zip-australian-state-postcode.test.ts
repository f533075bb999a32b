import { describe, expect, it } from 'vitest';
import { detect } from '../../src/anonymize/text/pipeline.js';

async function labelled(text: string, label: string): Promise<string[]> {
  const { spans } = await detect(text, { lang: 'en' });
  return spans.filter((s) => s.label === label).map((s) => text.slice(s.start, s.end));
}

// Regression (held-out miss class "Australian addresses: town, state code, four-digit postcode"):
// the four digits after VIC / NSW / QLD … were left, and the town before the state was left or read
// as a first name with an upper-case surname ("Douglas VIC").
describe('an Australian postcode after its state code, and the town before it', () => {
  it('finds the postcode and the town, the state left alone', async () => {
    const text = 'Home visit: Unit 4, 88 Wattle Grove, Bendigo VIC 3550 (side gate).';
    expect(await labelled(text, 'ZIP')).toEqual(['3550']);
    expect(await labelled(text, 'CITY')).toEqual(['Bendigo']);
  });

  it('a town that is also a first name is the town', async () => {
    const text = 'Lives at 7 Banksia Court, Douglas VIC 3409 with her son.';
    expect(await labelled(text, 'CITY')).toEqual(['Douglas']);
    expect(await labelled(text, 'PERSON')).toEqual([]);
  });

  it('not four digits its state never uses (a year, a count)', async () => {
    expect(await labelled('Guidelines NSW 9021 apply; SA 2020 audit done.', 'ZIP')).toEqual([]);
  });
});
