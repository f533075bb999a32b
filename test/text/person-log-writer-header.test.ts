import { describe, expect, it } from 'vitest';
import { detect } from '../../src/anonymize/text/pipeline.js';

const persons = async (text: string) =>
  (await detect(text, { lang: 'auto' })).spans.filter((s) => s.label === 'PERSON').map((s) => text.slice(s.start, s.end));

// The writer a nursing log names on the line that opens a shift's entries was left in clear.
describe("a log's writer on the line of its date", () => {
  it('reads the writer after a dash, with an initial and a role or without', async () => {
    const text =
      'wing notes\n\nsat 21/11 0640 - bec (rn)\n- mrs doreen (93): ok night\n' +
      'tue 17/11 - mere k hca\n- ate well\nsun 22/11 1315 - tash o.\n- transferred\nmer 25/11 nuit - salome\nm. derbez : 2 gaz\n';
    const found = await persons(text);
    for (const name of ['bec', 'mere k', 'tash o.', 'salome']) expect(found).toContain(name);
  });

  it('reads the writer in brackets with the role after a comma', async () => {
    const text = 'transmissions\n\nsam 28/11 nuit (lucette, ide)\n- ras, dort\n\ndim 29/11 matin (fabienne r., as)\n- ta debout 118/66\n';
    const found = await persons(text);
    expect(found).toContain('lucette');
    expect(found).toContain('fabienne r.');
    expect(found).not.toContain('ide');
  });

  it('leaves a place, an ordinary word and a line that goes on alone', async () => {
    const text = 'clinic run\n\ntue 17/11 – wangkatjungka\n- sores only\nwed 18/11 - stable\n- ok\nthu 19/11 - travel day to the community\n';
    expect(await persons(text)).toEqual([]);
  });
});
