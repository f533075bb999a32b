import { describe, expect, it } from 'vitest';
import { detect } from '../../src/anonymize/text/pipeline.js';

const persons = async (text: string) =>
  (await detect(text, { lang: 'en' })).spans.filter((s) => s.label === 'PERSON').map((s) => text.slice(s.start, s.end));

// A draft's tracked comments pasted inline name their reviewer by login or initials ("[comment pjw: …]"): only an
// export's "# note …" comment was read.
describe("a reviewer's initials in a bracketed comment", () => {
  it('reads the initials or login before the colon', async () => {
    const text = 'Case 1 presented with fever [comment pjw: say which week, not the date]; Case 2 [Comment aoneill: consent on file?] relapsed.';
    const found = await persons(text);
    expect(found).toContain('pjw');
    expect(found).toContain('aoneill');
  });

  it('leaves a bracketed note that names no one', async () => {
    expect(await persons('Dose halved [note: see renal function] on day 3.')).toEqual([]);
  });
});
