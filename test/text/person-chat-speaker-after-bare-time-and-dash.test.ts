import { describe, expect, it } from 'vitest';
import { detect } from '../../src/anonymize/text/pipeline.js';

async function persons(text: string): Promise<string[]> {
  const { spans } = await detect(text, { lang: 'fr' });
  return spans.filter((s) => s.label === 'PERSON').map((s) => text.slice(s.start, s.end));
}

// Regression (holdout9 miss): a night's message log writes the sender after a bare time and a dash
// ("01:15 – Manon : curatelle simple"); only a bracketed timestamp or a full date-time was read so.
describe('a speaker after a bare time and a dash', () => {
  it('is a person', async () => {
    expect(await persons('il a une mesure ?\n01:15 – Solène : curatelle simple\n01:41 – Solène : top merci')).toEqual(['Solène', 'Solène']);
  });

  it('an ordinary word there is a heading, not a speaker', async () => {
    expect(await persons('08:00 – Consultation : RAS\n10:30 - Patient : vu')).toEqual([]);
  });
});
