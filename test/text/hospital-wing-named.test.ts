import { describe, expect, it } from 'vitest';
import { detect } from '../../src/anonymize/text/pipeline.js';

async function labelled(text: string): Promise<string[]> {
  const { spans } = await detect(text, { lang: 'en' });
  return spans.map((s) => `${s.label} ${text.slice(s.start, s.end)}`);
}

// Regression (miss class "a hospital's wing named after a place or a benefactor"): letterheads that write the wing
// after the service ("Respiratory Clinic, Lavington Wing", "Dysplasia Clinic, Ellen Badger Wing") left the wing in
// clear or read its benefactor as a patient's name.
describe("a hospital's named wing", () => {
  it("reads a wing named after a place or a benefactor as a facility", async () => {
    const out = await labelled('Interstitial Lung Disease Service, Pendlebrook Wing\nSkeletal Dysplasia Clinic, Agnes Whitcombe Wing\n');
    expect(out).toEqual(expect.arrayContaining(['HOSPITAL Pendlebrook Wing', 'HOSPITAL Agnes Whitcombe Wing']));
    expect(out.filter((s) => s.startsWith('PERSON'))).toEqual([]);
  });

  it('leaves a wing named by where it is alone', async () => {
    expect((await labelled('The West Wing is closed; use the Private Wing lifts.')).filter((s) => s.startsWith('HOSPITAL'))).toEqual([]);
  });
});
