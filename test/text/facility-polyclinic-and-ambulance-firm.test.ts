import { describe, expect, it } from 'vitest';
import { detect } from '../../src/anonymize/text/pipeline.js';

// Regression (holdout44 miss class): a polyclinic ("Six Roads Polyclinic", the Caribbean's and Singapore's primary
// care) and an ambulance firm ("MedStat Ambulance") named without a hospital word went out in clear.
describe('a polyclinic and an ambulance firm', () => {
  it('are facilities', async () => {
    const text = '[26/11/2026, 07:55] Nurse Carmichael (Six Roads Polyclinic): Good morning.\nMedStat Ambulance ETA 23:40.';
    const { spans } = await detect(text, { lang: 'en' });
    const facilities = spans.filter((s) => s.label === 'HOSPITAL').map((s) => text.slice(s.start, s.end));
    expect(facilities).toEqual(['Six Roads Polyclinic', 'MedStat Ambulance']);
  });

  it('starts the name after a sentence that ends inside the run of capitals', async () => {
    const text = 'Driver Ojong Peter. MedStat Ambulance ETA 23:40.';
    const { spans } = await detect(text, { lang: 'en' });
    expect(spans.filter((s) => s.label === 'HOSPITAL').map((s) => text.slice(s.start, s.end))).toEqual(['MedStat Ambulance']);
  });

  it('leaves the ambulance that came', async () => {
    const { spans } = await detect('The ambulance came at 23:40 and the polyclinic was closed.', { lang: 'en' });
    expect(spans.filter((s) => s.label === 'HOSPITAL')).toEqual([]);
  });
});
