import { describe, expect, it } from 'vitest';
import { detect } from '../../src/anonymize/text/pipeline.js';

async function facilities(text: string): Promise<string[]> {
  const { spans } = await detect(text, { lang: 'en' });
  return spans.filter((s) => s.label === 'HOSPITAL').map((s) => text.slice(s.start, s.end));
}

// Regression (holdout26/holdout29 miss class): lowercase notes name the employer after "works part-time at",
// "works fifo at", "his shift at", and a workplace word may end a name that opens on an ordinary word
// ("savage river mine", "cardigan bay boatyard"); they went out in clear.
describe('a lowercase employer after a work phrase', () => {
  it('after a work pattern or a shift', async () => {
    expect(await facilities('toxic MNG. works part-time at blair atholl distillery. wife isobel drove.')).toContain('blair atholl distillery');
    expect(await facilities('came in the evenings after his shift at iggesund paperboard.')).toContain('iggesund paperboard');
  });

  it('an ordinary first word with a workplace word at the end', async () => {
    expect(await facilities('community nursing. works fifo at savage river mine, asked for a letter')).toContain('savage river mine');
  });

  it('ordinary words with no workplace word stay text', async () => {
    expect(await facilities('he works part-time at home now. she works for herself.')).toEqual([]);
  });
});
