import { describe, expect, it } from 'vitest';
import { detect } from '../../src/anonymize/text/pipeline.js';

async function labelled(text: string): Promise<string[]> {
  const { spans } = await detect(text, { lang: 'en' });
  return spans.map((s) => `${text.slice(s.start, s.end)}:${s.label}`);
}

// Regression (holdout24, read): a lowercase note's care place was read as its town only ("from balfour
// care home" hid "balfour" as a CITY, "taken to blackpool victoria hospital" likewise).
describe('a care place named in a lowercase note', () => {
  it('is a facility, whole, after a word of movement or place', async () => {
    expect(await labelled('dnacpr in place. from kirkwall care home, buckhaven.')).toContain('kirkwall care home:HOSPITAL');
    expect(await labelled('admission expected from st andrews community hospital ?pericarditis')).toContain('st andrews community hospital:HOSPITAL');
    expect(await labelled('collar, 999, taken to blackpool victoria hospital')).toContain('blackpool victoria hospital:HOSPITAL');
  });

  // Regression (holdout46 and the read sets): a header's place at the line's start or after a dash, and a clinic.
  it("is the facility a header names, and a clinic after a word of place", async () => {
    expect(await labelled('kilifi county referral hospital – male medical ward – nursing notes')).toContain('kilifi county referral hospital:HOSPITAL');
    expect(await labelled('renal dietitian phone review – lismore base hospital renal unit')).toContain('lismore base hospital:HOSPITAL');
    expect(await labelled('stitches out at chamboli clinic in ten days')).toContain('chamboli clinic:HOSPITAL');
  });

  it("leaves a header's outreach clinic to the town rules", async () => {
    expect(await labelled('wed 18/11 – fitzroy crossing clinic')).not.toContain('fitzroy crossing clinic:HOSPITAL');
  });

  it('is no facility without a name: generic words before the head', async () => {
    const out = await labelled('transferred to the community hospital, then from local care home to general hospital');
    expect(out.some((s) => s.endsWith(':HOSPITAL'))).toBe(false);
  });
});
