import { describe, expect, it } from 'vitest';
import { detect } from '../../src/anonymize/text/pipeline.js';

async function persons(text: string): Promise<string[]> {
  const { spans } = await detect(text, { lang: 'en' });
  return spans.filter((s) => s.label === 'PERSON').map((s) => text.slice(s.start, s.end));
}

// Regression (held-out miss class "dictated 'doctor' before a lowercase surname"): speech-to-text
// writes "this is doctor pemberton-hale dictating"; only "dr" and "docteur" were lowercase titles.
// "doctor" is also a plain noun, so the word after it must be no dictionary word.
describe('a dictated "doctor" before a lowercase surname', () => {
  it('reads the surname', async () => {
    expect(await persons('this is doctor quarshie dictating a discharge letter')).toEqual(['quarshie']);
    expect(await persons('cc doctor venkataraman at the renal unit')).toEqual(['venkataraman']);
  });

  it('not the verb or noun after the plain word "doctor"', async () => {
    expect(await persons('the doctor said she was fine, doctor advised rest, the doctor today, doctor on call')).toEqual([]);
  });
});
