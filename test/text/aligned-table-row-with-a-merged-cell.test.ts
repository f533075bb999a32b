import { describe, expect, it } from 'vitest';
import { detect } from '../../src/anonymize/text/pipeline.js';

// Regression (miss class "a printed list's row where one cell swallows its neighbour"): a long forename written one
// blank from its date ("WILLIAM JOHN 30/04/1947") made the row one cell short, and the columns after it, drifting a
// letter from their headers, were read by position only: the town went out in clear. An "H&C NUMBER" column (Northern
// Ireland's health and care number) was no identifier column, so its numbers went out as phones.
const LIST = [
  'LAB NO      H&C NUMBER    SURNAME          FORENAME     DOB         AGE  POSTCODE  TOWN          SITE',
  '------------------------------------------------------------------------------------------------------',
  'M26.418832  324 518 0772  McGIVERN        BRIDGET      04/03/1935  91   BT34 4QT  KILKEEL       JAW ABSCESS',
  'M26.436541  356 892 0417  LOUGHRAN       WILLIAM JOHN 30/04/1947  79   BT34 4SN  BALLYMARTIN    LIVER ABSCESS',
].join('\n');

describe('a printed list with a row one cell short', () => {
  it('reads the columns after the merged cell from the row end', async () => {
    const { spans } = await detect(LIST, { lang: 'en' });
    const labelled = spans.map((s) => `${s.label} ${LIST.slice(s.start, s.end)}`);
    expect(labelled).toContain('CITY BALLYMARTIN');
    expect(labelled).toContain('ZIP BT34 4SN');
  });

  it('reads an H&C NUMBER column as identifiers', async () => {
    const { spans } = await detect(LIST, { lang: 'en' });
    const labelled = spans.map((s) => `${s.label} ${LIST.slice(s.start, s.end)}`);
    expect(labelled).toEqual(expect.arrayContaining(['ID 324 518 0772', 'ID 356 892 0417']));
  });
});
