import { describe, expect, it } from 'vitest';
import { detect } from '../../src/anonymize/text/pipeline.js';

async function persons(text: string): Promise<string[]> {
  const { spans } = await detect(text, { lang: 'en' });
  return spans.filter((s) => s.label === 'PERSON').map((s) => text.slice(s.start, s.end));
}

// Regression (holdout41 miss class): a triage log opens each line on its time and a dash, then the patient surname
// first in lower case ("22:14 – wiebe, jacob 7y"); a lowercase inverted name was read only at a line's start, after
// a bullet, a number or a time followed by a blank.
describe('a lowercase surname-first name after a log line\'s time and dash', () => {
  it('is a person', async () => {
    const log = ['01:12 – klassen, gertrude 93y – fall at home, unrelated', '02:40 - wiebe, jacob – measles pcr sent'].join('\n');
    expect(await persons(log)).toEqual(expect.arrayContaining(['klassen', 'gertrude', 'jacob']));
  });

  it('leaves ordinary words after the time alone', async () => {
    expect(await persons('03:10 – pain, better after paracetamol')).toEqual([]);
  });
});
