import { describe, expect, it } from 'vitest';
import { detect } from '../../src/anonymize/text/pipeline.js';

async function found(text: string, label: string): Promise<string[]> {
  const { spans } = await detect(text, { lang: 'en' });
  return spans.filter((s) => s.label === label).map((s) => text.slice(s.start, s.end));
}

// Regression (sixth rule round, ZIP miss class from holdout9/holdout10): a postcode of four to six
// digits after its town (Indian PIN codes, Philippine ZIPs) was left as text.
describe('postcode digits after a listed town', () => {
  it('an Indian PIN code and a Philippine ZIP after the town, the town a CITY', async () => {
    expect(await found('Ruby Hall Clinic, Wanowrie, Pune 411040\nPatient:', 'ZIP')).toEqual(['411040']);
    expect(await found('Ruby Hall Clinic, Wanowrie, Pune 411040\nPatient:', 'CITY')).toContain('Pune');
    expect(await found('lives at 12 Mango Lane, Kochi 682020, Kerala', 'ZIP')).toEqual(['682020']);
  });

  it('not a year after a town, nor digits after an unlisted word', async () => {
    expect(await found('Previous posts: Leeds, London 2019, then Sheffield.', 'ZIP')).toEqual([]);
    expect(await found('Results, Batch 411040.', 'ZIP')).toEqual([]);
  });
});
