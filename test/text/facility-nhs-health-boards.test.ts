import { describe, expect, it } from 'vitest';
import { detect } from '../../src/anonymize/text/pipeline.js';

async function facilities(text: string): Promise<string[]> {
  const { spans } = await detect(text, { lang: 'en' });
  return spans.filter((s) => s.label === 'HOSPITAL').map((s) => text.slice(s.start, s.end));
}

// Regression: "NHS Dumfries and Galloway" was read as a surname ("Galloway"), "NHS Highland" as
// nothing: a health board names where the patient is treated.
describe('an NHS health board', () => {
  it('is a facility, region words joined by "and", department words left out', async () => {
    expect(await facilities('NHS Dumfries and Galloway — Child and Adolescent Mental Health Service')).toContain('NHS Dumfries and Galloway');
    expect(await facilities('She was referred via NHS Highland last year.')).toEqual(['NHS Highland']);
    expect(await facilities('Care transferred to NHS Greater Glasgow and Clyde.')).toEqual(['NHS Greater Glasgow and Clyde']);
  });

  it('is a facility in New Zealand too: a DHB, a Te Whatu Ora district', async () => {
    expect(await facilities('Whangārei;Northland DHB;ALD cirrhosis')).toContain('Northland DHB');
    expect(await facilities('Te Whatu Ora Lakes — Rotorua Hospital')).toContain('Te Whatu Ora Lakes');
  });

  it('is not a national body, a programme or the NHS number', async () => {
    expect(await facilities('Registered with NHS England; NHS Direct called.')).toEqual([]);
    expect(await facilities('Offered the NHS Newborn Hearing Screening Programme.')).toEqual([]);
    expect(await facilities('NHS Number 943 476 5919')).toEqual([]);
  });
});
