import { describe, expect, it } from 'vitest';
import { detect } from '../../src/anonymize/text/pipeline.js';

async function found(text: string): Promise<string[]> {
  const { spans } = await detect(text, { lang: 'auto' });
  return spans.filter((s) => s.label === 'PHONE' || s.label === 'ID').map((s) => `${s.label}:${text.slice(s.start, s.end)}`);
}

// Regression (holdout34, miss class "short national numbers after a call or after whose number it is"): a
// Mauritian number after "will call you on" went out as a long identifier, a New Caledonian one after
// "Téléphone famille :" in clear; a phone word only counted right before its colon.
describe('a short national number', () => {
  it('is a phone after a call made on it', async () => {
    expect(await found('Dr Ramgoolam will call you on 5 741 2290 the day before.')).toEqual(['PHONE:5 741 2290']);
    expect(await found('Please ring her on 27 15 80 after lunch.')).toEqual(['PHONE:27 15 80']);
  });

  it('is a phone after a phone word, whose number it is, and a colon', async () => {
    expect(await found('Téléphone : 78 40 11  Téléphone famille : 46 52 18 (frère)')).toEqual(['PHONE:78 40 11', 'PHONE:46 52 18']);
  });

  it('stays what it was without a call or a phone word', async () => {
    expect(await found('Lot 5 729 4418 was used for the implant.')).not.toContainEqual(expect.stringMatching(/^PHONE:/));
  });
});
