import { describe, expect, it } from 'vitest';
import { detect } from '../../src/anonymize/text/pipeline.js';

const hospitals = async (text: string) =>
  (await detect(text, { lang: 'en' })).spans.filter((s) => s.label === 'HOSPITAL').map((s) => text.slice(s.start, s.end));

// A surgical specialty was read as a facility: "(General Surgery)", "Department of Plastic Surgery", "Hand Surgery
// Waiting List" (an English practice is a "Surgery" too, but then a place's name comes before the word).
describe('a surgical specialty before "Surgery"', () => {
  it('is no facility', async () => {
    const text = 'Requesting clinician: Dana Holt, MD (General Surgery). Referred to Thoracic Surgery and Hand Surgery.';
    expect(await hospitals(text)).toEqual([]);
  });

  it('while a practice named by its place still is one', async () => {
    expect(await hospitals('Copy to Dr Reid, Balfron Surgery, Buchanan Street.')).toContain('Balfron Surgery');
  });
});
