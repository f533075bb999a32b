import { describe, expect, it } from 'vitest';
import { detect } from '../../src/anonymize/text/pipeline.js';

async function ids(text: string): Promise<string[]> {
  const { spans } = await detect(text, { lang: 'en' });
  return spans.filter((s) => s.label === 'ID').map((s) => text.slice(s.start, s.end));
}

// Regression (holdout3, holdout15, holdout23, read 2026-11-30): a long number with a state or issuer
// suffix in capitals ("ProviderOne ID 108847219WA", "CRN: 318 447 902K") was no identifier at all: the
// fail-closed long-number rule refused any letter after the digits.
describe('a long number with a capital-letter suffix', () => {
  it('is an identifier, suffix included', async () => {
    expect(await ids('Medicaid (Apple Health) ProviderOne ID 108847219WA.')).toEqual(['108847219WA']);
    expect(await ids('Centrelink CRN 318 447 902K on file.')).toEqual(['318 447 902K']);
  });

  it('but not a number glued to a lowercase word or a unit', async () => {
    expect(await ids('Platelets 12345678mg is nonsense, and 20260101abc too.')).toEqual([]);
  });
});
