import { describe, expect, it } from 'vitest';
import { detect } from '../../src/anonymize/text/pipeline.js';

async function persons(text: string): Promise<string[]> {
  const { spans } = await detect(text, { lang: 'en' });
  return spans.filter((s) => s.label === 'PERSON').map((s) => text.slice(s.start, s.end));
}

// Regression (holdout48 miss class): a chest-drain log names who made each entry by role and login ("| RN mpelletier
// |"); the logins went out in clear.
describe('a login after a staff role in a log', () => {
  it('is a person', async () => {
    const log = '2026-11-24 12:00 | RN mpelletier | output 6-12h: 340 mL\n2026-11-25 15:00 | RT kbirdsell | incentive spirometry 1500 mL';
    expect(await persons(log)).toEqual(['mpelletier', 'kbirdsell']);
  });

  it('leaves a word of the dictionary after the role', async () => {
    expect(await persons('| 10/12/2026 | RT palliative | compression pump PA pending |')).toEqual([]);
  });
});
