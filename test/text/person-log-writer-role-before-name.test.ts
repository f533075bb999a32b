import { describe, expect, it } from 'vitest';
import { detect } from '../../src/anonymize/text/pipeline.js';

const persons = async (text: string) =>
  (await detect(text, { lang: 'auto' })).spans.filter((s) => s.label === 'PERSON').map((s) => text.slice(s.start, s.end));

// A lowercase log that names its writer after the role ("mon 23/11 0800 - rn shontelle") left the name in clear:
// only the role after the name ("- bec (rn)") was read.
describe("a log's writer after the role on the line of its date", () => {
  it('reads an unknown name or a known first name after the role', async () => {
    const text =
      'ward 7 notes\n\nthu 12/11 0715 - rn marlowe\nobs stable overnight, pain 3/10.\n\n' +
      'fri 13/11 1930 - en tayla\nwound dry, ate half the tray.\n\nsat 14/11 0800 - rn yevette\ncultures back, no growth.\n';
    const found = await persons(text);
    for (const name of ['marlowe', 'tayla', 'yevette']) expect(found).toContain(name);
    expect(found).not.toContain('rn');
  });

  it('leaves an entry kind after the role', async () => {
    const text = 'ward 7 notes\n\nthu 12/11 0715 - rn review\nobs stable.\n\nfri 13/11 1930 - rn handover\nwound dry.\n';
    expect(await persons(text)).toEqual([]);
  });
});
