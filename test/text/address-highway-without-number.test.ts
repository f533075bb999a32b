import { describe, expect, it } from 'vitest';
import { detect } from '../../src/anonymize/text/pipeline.js';

async function addresses(text: string): Promise<string[]> {
  const { spans } = await detect(text, { lang: 'en' });
  return spans.filter((s) => s.label === 'ADDRESS').map((s) => text.slice(s.start, s.end));
}

// Regression (holdout11 miss class): a named highway with no number ("rollover on … Hwy", "collision,
// … Highway, <town>") locates the event and was left as text.
describe('highways named without a number', () => {
  it('a highway or its abbreviation is the street part', async () => {
    expect(await addresses('Patient: single-vehicle rollover on Cunningham Hwy near Aratula.')).toEqual(['Cunningham Hwy']);
    expect(await addresses('Incident: truck collision, Midland Highway, Bagdad')).toEqual(['Midland Highway']);
  });

  it('a lowercase "highway" in prose stays text', async () => {
    expect(await addresses('he drove on the highway all night')).toEqual([]);
  });
});
