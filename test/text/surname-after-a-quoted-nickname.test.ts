import { describe, expect, it } from 'vitest';
import { detect } from '../../src/anonymize/text/pipeline.js';

async function persons(text: string): Promise<string[]> {
  const { spans } = await detect(text, { lang: 'en' });
  return spans.filter((s) => s.label === 'PERSON').map((s) => text.slice(s.start, s.end));
}

// Regression (miss class "the surname after a quoted nickname"): "Pt: Clarence "Bud" Yancey" and "valet Tommy
// "Two-Bags" Hughes" kept the nickname and the first name but left the surname in clear: the quotes cut it from the
// first name, and the nickname rule stopped before it.
describe('the surname after a quoted nickname', () => {
  it('reads the surname as well as the nickname', async () => {
    expect(await persons('Pt: Clarence "Bud" Yarbrough   MRN: UT8830127')).toEqual(expect.arrayContaining(['Bud', 'Yarbrough']));
    expect(await persons('Contact: valet Tommy "Two-Bags" Heseltine')).toEqual(expect.arrayContaining(['Two-Bags', 'Heseltine']));
  });
});
