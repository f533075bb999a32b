import { describe, expect, it } from 'vitest';
import { detect } from '../../src/anonymize/text/pipeline.js';

async function labelled(text: string): Promise<string[]> {
  const { spans } = await detect(text, { lang: 'en' });
  return spans.map((s) => `${text.slice(s.start, s.end)}:${s.label}`);
}

// Regression (holdout24, read 2026-11-30): a first name signing an e-mail right above the message it
// answers was read as a town by the model ("Karin", "Maeve"), or left in clear.
describe('a first name alone above a quoted reply', () => {
  it('is the signature, a person', async () => {
    expect(await labelled('He will need home care on discharge.\n\nHelga\n\n-----Original Message-----\nFrom: ward 4')).toContain('Helga:PERSON');
    expect(await labelled('Bloods can be done here.\n\nMaeve\n\n> On Nov 18, 2026, at 9:10 AM, the clinic wrote:')).toContain('Maeve:PERSON');
  });

  it('is not an ordinary word or a heading above a quote', async () => {
    expect((await labelled('See below.\n\nThanks\n\n> On Nov 18, 2026, the clinic wrote:')).some((s) => s.endsWith(':PERSON'))).toBe(false);
    expect((await labelled('Summary\n\n-----Original Message-----\nFrom: ward 4')).some((s) => s.endsWith(':PERSON'))).toBe(false);
  });
});
