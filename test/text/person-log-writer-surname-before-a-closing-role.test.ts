import { describe, expect, it } from 'vitest';
import { detect } from '../../src/anonymize/text/pipeline.js';

const persons = async (text: string) =>
  (await detect(text, { lang: 'en' })).spans.filter((s) => s.label === 'PERSON').map((s) => text.slice(s.start, s.end));

// A log's writer named by first name and surname before the role that closes the line ("- dale tyrrell en") was left
// in clear: only a first name, maybe with an initial, was read there.
describe("a log's writer with the whole surname before the role", () => {
  it('reads both words', async () => {
    const text = 'retrieval notes\n\nwed 25/11/26 2140 - mirri coulthard rn\nobs stable, fluids running.\n\nthu 26/11/26 0615 - jed pantazis en\nslept well.\n';
    const found = await persons(text);
    expect(found).toContain('mirri coulthard');
    expect(found).toContain('jed pantazis');
  });

  it('leaves a second word with no role after it to the other rules', async () => {
    const text = 'retrieval notes\n\nwed 25/11/26 2140 - mirri coulthard\nobs stable.\n';
    expect(await persons(text)).not.toContain('mirri coulthard');
  });
});
