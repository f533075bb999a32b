import { describe, expect, it } from 'vitest';
import { detect } from '../../src/anonymize/text/pipeline.js';

async function persons(text: string): Promise<string[]> {
  const { spans } = await detect(text, { lang: 'en' });
  return spans.filter((s) => s.label === 'PERSON').map((s) => text.slice(s.start, s.end));
}

// Regression (holdout39 miss class): lowercase nursing notes list each patient surname first ("connolly,
// aoife 14y", "0715 mcphail, ishbel chi …"); only the capitalised form of that line was read.
describe('a lowercase list line that opens on surname, given name', () => {
  it('names both when the given name is a known one', async () => {
    expect(await persons('sun 22/11 night\nconnolly, aoife 14y, day 1 post PSF')).toEqual(expect.arrayContaining(['connolly', 'aoife']));
    expect(await persons('pca off 1400.\nmckeown, ryan 16y (bed 4) - neuro obs ok')).toEqual(expect.arrayContaining(['mckeown', 'ryan']));
  });

  it('leaves two ordinary words alone', async () => {
    expect(await persons('ce matin 6h10.\nchoque, pleure beaucoup')).toEqual([]);
    expect(await persons('13:15 surfaced, pain 0/10')).toEqual([]);
  });
});
