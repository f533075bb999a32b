import { describe, expect, it } from 'vitest';
import { detect } from '../../src/anonymize/text/pipeline.js';

async function found(text: string, lang: 'fr' | 'en'): Promise<string[]> {
  const { spans } = await detect(text, { lang });
  return spans.map((s) => `${s.label} ${text.slice(s.start, s.end)}`);
}

// Regression (held-out miss class "a word hyphenated across a line by OCR or wrapping"): a facility
// or a name cut by a hyphen at a line end ("Unity Hospi-⏎tal", "HOLLI-⏎DAY") was missed or half found.
describe('words hyphenated across a line break', () => {
  it('finds a facility and a name glued back without the hyphen, offsets in the original', async () => {
    expect(await found('Records requested from Lakeview Hospi-\ntal, radiology dept.', 'en')).toContain('HOSPITAL Lakeview Hospi-\ntal');
    expect(await found('Name: MARGARET WHITTING-\nTON\nDOB: 02/03/1941', 'en')).toContain('PERSON MARGARET WHITTING-\nTON');
  });

  it('adds nothing to ordinary words cut by a hyphen', async () => {
    const text = 'Le patient est sorti du ser-\nvice de cardio-\nlogie hier.';
    expect((await found(text, 'fr')).filter((s) => s.startsWith('PERSON') || s.startsWith('HOSPITAL'))).toEqual([]);
  });
});
