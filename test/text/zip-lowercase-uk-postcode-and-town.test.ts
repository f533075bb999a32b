import { describe, expect, it } from 'vitest';
import { detect } from '../../src/anonymize/text/pipeline.js';

async function places(text: string): Promise<string[]> {
  const { spans } = await detect(text, { lang: 'en' });
  return spans.filter((s) => s.label === 'ZIP' || s.label === 'CITY').map((s) => `${s.label} ${text.slice(s.start, s.end)}`);
}

// Regression (holdout13 miss class: three lowercase notes): a UK postcode typed in lowercase at the end
// of an address was left as text; only the upper-case shape was read.
describe('a lowercase UK postcode closing an address', () => {
  it('is a ZIP, and the comma part before it the town', async () => {
    expect(await places('home: flat 3, 19 bridge street, leominster hr6 8dx\n28/11 09:10 – weekly flush')).toEqual(['CITY leominster', 'ZIP hr6 8dx']);
    expect(await places('| nhs 663 923 3215 | home: 2 orchard way, bognor regis po21 3qd\nset 1 (baseline)')).toEqual(['CITY bognor regis', 'ZIP po21 3qd']);
  });

  it('the town part is no street', async () => {
    expect(await places('lives at 4 the mews, hr6 8dx')).toEqual(['ZIP hr6 8dx']);
  });

  it('the shape alone, with no postcode area or not closing a part, stays text', async () => {
    expect(await places('staged t2 3ab on the scan, reviewed')).toEqual([]);
    expect(await places('he said ok2 3ss, fine')).toEqual([]);
    expect(await places('ward po21 3qd review tomorrow')).toEqual([]);
  });
});
