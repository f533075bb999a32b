import { describe, expect, it } from 'vitest';
import { detect } from '../../src/anonymize/text/pipeline.js';

async function ids(text: string): Promise<string[]> {
  const { spans } = await detect(text, { lang: 'en' });
  return spans.filter((s) => s.label === 'ID').map((s) => text.slice(s.start, s.end));
}

// Regression (holdout9/holdout10 miss classes): a National Insurance number printed in pairs, a
// health or identity card number grouped like a phone number (taken as a PHONE), and the last four
// digits of an SSN were left as text.
describe('NI numbers, card numbers and the last four of an SSN', () => {
  it('a UK National Insurance number, in pairs or not', async () => {
    expect(await ids('Claimant: Ms Rhia Dace   NI no. KJ 84 91 37 B   DOB 15/12/1987')).toEqual(['KJ 84 91 37 B']);
    expect(await ids('NI number: PX418273A')).toEqual(['PX418273A']);
  });

  it('no NI number from a prefix the scheme never issues or a fifth letter past D', async () => {
    expect(await ids('Grade DF 12 34 56 A')).toEqual([]);
    expect(await ids('Route AB 12 34 56 E')).toEqual([]);
  });

  it('a card number grouped like a phone number, and an identity card closed by a letter', async () => {
    expect(await ids("his health card is 0087 654 321. He's with Dr Ray")).toEqual(['0087 654 321']);
    expect(await ids('no chest pain. card 0021 774 918, DOB Jan 3 1932')).toEqual(['0021 774 918']);
    expect(await ids('Ms Vella, ID card 0439812M, age 95')).toEqual(['0439812M']);
  });

  it('a count after "card" is no number', async () => {
    expect(await ids('shown a red card 2 times, yellow card 12')).toEqual([]);
  });

  it('the last four digits of an SSN', async () => {
    expect(await ids('DOB 02/14/1950   Last 4 7144   Service: US Army')).toEqual(['7144']);
    expect(await ids('the last four digits of SSN: 5521')).toEqual(['5521']);
  });
});
