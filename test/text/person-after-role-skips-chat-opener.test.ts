import { describe, expect, it } from 'vitest';
import { detect } from '../../src/anonymize/text/pipeline.js';

async function persons(text: string): Promise<string[]> {
  const { spans } = await detect(text, { lang: 'en' });
  return spans.filter((s) => s.label === 'PERSON').map((s) => text.slice(s.start, s.end));
}

// Regression (holdout26, read): in a thread where the clinic signs "Nurse:", the greeting or contraction
// that opens the message was taken into the name ("How's Shona", "Hi Graeme"), so its surrogate dropped
// the words around the name.
describe('a name after a role and a chat opener', () => {
  it('is the name alone', async () => {
    expect(await persons("Sat 21 Nov 10:05 am Nurse: How's Shona today?")).toEqual(['Shona']);
    expect(await persons('Thu 19 Nov 8:10 am Nurse: Hi Graeme, thanks for letting us know')).toEqual(['Graeme']);
  });
});
