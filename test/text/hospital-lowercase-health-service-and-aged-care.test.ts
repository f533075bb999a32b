import { describe, expect, it } from 'vitest';
import { detect } from '../../src/anonymize/text/pipeline.js';

async function hospitals(text: string): Promise<string[]> {
  const { spans } = await detect(text, { lang: 'en' });
  return spans.filter((s) => s.label === 'HOSPITAL').map((s) => text.slice(s.start, s.end));
}

// Regression (holdout49, read; holdout47 and holdout48 hold the same): lowercase nursing notes head their page with
// the town's health service and name the aged-care home a resident comes from; only the town was found, as a CITY.
describe('a lowercase health service or aged-care home', () => {
  it("is a HOSPITAL in a note's header and after a word of place", async () => {
    expect(await hospitals('merredin health service – acute ward – nursing progress notes\npt: dorothy k')).toEqual(['merredin health service']);
    expect(await hospitals('resident of bruce rock residential aged care, for review.')).toEqual(['bruce rock residential aged care']);
  });

  it('is a HOSPITAL after an "@"', async () => {
    expect(await hospitals('gp: dr anand @ ouyen medical clinic')).toEqual(['ouyen medical clinic']);
  });

  it('names no place after an ordinary word', async () => {
    expect(await hospitals('discussed with the local health service and the aged care team.')).toEqual([]);
  });
});
