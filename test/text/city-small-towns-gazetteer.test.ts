import { describe, expect, it } from 'vitest';
import { detect } from '../../src/anonymize/text/pipeline.js';

async function cities(text: string): Promise<string[]> {
  const { spans } = await detect(text, { lang: 'en' });
  return spans.filter((s) => s.label === 'CITY').map((s) => text.slice(s.start, s.end));
}

// Regression (holdout16, 25, 26, read): places of 1,000 to 4,999 people ("Llandovery", "Ballyshannon",
// "Lampeter") were in no list, so "from", "in", "near" did not make them towns.
describe('towns of 1,000 to 4,999 people (data/small-towns.json)', () => {
  it('are towns after a place word', async () => {
    expect(await cities('Next of kin: nephew Seamus, who lives in Ballyshannon, 087 933 4105.')).toEqual(['Ballyshannon']);
    expect(await cities('She drove down from Lampeter this morning.')).toEqual(['Lampeter']);
  });

  it('not a country, an acronym, or a word a list or a dictionary holds', async () => {
    expect(await cities('Journey: from Italy by boat, then to Denmark.')).toEqual([]);
    expect(await cities('The patient was transferred to PACU at 14:00.')).toEqual([]);
    expect(await cities('seen in Ward 3 then sent to Christmas party')).toEqual([]);
  });
});
