import { describe, expect, it } from 'vitest';
import { detect } from '../../src/anonymize/text/pipeline.js';

async function facilities(text: string): Promise<string[]> {
  const { spans } = await detect(text, { lang: 'en' });
  return spans.filter((s) => s.label === 'HOSPITAL').map((s) => text.slice(s.start, s.end));
}

// Regression (held-out miss class "practices named by their medical field, dental studios, NHS
// trusts"): "Brightwater Cardiology", "Lakeshore Family Medicine", "Pearl Dental Studio", "… NHS
// Foundation Trust" have no hospital word. A field alone is a department, not a practice.
describe('practices named by their field, dental studios and NHS trusts', () => {
  it('reads a practice named by its field after a name no dictionary knows', async () => {
    expect(await facilities('Referring: Dr Ana Ruiz – Brightwater Cardiology, Sandusky')).toContain('Brightwater Cardiology');
    expect(await facilities('PCP: Lakeshore Family Medicine, 200 Main St')).toContain('Lakeshore Family Medicine');
  });

  it('reads dental studios and NHS trusts', async () => {
    expect(await facilities('Seen at Pearl Dental Studio yesterday')).toContain('Pearl Dental Studio');
    expect(await facilities('Letterhead: Harbourside Hospitals NHS Foundation Trust')).toEqual([expect.stringContaining('Harbourside Hospitals NHS Foundation Trust')]);
  });

  it('leaves a department named by ordinary words alone', async () => {
    expect(await facilities('Referred to Paediatric Neurology and Adult Cardiology for review.')).toEqual([]);
  });
});
