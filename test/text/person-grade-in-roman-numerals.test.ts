import { describe, expect, it } from 'vitest';
import { detect } from '../../src/anonymize/text/pipeline.js';

// Regression (held-out false-positive class "a grade in Roman numerals after a word that is also a
// first name"): "ASA III" (Asa), "GOLD II" read as a first name and a surname.
describe('a grade in Roman numerals is not a surname', () => {
  it('leaves "ASA II", "ASA IV" and "Gold III" alone', async () => {
    const text = 'Pre-op: ASA II. Previously ASA IV. COPD Gold III.';
    const { spans } = await detect(text, { lang: 'en' });
    expect(spans.filter((s) => s.label === 'PERSON')).toEqual([]);
  });

  it('still reads a first name and a surname', async () => {
    const text = 'Seen with Asa Lindqvist today.';
    const { spans } = await detect(text, { lang: 'en' });
    expect(spans.filter((s) => s.label === 'PERSON').map((s) => text.slice(s.start, s.end))).toEqual(['Asa Lindqvist']);
  });
});
