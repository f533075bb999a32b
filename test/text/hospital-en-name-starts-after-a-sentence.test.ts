import { describe, expect, it } from 'vitest';
import { detect } from '../../src/anonymize/text/pipeline.js';

const spans = async (text: string) => (await detect(text, { lang: 'en' })).spans.map((s) => `${s.label}:${text.slice(s.start, s.end)}`);

// A hospital's name read back over capitalised words ran across a sentence's end and swallowed the doctor before it:
// "given by Dr Ruth Okafor. Called Teaching Hospital Kandy" was one HOSPITAL span.
describe("an English hospital's name after a sentence's end", () => {
  it('starts after the sentence that names the doctor', async () => {
    const found = await spans('Twenty vials given by Dr Ruth Okafor. Called Teaching Hospital Kandy for a bed.');
    expect(found.some((s) => s.startsWith('HOSPITAL:') && s.includes('Okafor'))).toBe(false);
    expect(found.some((s) => s.startsWith('HOSPITAL:') && s.includes('Teaching Hospital'))).toBe(true);
    expect(found.some((s) => s.startsWith('PERSON:') && s.includes('Okafor'))).toBe(true);
  });

  it("keeps an abbreviation's dot inside the name", async () => {
    expect(await spans('She was seen at St. Columba Hospital last week.')).toContain('HOSPITAL:St. Columba Hospital');
  });
});
