import { describe, expect, it } from 'vitest';
import { detect } from '../../src/anonymize/text/pipeline.js';

async function found(text: string, label: string): Promise<string[]> {
  const { spans } = await detect(text, { lang: 'en' });
  return spans.filter((s) => s.label === label).map((s) => text.slice(s.start, s.end));
}

// Regression (holdout26/33/40–45, read; +10 towns, +2 postcodes across the read sets): the town after a named house
// ("Dalvey Cottage, Cromdale |"), a boat's or a job's base ("a trawler out of Castletownshend"), and a lowercase Canadian
// postcode with its town ("morden r6m 1t4") were left in clear.
describe('towns after a named house or "out of", and a lowercase Canadian postcode', () => {
  it('the town after a named house', async () => {
    expect(await found('| Mrs Grant | 28/07/1933 | Dalvey Cottage, Cromdale | 01479 872 612 |', 'CITY')).toEqual(['Cromdale']);
    expect(await found('Address: Satron Side Farm, Gunnerside, North Yorkshire DL11 6LD', 'CITY')).toContain('Gunnerside');
  });

  it('a harbour or base after "out of"', async () => {
    expect(await found('He skippers a trawler out of Castletownshend. He has a history', 'CITY')).toEqual(['Castletownshend']);
    expect(await found('deckhand on a creel boat out of St Monans harbour', 'CITY')).toEqual(['St Monans']);
    expect(await found('He works out of Hours on weekends.', 'CITY')).toEqual([]);
  });

  it('a lowercase Canadian postcode and the town before it, a province between', async () => {
    const text = 'address 330 stephen st, morden r6m 1t4. ctas 2.';
    expect(await found(text, 'ZIP')).toEqual(['r6m 1t4']);
    expect(await found(text, 'CITY')).toEqual(['morden']);
    expect(await found('lives 12 main st, gimli mb r0c 1b0', 'CITY')).toEqual(['gimli']);
  });
});
