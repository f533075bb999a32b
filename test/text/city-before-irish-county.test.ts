import { describe, expect, it } from 'vitest';
import { detect } from '../../src/anonymize/text/pipeline.js';

async function cities(text: string): Promise<string[]> {
  const { spans } = await detect(text, { lang: 'en' });
  return spans.filter((s) => s.label === 'CITY').map((s) => text.slice(s.start, s.end));
}

// Regression (holdout24, read): an Irish town before its county ("Cloonanaha, Inagh, Co. Clare") was read
// as a person or left in clear: no list holds every Irish village.
describe('a town before an Irish county', () => {
  it('is a town, capitalised or not', async () => {
    expect(await cities('Address: Cloonanaha, Inagh, Co. Clare')).toContain('Inagh');
    expect(await cities('client: bridie (87), gortnafolla, ballyheane, co. mayo. mrn 0384412')).toContain('ballyheane');
  });

  it('is not a street before the county', async () => {
    expect(await cities('Address: 4 Main Street, Co. Mayo')).not.toContain('Main Street');
  });
});
