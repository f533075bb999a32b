import { describe, expect, it } from 'vitest';
import { detect } from '../../src/anonymize/text/pipeline.js';

async function dates(text: string): Promise<string[]> {
  const { spans } = await detect(text, { lang: 'en' });
  return spans.filter((s) => s.label === 'DATE').map((s) => text.slice(s.start, s.end));
}

// Regression (holdout41 miss class, seen across the read sets): a day said alone after "on the" ("his grommet check
// on the ninth but we're away", "the boat was cancelled on the sixteenth.") went out in clear.
describe('a day said alone after "on the"', () => {
  it('is a date when no noun follows it', async () => {
    expect(await dates("He's got his grommet check on the ninth but we're in Weymouth that week.")).toEqual(['ninth']);
    expect(await dates('The boat from Rabi was cancelled on the sixteenth. Chest clear.')).toEqual(['sixteenth']);
    expect(await dates('Could I get the clinic on the 15th instead?')).toEqual(['15th']);
  });

  // Regression (holdout44 miss class, dictated letters): a compound ordinal ("twenty-second") was never looked at, and
  // a verb or "with" after the day ended nothing.
  it('reads compound ordinals and a clause going on after the day', async () => {
    expect(await dates('She was referred on the twenty-second at around midnight.')).toEqual(['twenty-second']);
    expect(await dates('INR on the twenty-sixth was two point four.')).toEqual(['twenty-sixth']);
    expect(await dates('He was admitted on the nineteenth with a swollen painful left leg.')).toEqual(['nineteenth']);
  });

  // Regression (holdout46 miss class, dictated reports): "from the ninth", "until the 28th" bound a stretch of days.
  it('reads a day after a word that opens or closes a stretch of days', async () => {
    expect(await dates('Bilateral facial weakness, left side from the ninth, right side from the twelfth, with tingling.')).toEqual(['ninth', 'twelfth']);
    expect(await dates('Recovered well, eating from the twenty-ninth. Vaccine status unknown.')).toEqual(['twenty-ninth']);
    expect(await dates("She stays at her sister's flat until the 28th. There is a hard swelling.")).toEqual(['28th']);
    expect(await dates('Pain from the second dose onwards; worse after the first week.')).toEqual([]);
  });

  it('leaves a rank before a noun alone', async () => {
    expect(await dates('She lives on the second floor and uses the lift.')).toEqual([]);
    expect(await dates('Fever started on the first day of antibiotics.')).toEqual([]);
  });
});
