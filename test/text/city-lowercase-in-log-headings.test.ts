import { describe, expect, it } from 'vitest';
import { detect } from '../../src/anonymize/text/pipeline.js';

async function cities(text: string): Promise<string[]> {
  const { spans } = await detect(text, { lang: 'fr' });
  return spans.filter((s) => s.label === 'CITY').map((s) => text.slice(s.start, s.end));
}

// Regression: the town in a lowercase log's heading stayed in clear: set apart by dashes
// ("— pamiers") or right after a unit's abbreviation ("uhs alencon", "hdj rhumato marmande").
describe('a lowercase town in a log heading', () => {
  it('is a town between dashes or after a unit abbreviation', async () => {
    expect(await cities('transmissions ide — uhs alencon — nuit du 18 au 19/11')).toEqual(['alencon']);
    expect(await cities('hdj rhumato marmande — perfusions biothérapies — mardi 24/11')).toEqual(['marmande']);
    expect(await cities("suivi tel methotrexate — ide d'education — pamiers\n")).toEqual(['pamiers']);
  });

  it('is not an ordinary word that is also a commune, nor a residence named after a saint', async () => {
    expect(await cities('photos visage (recadrage sous le menton)')).toEqual([]);
    expect(await cities('ehpad résidence sainte-anne — visite')).toEqual([]);
  });
});
