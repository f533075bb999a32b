import { describe, expect, it } from 'vitest';
import { detect } from '../../src/anonymize/text/pipeline.js';

async function ids(text: string): Promise<string[]> {
  const { spans } = await detect(text, { lang: 'en' });
  return spans.filter((s) => s.label === 'ID').map((s) => text.slice(s.start, s.end));
}

// Regression: an identifier introduced in a sentence ("His Medicare ID is …", "CPR number is …")
// rather than after a colon was missed when its shape matched no other rule.
describe('identifiers introduced by "is" after their name', () => {
  it('finds a Medicare MBI and a Danish CPR number phrased in a sentence', async () => {
    expect(await ids('His Medicare ID is 1EG4-TE5-MK73.\nDue to advanced COPD')).toContain('1EG4-TE5-MK73');
    expect(await ids('His Danish CPR number is 190355-1234. Our discharge letter')).toContain('190355-1234');
  });

  it('needs a value with a digit after "is"', async () => {
    expect(await ids('The Medicare number is pending approval.')).toEqual([]);
  });
});
