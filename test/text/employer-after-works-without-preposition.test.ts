import { describe, expect, it } from 'vitest';
import { detect } from '../../src/anonymize/text/pipeline.js';

async function hospitals(text: string): Promise<string[]> {
  const { spans } = await detect(text, { lang: 'en' });
  return spans.filter((s) => s.label === 'HOSPITAL').map((s) => text.slice(s.start, s.end));
}

// Regression (holdout41 and holdout45, read; holdout28 holds the same): a list's cell or a note's aside drops the
// preposition after "works" ("works Froese Dairy", "works in Lakeland Foods Bailieborough"); the employer, which
// names the patient's workplace, stayed in clear or became a person.
describe('an employer after "works" with no preposition', () => {
  it('is a HOSPITAL when capitalised', async () => {
    expect(await hospitals('"TX-DSHS-26-88202","grandmother; works Froese Dairy"')).toEqual(['Froese Dairy']);
    expect(await hospitals('| 01/12/2026 | works Neuadd Arms Hotel |')).toEqual(['Neuadd Arms Hotel']);
    expect(await hospitals("She works in Lakeland Foods Bailieborough and can't get a day off.")).toEqual(['Lakeland Foods Bailieborough']);
  });

  it('is nothing after an article, in lower case, or as a town', async () => {
    expect(await hospitals('Any weekday except Fridays (she works the Friday rotation).')).toEqual([]);
    expect(await hospitals('The splint works well; he works nights.')).toEqual([]);
    expect(await hospitals('Her daughter works in London.')).toEqual([]);
  });
});
