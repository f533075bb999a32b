import { describe, expect, it } from 'vitest';
import { detect } from '../../src/anonymize/text/pipeline.js';

async function hospitals(text: string): Promise<string[]> {
  const { spans } = await detect(text, { lang: 'en' });
  return spans.filter((s) => s.label === 'HOSPITAL').map((s) => text.slice(s.start, s.end));
}

// Regression (holdout47, read; +4 across the read sets): an English regional hospital by its acronym ("at KBRH", "at NRH
// in Honiara", "refer MTRH") was left in clear.
describe('a regional hospital by its acronym', () => {
  it('after a word that says a place comes', async () => {
    expect(await hospitals('Update: they put a stent in at CBRH on Thursday.')).toEqual(['CBRH']);
    expect(await hospitals('you need tonsil operation at NRH in Honiara.')).toEqual(['NRH']);
  });

  it('not a record number, nor a finding after an adjective', async () => {
    expect(await hospitals('Chart No. (IRH): IRH-0091183')).toEqual([]);
    expect(await hospitals('OD: new SRF temporal to fovea, small SRH.')).toEqual([]);
  });
});
