import { describe, expect, it } from 'vitest';
import { ppsnCheck } from '../../src/anonymize/text/recognizers/ids-national.js';
import { detect } from '../../src/anonymize/text/pipeline.js';

async function ids(text: string): Promise<string[]> {
  const { spans } = await detect(text, { lang: 'en' });
  return spans.filter((s) => s.label === 'ID').map((s) => text.slice(s.start, s.end));
}

// Regression (holdout26, read): an Irish PPS number further from its label than the context window
// ("Her PPSN for the medical card review is 4120859A") stayed in clear; its check letter says what it is.
describe('an Irish PPS number', () => {
  it('has a check letter over its digits and its second letter', () => {
    expect(ppsnCheck('4120859')).toBe('A');
    expect(ppsnCheck('6380127', 'A')).toBe('L');
  });

  it('is an identifier wherever it stands when its check letter holds', async () => {
    expect(await ids("Her PPSN for the medical card review is 4120859A. I've sent the form")).toEqual(['4120859A']);
    expect(await ids('Register entry (for PrEP): 6380127LA.')).toEqual(['6380127LA']);
  });

  it('not seven digits and a letter that fails the check', async () => {
    expect(await ids('tray 4120859B expired in the fridge')).toEqual([]);
  });
});
