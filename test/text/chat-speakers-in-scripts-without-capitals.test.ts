import { describe, expect, it } from 'vitest';
import { detect } from '../../src/anonymize/text/pipeline.js';

async function labelled(text: string): Promise<string[]> {
  const { spans } = await detect(text, { lang: 'en' });
  return spans.filter((s) => s.label === 'PERSON' || s.label === 'CITY').map((s) => `${s.label} ${text.slice(s.start, s.end)}`);
}

// Regression (miss class "a chat sender and their town in a script without capitals"): a family thread exported
// from a phone ("[01/12/2026, 19:04] শাহেদ (সুনামগঞ্জ): …", "[02/12/2026 20:21] رضا (شیراز): …") left the sender's
// town in clear, as the sender line asked for a capital letter that Bengali and Persian do not have.
describe('chat senders and their towns in scripts without capitals', () => {
  it("reads a Bengali or a Persian sender's name and the town in brackets", async () => {
    const out = await labelled('[01/12/2026, 19:04] কামরুল (মৌলভীবাজার): ঠিক আছে।\n[02/12/2026 20:21] نادر (کرمان): باشه.\n');
    expect(out).toEqual(expect.arrayContaining(['PERSON কামরুল', 'CITY মৌলভীবাজার', 'PERSON نادر', 'CITY کرمان']));
  });

  it('keeps a family word out of the name, before or after it', async () => {
    const out = await labelled('[01/12/2026, 19:07] আম্মা: মা, তুমি বিশ্রাম নাও।\n[01/12/2026, 19:10] সেলিনা খালা (সিলেট): don\'t worry\n');
    expect(out).toEqual(expect.arrayContaining(['PERSON সেলিনা', 'CITY সিলেট']));
    expect(out.filter((s) => s.includes('আম্মা') || s.includes('খালা'))).toEqual([]);
  });
});
