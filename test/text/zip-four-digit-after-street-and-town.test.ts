import { describe, expect, it } from 'vitest';
import { detect } from '../../src/anonymize/text/pipeline.js';

async function labelled(text: string): Promise<string[]> {
  const { spans } = await detect(text, { lang: 'en' });
  return spans.map((s) => `${s.label} ${text.slice(s.start, s.end)}`);
}

// Regression (holdout13, holdout14, holdout17–19, holdout21 read 2026-11-30): the four-digit postcodes of
// Australia, New Zealand, South Africa and much of Europe after a street and its town ("…, Twizel 7901",
// "…, kalgoorlie wa 6430") were left in clear, and a form's column gap after them hid the town too.
describe('a four-digit postcode after a street and its town', () => {
  it('is a ZIP, with or without a state code, before a column gap too', async () => {
    expect(await labelled('Home: 22 Kowhai Street, Geraldine 7930.')).toEqual(expect.arrayContaining(['CITY Geraldine', 'ZIP 7930']));
    expect(await labelled('lives 9 banksia st, dubbo nsw 2830\nreviewed today')).toEqual(expect.arrayContaining(['CITY dubbo', 'ZIP 2830']));
    expect(await labelled('Address: 4 Rimu Lane, Oamaru 9400   Mobile 021 447 0912')).toEqual(expect.arrayContaining(['CITY Oamaru', 'ZIP 9400']));
  });

  it('is not a year after the town', async () => {
    const spans = await labelled('Seen at 12 Elm Road, Leeds 2019.');
    expect(spans).toContain('CITY Leeds');
    expect(spans.some((s) => s.startsWith('ZIP'))).toBe(false);
  });
});
