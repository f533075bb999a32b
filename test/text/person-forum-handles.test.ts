import { describe, expect, it } from 'vitest';
import { detect } from '../../src/anonymize/text/pipeline.js';

async function persons(text: string): Promise<string[]> {
  const { spans } = await detect(text, { lang: 'en' });
  return spans.filter((s) => s.label === 'PERSON').map((s) => text.slice(s.start, s.end));
}

// Regression (miss class "forum handles left in clear", holdout43): a forum user's handle names one person, whatever
// words it is made of; the forum's own bots and moderators are no one.
describe('forum handles', () => {
  it('marks u/ handles as names, not the service accounts', async () => {
    const post = 'r/KneeReplacement · Posted by u/Dairy_Farmer_Gus · 3 days ago\n**TKR at 61, when can I milk again?**\n\n> **u/knee_warrior_77** · 2d\n> Six weeks for me.\n\nThis thread was locked by u/AutoModerator.';
    expect(await persons(post)).toEqual(['Dairy_Farmer_Gus', 'knee_warrior_77']);
  });

  it('leaves a link path and a plain fraction alone', async () => {
    expect(await persons('See https://forum.example.org/u/abc_def and take 1/2 tablet, or 3 u/kg.')).toEqual([]);
  });
});
