import { describe, expect, it } from 'vitest';
import { detect } from '../../src/anonymize/text/pipeline.js';

const ids = async (text: string) => (await detect(text, { lang: 'en' })).spans.filter((s) => s.label === 'ID').map((s) => text.slice(s.start, s.end));

// A reference whose system's name has six letters ("Our ref: HPZone 2611-0473", a public-health case number) was left
// in clear: only a prefix of five letters at most was read before the digits.
describe("a reference after a system's name of six letters", () => {
  it('is an identifier', async () => {
    const found = await ids('Our ref: HPZone 3307-1184\nPlease quote our ref HPZone 118/26/05512 when you call.');
    expect(found.some((s) => s.includes('3307-1184'))).toBe(true);
    expect(found.some((s) => s.includes('118/26/05512'))).toBe(true);
  });
});
