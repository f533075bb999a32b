import { describe, expect, it } from 'vitest';
import { detect } from '../../src/anonymize/text/pipeline.js';

async function cities(text: string): Promise<string[]> {
  const { spans } = await detect(text, { lang: 'en' });
  return spans.filter((s) => s.label === 'CITY').map((s) => text.slice(s.start, s.end));
}

// Regression (held-out miss class "town after a facility, then a phone in brackets"): the town
// after "<facility>, " counted only when the line ended there; a switchboard number in brackets
// often follows it.
describe('the town after a facility, before a bracketed phone number', () => {
  it('reads the town', async () => {
    expect(await cities('Accepted by Riverside Hospital Transfer Center, Winnemucca (775-555-0100)')).toEqual(['Winnemucca']);
  });

  it('not a word before a bracketed remark', async () => {
    expect(await cities('Seen at Riverside Hospital, Outpatients (see letter)')).toEqual([]);
  });
});
