import { describe, expect, it } from 'vitest';
import { detect } from '../../src/anonymize/text/pipeline.js';

async function ids(text: string): Promise<string[]> {
  const { spans } = await detect(text, { lang: 'en' });
  return spans.filter((s) => s.label === 'ID').map((s) => text.slice(s.start, s.end));
}

// Regression (miss class "a registry row's key with few digits"): the keys opening a DataFrame printout's or a
// MediaWiki table's rows ("XPK-041", "TRI-73-01") were left in clear, with their later mentions: the compound-code
// rule asks five digits, and no keyword announces them.
describe("a registry's row keys", () => {
  it('reads the keys opening the rows of a printout, and the same key named again', async () => {
    const text = [
      ' reg_id   surname     given    dob',
      ' QWN-071  HALLORAN    Brigid   1951-02-03',
      ' QWN-072  OKONEDO     Femi     1988-09-14',
      ' QWN-073  PRZYBYLA    Ola      2012-06-30',
      '>>> df.loc[df.reg_id == "QWN-072", "notes"]',
    ].join('\n');
    expect(await ids(text)).toEqual(expect.arrayContaining(['QWN-071', 'QWN-072', 'QWN-073']));
    expect((await ids(text)).filter((v) => v === 'QWN-072')).toHaveLength(2);
  });

  it('reads the keys of a MediaWiki table', async () => {
    const text = '{| class="wikitable"\n! N° !! Nom\n|-\n| LEP-44-01 || ROUSSEL\n|-\n| LEP-44-02 || MARTINEAU\n|-\n| LEP-44-03 || BOUCHER\n|}';
    expect(await ids(text)).toEqual(expect.arrayContaining(['LEP-44-01', 'LEP-44-02', 'LEP-44-03']));
  });

  it('leaves a code that opens fewer than three rows alone', async () => {
    expect(await ids('ICD-10  J45 asthma\nICD-11  CA23 asthma\n')).toEqual([]);
  });
});
